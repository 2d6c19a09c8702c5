/** `${env:NAME}` references, as in VS Code settings and the thredd.json examples. */
const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

export type EnvLookup = Readonly<Record<string, string | undefined>>;

export interface Expansion {
  value: string;
  /** Names referenced but not set; the value then still holds their `${env:...}` text. */
  missing: string[];
}

export function hasEnvReference(text: string): boolean {
  return text.includes('${env:');
}

export function expandEnvReferences(text: string, env: EnvLookup): Expansion {
  const missing: string[] = [];
  const value = text.replace(ENV_REFERENCE, (reference, name: string) => {
    const found = env[name];
    if (found === undefined) {
      missing.push(name);
      return reference;
    }
    return found;
  });
  return { value, missing };
}
