/** What is shown instead of a secret value in hovers, completion and reports. */
export const MASK = '••••••';

const SECRET_NAME = /secret|password|passphrase|token|key/i;
/**
 * Thredd's names that contain "token" or "key" but hold no credential: a card's public token (the id every
 * card call uses, Thredd's stand-in for the PAN) and the idempotencyKey GUID. Masking them would hide which
 * card a request addressed; a name that also says secret, password or an access token stays masked.
 */
const THREDD_IDENTIFIERS = /publicToken|idempotencyKey/gi;

/** Names that hold credentials by convention (clientSecret, API_KEY, access_token, …). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.replace(THREDD_IDENTIFIERS, ''));
}

/** Replaces every occurrence of each secret value in `text` with the mask; longest first so overlaps go too. */
export function redactSecrets(text: string, secrets: readonly { value: string }[]): string {
  const values = [...new Set(secrets.map((secret) => secret.value).filter((value) => value.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  let result = text;
  for (const value of values) result = result.split(value).join(MASK);
  return result;
}
