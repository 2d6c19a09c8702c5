import { classifyExpression } from '../../requestFile/references';
import { isSecretName } from '../../requestFile/secrets';

/** What exporting texts found along the way: variables Postman must declare, chained values to set, notes. */
export interface ExportScope {
  /** Names whose value must never be written (environment reads, secret-named variables): declared empty. */
  secretVariables: Set<string>;
  /** `{{NAME.response.…}}` references by request name: each becomes a test script line on that request. */
  chains: Map<string, Set<string>>;
  /** System variables Postman has no equivalent for, left as written. */
  unmapped: Set<string>;
}

export function newExportScope(): ExportScope {
  return { secretVariables: new Set(), chains: new Map(), unmapped: new Set() };
}

// Thredd system variables with a Postman dynamic variable of the same meaning (Postman's take no arguments).
const SAME_IN_POSTMAN: Record<string, string> = {
  $guid: '$guid',
  $timestamp: '$timestamp',
  $isoTimestamp: '$isoTimestamp',
  $randomInt: '$randomInt',
};

/**
 * A text of a .thredd request as Postman should see it: `{{$processEnv X}}`, `{{$dotenv X}}` and `${env:X}` become
 * `{{X}}` (declared with no value: the secret stays where it was), `{{$guid}}` and friends become Postman's
 * dynamic variables, chained values stay `{{NAME.response.…}}` and are recorded so the request NAME sets them.
 */
export function exportText(text: string, scope: ExportScope): string {
  const fromEnv = text.replace(/\$\{env:([A-Za-z_]\w*)\}/g, (_match, name: string) => {
    scope.secretVariables.add(name);
    return `{{${name}}}`;
  });
  return fromEnv.replace(/\{\{([^{}]*)\}\}/g, (whole, inner: string) => {
    const expression = inner.trim();
    const classified = classifyExpression(expression);
    if (classified.kind === 'system') {
      if (classified.name === '$processEnv' || classified.name === '$dotenv') {
        const name = (classified.args[0] ?? '').replace(/^%/, '');
        if (!name) return whole;
        scope.secretVariables.add(name);
        return `{{${name}}}`;
      }
      const same = SAME_IN_POSTMAN[classified.name];
      if (same) return `{{${same}}}`;
      scope.unmapped.add(classified.name);
      return whole;
    }
    if (classified.kind === 'chained' && classified.chain && !classified.problem) {
      const uses = scope.chains.get(classified.chain.request) ?? new Set<string>();
      uses.add(expression);
      scope.chains.set(classified.chain.request, uses);
      return `{{${expression}}}`;
    }
    if (classified.kind === 'variable' && isSecretName(expression)) scope.secretVariables.add(expression);
    return whole;
  });
}

/**
 * The Postman test script line that sets a chained value after NAME's response, so `{{NAME.response.body.$.a.b}}`
 * keeps working in Postman as a collection variable of that very name. Undefined for paths Postman's
 * scripts cannot express simply (filters, wildcards): those stay unresolved in Postman and are reported.
 */
export function chainScriptLine(expression: string): string | undefined {
  const classified = classifyExpression(expression);
  const chain = classified.chain;
  if (!chain || chain.source !== 'response') return undefined;
  const key = JSON.stringify(expression);
  if (chain.section === 'headers') return `pm.collectionVariables.set(${key}, pm.response.headers.get(${JSON.stringify(chain.path)}));`;
  if (chain.path === '*') return `pm.collectionVariables.set(${key}, pm.response.text());`;
  const steps = /^\$((?:\.[A-Za-z_$][\w$]*|\[\d+\])*)$/.exec(chain.path);
  if (!steps) return undefined;
  return `pm.collectionVariables.set(${key}, pm.response.json()${steps[1]});`;
}
