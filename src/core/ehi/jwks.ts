import type { JWK } from 'jose';
import { UserError } from '../errors/userError';
import type { EhiJwks } from './signature';

/** Thrown when a JWKS (file or URL) is not one; says where it came from. */
export class EhiJwksError extends UserError {
  static override readonly kind: string = 'EhiJwksError';
}

/** A JWKS text as `{ keys: [...] }`, or an EhiJwksError naming `source` and what is wrong. */
export function readEhiJwks(text: string, source: string): EhiJwks {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EhiJwksError(
      `${source} is not JSON (${(error as Error).message}).`,
      'Point --jwks at a JWKS: a JSON object {"keys": [...]}, such as the sandbox\'s EHI JWKS URL or a copy of Thredd\'s.',
    );
  }
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (typeof value !== 'object' || value === null || !Array.isArray(keys)) {
    throw new EhiJwksError(`${source} is JSON but not a JWKS: it has no "keys" array.`, 'Use a JWKS document {"keys": [...]}.');
  }
  const broken = keys.findIndex((key) => typeof key !== 'object' || key === null || Array.isArray(key));
  if (broken >= 0) throw new EhiJwksError(`${source}: keys[${broken}] is not a JSON object.`, 'Each entry of "keys" is one JWK object.');
  return { keys: keys as JWK[] };
}
