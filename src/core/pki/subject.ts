import type { DnFields } from './distinguishedName';
import { PkiError } from './errors';

/** Upper bounds from RFC 5280 Appendix A (ub-common-name etc.). */
const MAX_LENGTH: Record<keyof DnFields, number> = { country: 2, organization: 64, organizationalUnit: 64, commonName: 64 };
const LABEL: Record<keyof DnFields, string> = {
  country: 'Country (C)',
  organization: 'Organisation (O)',
  organizationalUnit: 'Organisational unit (OU)',
  commonName: 'Common name (CN)',
};

/**
 * PrintableString's alphabet (X.680 §41.4): what every CA, and Thredd's, accepts in a subject.
 * OpenSSL would also take UTF-8, but the portal's instructions stay within this set.
 */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/**
 * Checks the subject the way Thredd's `openssl req -subj "/C=../O=../OU=../CN=.."` expects it and
 * returns it with empty optional fields removed; throws PkiError('invalid-subject') saying what to fix.
 */
export function validateSubject(fields: DnFields): DnFields {
  const cleaned: DnFields = {};
  for (const field of ['country', 'organization', 'organizationalUnit', 'commonName'] as const) {
    const value = fields[field];
    if (value === undefined || value === '') continue;
    if (value.trim() !== value) fail(`${LABEL[field]} "${value}" starts or ends with a space: remove it.`);
    if (value.length > MAX_LENGTH[field])
      fail(`${LABEL[field]} is ${value.length} characters long; the most a certificate allows is ${MAX_LENGTH[field]}.`);
    const bad = [...value].find((char) => !PRINTABLE.test(char));
    if (bad !== undefined) {
      fail(
        `${LABEL[field]} "${value}" contains "${bad}", which a certificate subject cannot hold: use ` +
          `letters, digits, spaces and ' ( ) + , - . / : = ? only.`,
      );
    }
    cleaned[field] = value;
  }
  if (!cleaned.commonName) fail('Common name (CN) is required: use the name of your application, as Thredd Portal shows it.');
  if (cleaned.country !== undefined && !/^[A-Z]{2}$/.test(cleaned.country)) {
    fail(`Country (C) "${cleaned.country}" must be a two-letter ISO 3166 code in capitals, e.g. GB.`);
  }
  return cleaned;
}

function fail(message: string): never {
  throw new PkiError('invalid-subject', message);
}
