/** Finding Thredd's Generate Token request among a collection's requests (see tokenPattern). */
import type { PlacedRequest } from './groups';
import type { PostmanCollection, PostmanEnvironment } from './model';
import { substitute } from './references';
import type { ScriptTranslation } from './scripts/translateScript';
import { bearerVariable, detectTokenRequest, type TokenRequest } from './tokenPattern';

/** A placed request with its test scripts translated. */
export interface Translated extends PlacedRequest {
  tests: ScriptTranslation[];
}

interface TokenSearchInput {
  collection: PostmanCollection;
  environments: readonly PostmanEnvironment[];
}

/** True when `url` becomes an http(s) URL with the variables of the collection and of some environment (or of none). */
function resolvesToUrl(url: string, input: TokenSearchInput): boolean {
  const collectionValues = input.collection.variables.filter((item) => !item.disabled).map((item) => [item.key, item.value] as const);
  const sources = input.environments.length ? input.environments.map((environment) => environment.values) : [[]];
  return sources.some((values) => {
    const all = new Map([...collectionValues, ...values.filter((item) => !item.disabled).map((item) => [item.key, item.value] as const)]);
    return /^https?:\/\/[^\s{}]+$/.test(substitute(url, all));
  });
}

/**
 * The Generate Token request, if the collection has one whose token later requests send as Bearer, and whose URL
 * has a value thredd.json can hold as tokenUrl (else it stays a request, and its token a chained value).
 */
export function findTokenRequest(requests: readonly Translated[], input: TokenSearchInput): { token?: TokenRequest; request?: Translated } {
  const laterBearers: Set<string>[] = [];
  const seen = new Set<string>();
  for (let index = requests.length - 1; index >= 0; index--) {
    laterBearers[index] = new Set(seen);
    const variable = bearerVariable(requests[index].request.headers, requests[index].auth);
    if (variable) seen.add(variable);
  }
  for (const [index, placed] of requests.entries()) {
    const token = detectTokenRequest(placed.request, placed.auth, placed.tests, laterBearers[index]);
    if (token && resolvesToUrl(token.tokenUrl, input)) return { token, request: placed };
  }
  return {};
}
