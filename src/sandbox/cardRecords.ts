import type { CardType } from '../core/catalogue';

/**
 * A card as the sandbox keeps it in api-data.json: what Create and Update Card were sent, what Thredd would
 * have made of it (token, PAN, dates), its status, balance and transactions. The API's answers are drawn from it
 * (api/cardAnswers.ts); it is never sent as it is.
 */
export interface CardRecord {
  /** 9 digits: how every call names the card. */
  publicToken: string;
  /** The Program Manager of the client that created it: another PMID's calls do not see it. */
  pmid: string;
  /** X-Region of the call that created it. */
  region: string;
  cardType: CardType;
  productId: number;
  cardStatusCode: string;
  /** When the status last changed, yyyy-MM-dd. */
  statusUpdated: string;
  customerReference: string | null;
  embossName: string;
  maskedPan: string;
  startDate: string;
  expiryDate: string;
  /** "yyyy-MM-dd HH:mm:ssZ" (Retrieve Card's form), or null while the card was never active. */
  activationDate: string | null;
  cardHolder: CardHolderRecord;
  address: AddressRecord;
  /** Where a Physical card is delivered; null for Virtual cards. */
  fulfilment: AddressRecord | null;
  designId: string | null;
  parentCard: string | null;
  url: string | null;
  freetext1: string | null;
  freetext2: string | null;
  isSingleUse: boolean | null;
  isNonReloadable: boolean | null;
  networkSharingOptOut: boolean;
  language3ds: string | null;
  oobAppUrl: string | null;
  /** Settled funds and (negative) pending spend, in the product's currency. */
  balance: { cardBalance: number; pendingAmount: number };
  /** Oldest first. */
  transactions: TransactionRecord[];
  createdAt: string;
}

/** Every line present, '' when unknown, as Retrieve Card answers; the country as sent (ISO alpha-3). */
export interface AddressRecord {
  addressLine1: string;
  addressLine2: string;
  addressLine3: string;
  city: string;
  state: string;
  county: string;
  postCode: string;
  country: string;
}

export interface CardHolderRecord {
  title: string;
  firstName: string;
  middleName: string;
  lastName: string;
  dateOfBirth: string;
  mobile: string;
  email: string;
}

/** A load or purchase recorded through the portal (portalTransactions.ts). */
export interface TransactionRecord {
  /** Unique across the sandbox: GET /portal/transactions/single/{transactionId} finds it. */
  id: number;
  kind: TransactionKind;
  /** Unsigned, in the card's currency; the kind gives the direction. */
  amount: number;
  currency: string;
  /** ISO 8601, UTC. */
  dateTime: string;
  note: string | null;
  /** The card's balances once it was made. */
  actualBalance: number;
  availableBalance: number;
}

export type TransactionKind = 'load' | 'purchase';
