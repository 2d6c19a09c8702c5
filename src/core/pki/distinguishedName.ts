import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';

/** The subject fields Thredd's OpenSSL command sets (`-subj "/C=../O=../OU=../CN=.."`). */
export interface DnFields {
  country?: string;
  organization?: string;
  organizationalUnit?: string;
  commonName?: string;
}

/** Attribute OIDs (RFC 5280 Appendix A / X.520) with the short names OpenSSL prints. */
const ATTRIBUTES: { field: keyof DnFields; short: string; oid: string }[] = [
  { field: 'country', short: 'C', oid: '2.5.4.6' },
  { field: 'organization', short: 'O', oid: '2.5.4.10' },
  { field: 'organizationalUnit', short: 'OU', oid: '2.5.4.11' },
  { field: 'commonName', short: 'CN', oid: '2.5.4.3' },
];

const SHORT_NAMES: Record<string, string> = {
  ...Object.fromEntries(ATTRIBUTES.map((attribute) => [attribute.oid, attribute.short])),
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.5': 'serialNumber',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/**
 * Builds a Name in OpenSSL's order (C, O, OU, CN) with OpenSSL's string types under its default
 * `string_mask = utf8only`: countryName is a PrintableString (X.520 fixes it), the rest UTF8String.
 */
export function buildName(fields: DnFields): Name {
  const rdns = ATTRIBUTES.filter((attribute) => fields[attribute.field] !== undefined && fields[attribute.field] !== '').map(
    (attribute) => {
      const text = fields[attribute.field]!;
      // The value must be the library's AttributeValue class: a plain object has no ASN.1 schema.
      const value =
        attribute.field === 'country' ? new AttributeValue({ printableString: text }) : new AttributeValue({ utf8String: text });
      return new RelativeDistinguishedName([new AttributeTypeAndValue({ type: attribute.oid, value })]);
    },
  );
  return new Name(rdns);
}

/** One attribute of a name as read back: short name (or dotted OID) and text. */
export interface NameAttribute {
  type: string;
  oid: string;
  value: string;
}

export function nameAttributes(name: Name): NameAttribute[] {
  // Array.from: the library's array classes would otherwise make map() build more of themselves.
  return Array.from(name).flatMap((rdn) =>
    Array.from(rdn, (attribute) => ({
      type: SHORT_NAMES[attribute.type] ?? attribute.type,
      oid: attribute.type,
      value: attribute.value.toString(),
    })),
  );
}

/** `CN=x, O=y` style, most specific first like Node's and OpenSSL's one-line forms read best. */
export function formatName(name: Name): string {
  return oneLineName(nameAttributes(name));
}

/**
 * formatName's text from attributes in the name's order (C first), however they were read: the ASN.1 parse
 * or Node's X509Certificate text (nativeNameAttributes), so the full inspection and the overview agree.
 */
export function oneLineName(attributes: readonly NameAttribute[]): string {
  return attributes
    .map((attribute) => `${attribute.type}=${attribute.value}`)
    .reverse()
    .join(', ');
}

/** The DnFields found in a name (other attributes are only in `nameAttributes`). */
export function nameFields(name: Name): DnFields {
  const fields: DnFields = {};
  for (const attribute of nameAttributes(name)) {
    const known = ATTRIBUTES.find((candidate) => candidate.oid === attribute.oid);
    if (known && fields[known.field] === undefined) fields[known.field] = attribute.value;
  }
  return fields;
}
