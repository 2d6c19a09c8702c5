/** What is shown instead of a secret value in hovers, completion and reports. */
export const MASK = '••••••';

const SECRET_NAME = /secret|password|passphrase|token|key/i;

/** Names that hold credentials by convention (clientSecret, API_KEY, access_token, …). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Replaces every occurrence of each secret value in `text` with the mask; longest first so overlaps go too. */
export function redactSecrets(text: string, secrets: readonly { value: string }[]): string {
  const values = [...new Set(secrets.map((secret) => secret.value).filter((value) => value.length >= 3))].sort((a, b) => b.length - a.length);
  let result = text;
  for (const value of values) result = result.split(value).join(MASK);
  return result;
}
