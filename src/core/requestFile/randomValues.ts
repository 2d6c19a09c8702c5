/**
 * Random sample values under Postman's dynamic variable names (`{{$randomEmail}}`, …), so a request imported from
 * Postman sends a value of the same kind instead of an empty string. Values come from node:crypto's randomInt and
 * small built-in word lists: they are test data, not realistic identities.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Dennis', 'Radia', 'Tim'];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Hamilton', 'Ritchie', 'Perlman'];
const WORDS = ['card', 'ledger', 'token', 'balance', 'merchant', 'payment', 'issuer', 'wallet', 'limit', 'account', 'transfer', 'fee'];
const CITIES = ['London', 'Leeds', 'Dublin', 'Lisbon', 'Madrid', 'Warsaw', 'Berlin', 'Paris', 'Vilnius', 'Prague'];
const COUNTRIES: [string, string][] = [
  ['United Kingdom', 'GB'],
  ['Ireland', 'IE'],
  ['Portugal', 'PT'],
  ['Spain', 'ES'],
  ['Poland', 'PL'],
  ['Germany', 'DE'],
  ['France', 'FR'],
];
const CURRENCIES: [string, string, string][] = [
  ['GBP', 'Pound Sterling', '£'],
  ['EUR', 'Euro', '€'],
  ['USD', 'US Dollar', '$'],
  ['PLN', 'Zloty', 'zł'],
];
const COLORS = ['red', 'green', 'blue', 'orange', 'purple', 'teal', 'black', 'white'];
const JOBS = ['Engineer', 'Analyst', 'Designer', 'Manager', 'Consultant', 'Architect'];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)];
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const alphaNumeric = () => '0123456789abcdefghijklmnopqrstuvwxyz'[randomInt(36)];
const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
const offsetDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

/** Postman's dynamic variable name (with its `$`) → a generator and what it gives. */
export const RANDOM_VALUES: Readonly<Record<string, { description: string; generate: () => string }>> = {
  $randomUUID: { description: 'A new random UUID (v4), as $guid.', generate: () => randomUUID() },
  $randomAlphaNumeric: { description: 'One random letter or digit.', generate: alphaNumeric },
  $randomBoolean: { description: 'true or false.', generate: () => String(randomInt(2) === 1) },
  $randomColor: { description: 'A colour name.', generate: () => pick(COLORS) },
  $randomHexColor: { description: 'A colour as #rrggbb.', generate: () => `#${hex(3)}` },
  $randomAbbreviation: { description: 'A three-letter upper-case abbreviation.', generate: () => hex(2).slice(0, 3).toUpperCase() },
  $randomIP: { description: 'An IPv4 address.', generate: () => Array.from({ length: 4 }, () => randomInt(256)).join('.') },
  $randomIPV6: { description: 'An IPv6 address.', generate: () => Array.from({ length: 8 }, () => hex(2)).join(':') },
  $randomMACAddress: { description: 'A MAC address.', generate: () => Array.from({ length: 6 }, () => hex(1)).join(':') },
  $randomPassword: { description: 'A 15-character password.', generate: () => Array.from({ length: 15 }, alphaNumeric).join('') },
  $randomLocale: { description: 'A locale code such as en.', generate: () => pick(['en', 'de', 'fr', 'es', 'pt', 'pl']) },
  $randomProtocol: { description: 'http or https.', generate: () => pick(['http', 'https']) },
  $randomSemver: { description: 'A version such as 1.4.2.', generate: () => `${randomInt(10)}.${randomInt(10)}.${randomInt(10)}` },
  $randomFirstName: { description: 'A first name.', generate: () => pick(FIRST_NAMES) },
  $randomLastName: { description: 'A last name.', generate: () => pick(LAST_NAMES) },
  $randomFullName: { description: 'A first and last name.', generate: () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}` },
  $randomNamePrefix: { description: 'A title such as Ms.', generate: () => pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.']) },
  $randomNameSuffix: { description: 'A suffix such as Jr.', generate: () => pick(['Jr.', 'Sr.', 'II', 'III']) },
  $randomJobTitle: { description: 'A job title.', generate: () => pick(JOBS) },
  $randomUserName: { description: 'A user name.', generate: () => `${pick(FIRST_NAMES).toLowerCase()}${digits(3)}` },
  $randomEmail: {
    description: 'An email address at example.com.',
    generate: () => `${pick(FIRST_NAMES).toLowerCase()}.${digits(4)}@example.com`,
  },
  $randomExampleEmail: { description: 'An email address at example.com.', generate: () => `user${digits(6)}@example.com` },
  $randomDomainName: { description: 'A domain name under example.com.', generate: () => `${pick(WORDS)}${digits(2)}.example.com` },
  $randomUrl: { description: 'An https URL under example.com.', generate: () => `https://${pick(WORDS)}.example.com/${pick(WORDS)}` },
  $randomPhoneNumber: { description: 'A phone number.', generate: () => `${digits(3)}-${digits(3)}-${digits(4)}` },
  $randomCity: { description: 'A city.', generate: () => pick(CITIES) },
  $randomStreetAddress: { description: 'A street address.', generate: () => `${randomInt(1, 200)} ${pick(LAST_NAMES)} Street` },
  $randomCountry: { description: 'A country name.', generate: () => pick(COUNTRIES)[0] },
  $randomCountryCode: { description: 'An ISO 3166 two-letter country code.', generate: () => pick(COUNTRIES)[1] },
  $randomLatitude: { description: 'A latitude.', generate: () => (randomInt(-90_0000, 90_0000) / 10000).toFixed(4) },
  $randomLongitude: { description: 'A longitude.', generate: () => (randomInt(-180_0000, 180_0000) / 10000).toFixed(4) },
  $randomPrice: { description: 'A price such as 42.17.', generate: () => (randomInt(100, 100000) / 100).toFixed(2) },
  $randomCurrencyCode: { description: 'An ISO 4217 currency code.', generate: () => pick(CURRENCIES)[0] },
  $randomCurrencyName: { description: 'A currency name.', generate: () => pick(CURRENCIES)[1] },
  $randomCurrencySymbol: { description: 'A currency symbol.', generate: () => pick(CURRENCIES)[2] },
  $randomBankAccount: { description: 'An 8-digit account number.', generate: () => digits(8) },
  $randomBankAccountName: { description: 'An account name.', generate: () => `${pick(WORDS)} account` },
  $randomBankAccountIban: { description: 'A GB-style IBAN (not checksummed).', generate: () => `GB${digits(2)}TEST${digits(14)}` },
  $randomBankAccountBic: { description: 'A BIC.', generate: () => `TEST${pick(COUNTRIES)[1]}${digits(2)}` },
  $randomTransactionType: { description: 'A transaction type.', generate: () => pick(['deposit', 'withdrawal', 'payment', 'invoice']) },
  $randomCompanyName: { description: 'A company name.', generate: () => `${pick(LAST_NAMES)} ${pick(['Ltd', 'LLC', 'Group', 'Inc'])}` },
  $randomProduct: { description: 'A product name.', generate: () => pick(WORDS) },
  $randomWord: { description: 'A word.', generate: () => pick(WORDS) },
  $randomWords: { description: 'A few words.', generate: () => words(3) },
  $randomLoremWord: { description: 'A word.', generate: () => pick(WORDS) },
  $randomLoremWords: { description: 'A few words.', generate: () => words(3) },
  $randomLoremSentence: { description: 'A sentence.', generate: () => `${words(6)}.` },
  $randomLoremParagraph: { description: 'A few sentences.', generate: () => `${words(6)}. ${words(6)}. ${words(6)}.` },
  $randomDateFuture: { description: 'An ISO date-time within the next year.', generate: () => offsetDays(randomInt(1, 365)) },
  $randomDatePast: { description: 'An ISO date-time within the past year.', generate: () => offsetDays(-randomInt(1, 365)) },
  $randomDateRecent: { description: 'An ISO date-time within the past days.', generate: () => offsetDays(-randomInt(1, 3)) },
  $randomFileName: { description: 'A file name.', generate: () => `${pick(WORDS)}.txt` },
  $randomFileExt: { description: 'A file extension.', generate: () => pick(['txt', 'json', 'csv', 'pdf']) },
  $randomMimeType: { description: 'A MIME type.', generate: () => pick(['application/json', 'text/plain', 'text/csv', 'application/pdf']) },
  $randomUserAgent: { description: 'A browser user agent.', generate: () => 'Mozilla/5.0 (X11; Linux x86_64) Thredd/1.0' },
};
