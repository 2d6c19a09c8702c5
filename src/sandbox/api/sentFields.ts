import type { FieldErrors } from '../../core/catalogue';
import type { AddressRecord, CardHolderRecord } from '../cardRecords';
import { numericCountry } from '../countries';

/**
 * Parts of Create and Update Card's bodies as they arrive, already valid against the catalogue's schemas. Optional
 * members may be left out or null; on an update, an empty string erases what was stored (Updating a Card).
 */
type Optional<T> = T | null | undefined;

export interface SentAddress {
  addressLine1: string;
  addressLine2?: Optional<string>;
  addressLine3?: Optional<string>;
  city?: Optional<string>;
  state?: Optional<string>;
  county?: Optional<string>;
  postCode: string;
  country: string;
}

export interface SentCardHolder {
  title?: Optional<string>;
  firstName: string;
  middleName?: Optional<string>;
  lastName: string;
  dateOfBirth: string;
  mobile?: Optional<string>;
  email?: Optional<string>;
}

const NO_ADDRESS: AddressRecord = {
  addressLine1: '',
  addressLine2: '',
  addressLine3: '',
  city: '',
  state: '',
  county: '',
  postCode: '',
  country: '',
};
const NO_CARDHOLDER: CardHolderRecord = { title: '', firstName: '', middleName: '', lastName: '', dateOfBirth: '', mobile: '', email: '' };

/** The stored address with the members sent replacing it: null or absent keeps a line, '' erases it. */
export function mergeAddress(sent: SentAddress, stored: AddressRecord = NO_ADDRESS): AddressRecord {
  return { ...mergeTexts(stored, sent), country: sent.country.toUpperCase() };
}

export function mergeCardHolder(sent: SentCardHolder, stored: CardHolderRecord = NO_CARDHOLDER): CardHolderRecord {
  return mergeTexts(stored, sent);
}

function mergeTexts<T extends object>(stored: T, sent: object): T {
  const merged = { ...stored } as Record<string, unknown>;
  for (const [name, value] of Object.entries(sent)) if (typeof value === 'string') merged[name] = value;
  return merged as T;
}

/**
 * The schema checks a country's length only; one ISO 3166 lacks cannot be answered as a numeric code, so it is
 * refused as a field error, as ASP.NET would report a failed attribute.
 */
export function countryErrors(addresses: Readonly<Record<string, SentAddress | null | undefined>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, address] of Object.entries(addresses)) {
    if (address && numericCountry(address.country) === undefined) {
      errors[`${field}.country`] = [`The country field must be an ISO 3166 alpha-3 code such as GBR; ${address.country} is not one.`];
    }
  }
  return errors;
}
