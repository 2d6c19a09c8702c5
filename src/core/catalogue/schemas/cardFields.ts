import { text } from './build';

/**
 * Shapes of values that several answers share. The pages publish no patterns for them; these are our reading of
 * their text and examples, so a sandbox's answers can be checked against them:
 * - a public token is "a unique 9-digit number", and examples and `parentCard` (9..10 digits) allow 10;
 * - a masked PAN is the first 6 and last 4 digits around 6 asterisks (123456******3456);
 * - dates in answers are yyyy-MM-dd.
 */
export const PUBLIC_TOKEN_PATTERN = '^[0-9]{9,10}$';
export const MASKED_PAN_PATTERN = '^[0-9]{6}\\*{6}[0-9]{4}$';
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
/** A year and month, YYYY-MM: the request's card expiry and status validity (the OpenAPI's date-time does not fit it). */
export const YEAR_MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

export const PUBLIC_TOKEN = text("The card's public token, a 9 or 10 digit number: how every call names the card, never by its PAN.", {
  pattern: PUBLIC_TOKEN_PATTERN,
});

export const MASKED_PAN = text('The card number with all but the first 6 and last 4 digits hidden.', { pattern: MASKED_PAN_PATTERN });

export function answeredDate(description: string) {
  return text(`${description}, yyyy-MM-dd.`, { pattern: DATE_PATTERN });
}

/** Thredd's card types (Create Card's OpenAPI enum). */
export const CARD_TYPES = ['Physical', 'Virtual', 'MasterVirtual'] as const;
export type CardType = (typeof CARD_TYPES)[number];
