import { whereAlpha3 } from 'iso-3166-1';

/**
 * Addresses are sent with ISO 3166 alpha-3 countries (GBR) and Retrieve Card answers them as the numeric code
 * ("826"): the published example does. Undefined for a code ISO 3166 does not have.
 */
export function numericCountry(alpha3: string): string | undefined {
  return whereAlpha3(alpha3)?.numeric;
}
