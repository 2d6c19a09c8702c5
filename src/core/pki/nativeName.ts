import type { NameAttribute } from './distinguishedName';

/**
 * The attributes of a name as Node's X509Certificate prints it (`subject`, `issuer`): OpenSSL's multi-line
 * form, one RDN per line, `+` between the values of a multi-valued RDN, values escaped as RFC 4514 §2.4
 * says (`\,`, `\+`, `\"`..., control characters as `\XX`). Reading this text spares the ASN.1 parse when
 * only the names are wanted; `oid` is the short name OpenSSL gave (it prints unknown types as dotted OIDs).
 */
export function nativeNameAttributes(text: string): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    for (const part of line.split(/(?<!\\) \+ /)) {
      const equals = part.indexOf('=');
      if (equals < 0) continue;
      const type = part.slice(0, equals);
      attributes.push({ type, oid: type, value: unescapeValue(part.slice(equals + 1)) });
    }
  }
  return attributes;
}

/** Undoes RFC 4514 escaping: `\` before a special character, or two hex digits (OpenSSL's control characters). */
function unescapeValue(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(?:([0-9A-Fa-f]{2})|([\s\S]))/g, (_, hex: string | undefined, character: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : character!,
  );
}
