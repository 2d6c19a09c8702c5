import { randomInt } from 'node:crypto';
import { ACTIVE_CARD_STATUS, INACTIVE_CARD_STATUS, type CardType } from '../../core/catalogue';
import type { CardRecord } from '../cardRecords';
import type { SandboxProduct } from '../sandboxProducts';
import { isoDate } from './operationCall';
import { mergeAddress, mergeCardHolder, type SentAddress, type SentCardHolder } from './sentFields';

/** Create Card's body as it arrives, valid against the catalogue's CreateCardRequest. */
export interface CreateCardBody {
  cardType: CardType;
  cardProduct: number;
  designId?: string | null;
  url?: string | null;
  customerReference?: string | null;
  parentCard?: string | null;
  cardHolder: SentCardHolder;
  address: SentAddress;
  fulfilment?: SentAddress;
  nameOnCard?: string | null;
  /** YYYY-MM. */
  expiryDate?: string | null;
  freetext1?: string | null;
  freetext2?: string | null;
  activateNow?: boolean | null;
  isSingleUse?: boolean | null;
  isNonReloadable?: boolean | null;
  language3ds?: string | null;
  oobAppUrl?: string | null;
}

/** Cards are valid for three years, to the end of the month (the catalogue's example: 2025-03-01 to 2028-03-31). */
const VALIDITY_YEARS = 3;

/**
 * The card Thredd would make of the request: a PAN of the product's BIN, valid from today to the end of the month
 * asked for (or three years on), inactive unless activateNow says otherwise; Virtual cards start active (Card
 * Status page). A Physical card is delivered to its fulfilment address, else to the cardholder's.
 */
export function newCardRecord(body: CreateCardBody, product: SandboxProduct, owner: { pmid: string; region: string }, now: Date) {
  const active = body.activateNow ?? body.cardType !== 'Physical';
  const address = mergeAddress(body.address);
  const cardHolder = mergeCardHolder(body.cardHolder);
  const record: Omit<CardRecord, 'publicToken'> = {
    ...owner,
    cardType: body.cardType,
    productId: product.productId,
    cardStatusCode: active ? ACTIVE_CARD_STATUS : INACTIVE_CARD_STATUS,
    statusUpdated: isoDate(now),
    customerReference: body.customerReference ?? null,
    embossName: body.nameOnCard?.trim() || `${cardHolder.firstName} ${cardHolder.lastName}`.toUpperCase(),
    maskedPan: `${product.bin}******${String(randomInt(0, 10_000)).padStart(4, '0')}`,
    startDate: isoDate(now),
    expiryDate: lastDayOfMonth(body.expiryDate ?? yearMonth(now, VALIDITY_YEARS)),
    activationDate: active ? activationTime(now) : null,
    cardHolder,
    address,
    fulfilment: body.cardType === 'Physical' ? (body.fulfilment ? mergeAddress(body.fulfilment) : { ...address }) : null,
    designId: body.designId ?? null,
    parentCard: body.parentCard ?? null,
    url: body.url ?? null,
    freetext1: body.freetext1 ?? null,
    freetext2: body.freetext2 ?? null,
    isSingleUse: body.isSingleUse ?? null,
    isNonReloadable: body.isNonReloadable ?? null,
    networkSharingOptOut: false,
    language3ds: body.language3ds ?? null,
    oobAppUrl: body.oobAppUrl ?? null,
    balance: { cardBalance: 0, pendingAmount: 0 },
    transactions: [],
    createdAt: now.toISOString(),
  };
  return record;
}

/** YYYY-MM of the month `years` after `when`'s. */
function yearMonth(when: Date, years: number): string {
  return `${when.getUTCFullYear() + years}-${String(when.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A YYYY-MM month's last day, yyyy-MM-dd, as Create Card answers a requested expiry. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return isoDate(new Date(Date.UTC(year, monthNumber, 0)));
}

/** Retrieve Card's activationDate: "yyyy-MM-dd HH:mm:ssZ", UTC, with a space (Release notes of 20 May 2024). */
export function activationTime(when: Date): string {
  return `${when.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
