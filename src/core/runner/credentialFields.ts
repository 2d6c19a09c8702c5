import { MASK } from '../requestFile/secrets';

/** OAuth and registration fields whose values are credentials (RFC 6749, 7521, 7591/7592). */
const CREDENTIAL_NAMES = 'access_token|refresh_token|id_token|client_secret|client_assertion|assertion|registration_access_token|password|passphrase';
const IN_JSON = new RegExp(`("(?:${CREDENTIAL_NAMES})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'g');
const IN_FORM = new RegExp(`(^|[&?])(${CREDENTIAL_NAMES})=([^&\\s]*)`, 'g');

/**
 * Masks credential values in a body kept or shown after the fact (history, logs): a token
 * endpoint's answer sent from a .thredd file, a client_secret in a form body. The live response
 * view shows what the user asked for; what is stored or logged must not keep it.
 */
export function maskCredentialFields(text: string): string {
  return text.replace(IN_JSON, (_match, open: string, _value: string, close: string) => `${open}${MASK}${close}`).replace(IN_FORM, (_match, start: string, name: string) => `${start}${name}=${MASK}`);
}
