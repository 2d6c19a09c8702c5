import { compactDate, transmissionTime } from './timeFields';
import { alphanumeric, digits, number, pick, type EhiRandom } from './random';

/** A card scheme: it shapes the trace ids (Visa "VIS1-…", Mastercard Banknet "BNET-…") and the BIN. */
export type Scheme = 'visa' | 'mastercard';

export interface Merchant {
  name: string;
  city: string;
  /** ISO 3166 alpha-3, as `Merch_Country` and `Txn_Ctry`. */
  country: string;
  /** ISO 4217 numeric, as `Txn_CCy`. */
  currency: string;
  mcc: string;
  mccDescription: string;
}

/** Invented merchants, one per common category (MCCs and their descriptions as EHI sends them). */
const MERCHANTS: readonly Merchant[] = [
  {
    name: 'Northgate Grocers',
    city: 'LEEDS',
    country: 'GBR',
    currency: '826',
    mcc: '5411',
    mccDescription: 'Grocery Stores, Supermarkets',
  },
  { name: 'Quayside Kitchen', city: 'BRISTOL', country: 'GBR', currency: '826', mcc: '5812', mccDescription: 'Eating Places, Restaurants' },
  {
    name: 'Metro Link Fares',
    city: 'MANCHESTER',
    country: 'GBR',
    currency: '826',
    mcc: '4111',
    mccDescription: 'Commuter Transport, Ferries',
  },
  { name: 'Byteworks Online', city: 'DUBLIN', country: 'IRL', currency: '978', mcc: '5734', mccDescription: 'Computer Software Stores' },
  { name: 'Canal Street Books', city: 'AMSTERDAM', country: 'NLD', currency: '978', mcc: '5942', mccDescription: 'Book Stores' },
  { name: 'Harbour Fuel', city: 'CARDIFF', country: 'GBR', currency: '826', mcc: '5541', mccDescription: 'Service Stations' },
];

/**
 * One card transaction's lifecycle: what its authorisation, reversal, presentment and financial reversal
 * share (the card Token, the merchant, the amount, `traceid_lifecycle`, `Trans_link`), so messages built
 * from one purchase match each other the way Thredd's do (FAQ: traceid_lifecycle is the matching key).
 */
export interface Purchase {
  scheme: Scheme;
  /** The card's public token (EHI `Token`), 9 digits. */
  token: number;
  subBin: number;
  productId: number;
  merchant: Merchant;
  /** Positive, two decimals, in the merchant's currency; billed in the card's currency at `rate`. */
  amount: number;
  /** ISO 4217 numeric billing currency of the card (`Bill_Ccy`). */
  billCurrency: string;
  /** Bill amount per transaction amount unit (1 when the currencies are the same). */
  rate: number;
  /** The card's actual balance before this purchase. */
  balance: number;
  traceLifecycle: string;
  networkTransactionId: string;
  transLink: string;
  retrievalReference: string;
  authCode: string;
  acquirerId: string;
  /** When the authorisation happened. */
  at: Date;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function billAmount(purchase: Purchase): number {
  return round2(purchase.amount * purchase.rate);
}

/** A new purchase with fresh ids, token and amount. `overrides` pins what a test or scenario needs. */
export function newPurchase(random: EhiRandom, at: Date, overrides: Partial<Purchase> = {}): Purchase {
  const scheme: Scheme = overrides.scheme ?? pick(random, ['visa', 'mastercard'] as const);
  const merchant = overrides.merchant ?? pick(random, MERCHANTS);
  const billCurrency = overrides.billCurrency ?? '826';
  const rate = overrides.rate ?? (merchant.currency === billCurrency ? 1 : random.int(8_300, 8_900) / 10_000);
  const day = compactDate(at);
  // Visa's lifecycle id is VIS1-date-15 digits; Mastercard's BNET-date-9 characters (examples 3.1.1-3.1.5).
  const networkRef = scheme === 'visa' ? digits(random, 15) : alphanumeric(random, 9);
  return {
    scheme,
    token: number(random, 9),
    subBin: scheme === 'visa' ? random.int(40_000_000, 49_999_999) : random.int(51_000_000, 55_999_999),
    productId: random.int(1_000, 99_999),
    merchant,
    amount: random.int(100, 25_000) / 100,
    billCurrency,
    rate,
    balance: random.int(50_000, 500_000) / 100,
    traceLifecycle: scheme === 'visa' ? `VIS1-${day}-${networkRef}` : `BNET-${day}-${networkRef}`,
    networkTransactionId: scheme === 'visa' ? `0${networkRef}` : `${networkRef}${transmissionTime(at).slice(0, 4)}`,
    transLink: digits(random, 18),
    retrievalReference: digits(random, 12),
    authCode: digits(random, 6),
    acquirerId: digits(random, 10),
    at,
    ...overrides,
  };
}
