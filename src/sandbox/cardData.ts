import { randomInt } from 'node:crypto';
import { writeFileAtomic } from '../core/fs/safeWrite';
import { readJsonFile } from './stateFiles';

export interface Product {
  productId: string;
  name: string;
  currency: string;
  scheme: string;
  type: string;
}

/** A fixed catalogue: enough to create cards of a few kinds. */
export const PRODUCTS: readonly Product[] = [
  { productId: '1001', name: 'Sandbox Prepaid GBP', currency: 'GBP', scheme: 'Mastercard', type: 'prepaid' },
  { productId: '1002', name: 'Sandbox Debit EUR', currency: 'EUR', scheme: 'Visa', type: 'debit' },
  { productId: '1003', name: 'Sandbox Virtual USD', currency: 'USD', scheme: 'Mastercard', type: 'virtual' },
];

export const CARD_STATUSES = ['INACTIVE', 'ACTIVE', 'BLOCKED', 'LOST', 'STOLEN', 'CLOSED'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Which status changes are allowed; LOST, STOLEN and CLOSED are final (the card is replaced, not revived). */
export const STATUS_TRANSITIONS: Readonly<Record<CardStatus, readonly CardStatus[]>> = {
  INACTIVE: ['ACTIVE', 'CLOSED'],
  ACTIVE: ['BLOCKED', 'LOST', 'STOLEN', 'CLOSED'],
  BLOCKED: ['ACTIVE', 'LOST', 'STOLEN', 'CLOSED'],
  LOST: [],
  STOLEN: [],
  CLOSED: [],
};

export interface Card {
  /** The public token that identifies a card in API calls (never the PAN). */
  id: string;
  productId: string;
  cardholder: { firstName: string; lastName: string };
  externalReference?: string;
  status: CardStatus;
  statusReason?: string;
  maskedPan: string;
  expiryDate: string;
  currency: string;
  region: string;
  createdAt: string;
  updatedAt: string;
  /** The Program Manager that owns the card: cards of another PMID are not visible. */
  pmid: string;
}

export type NewCard = Pick<Card, 'productId' | 'cardholder' | 'externalReference' | 'region' | 'pmid'>;

/**
 * Cards in memory, written to a JSON file in the state folder after each change when `file` is set.
 * Writes are chained so the file always ends with the latest data.
 */
export class CardStore {
  private readonly cards = new Map<string, Card>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    private readonly file?: string,
    private readonly onWriteError?: (error: Error) => void,
  ) {}

  static async open(file?: string, onWriteError?: (error: Error) => void): Promise<CardStore> {
    const store = new CardStore(file, onWriteError);
    const saved = file ? await readJsonFile<{ cards?: Card[] }>(file) : undefined;
    for (const card of saved?.cards ?? []) store.cards.set(card.id, card);
    return store;
  }

  get(id: string, pmid: string): Card | undefined {
    const card = this.cards.get(id);
    return card && card.pmid === pmid ? card : undefined;
  }

  create(input: NewCard, now = new Date()): Card {
    const product = PRODUCTS.find((item) => item.productId === input.productId)!;
    let id: string;
    do id = String(randomInt(100_000_000, 1_000_000_000));
    while (this.cards.has(id));
    const expiry = new Date(Date.UTC(now.getUTCFullYear() + 3, now.getUTCMonth(), 1));
    const card: Card = {
      id,
      productId: input.productId,
      cardholder: input.cardholder,
      ...(input.externalReference !== undefined ? { externalReference: input.externalReference } : {}),
      status: 'INACTIVE',
      maskedPan: `${product.scheme === 'Visa' ? '4' : '5'}${String(randomInt(10_000, 100_000))}******${String(randomInt(0, 10_000)).padStart(4, '0')}`,
      expiryDate: `${String(expiry.getUTCMonth() + 1).padStart(2, '0')}/${String(expiry.getUTCFullYear()).slice(2)}`,
      currency: product.currency,
      region: input.region,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      pmid: input.pmid,
    };
    this.cards.set(id, card);
    this.save();
    return card;
  }

  setStatus(card: Card, status: CardStatus, reason: string | undefined, now = new Date()): Card {
    const updated: Card = { ...card, status, updatedAt: now.toISOString() };
    if (reason !== undefined) updated.statusReason = reason;
    else delete updated.statusReason;
    this.cards.set(card.id, updated);
    this.save();
    return updated;
  }

  /** Resolves once everything changed so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private save(): void {
    if (!this.file || this.dirty) return;
    this.dirty = true;
    const file = this.file;
    this.writing = this.writing.then(async () => {
      this.dirty = false;
      const snapshot = JSON.stringify({ cards: [...this.cards.values()] }, null, 2) + '\n';
      // The in-memory data stays authoritative; a failed write is reported, and retried with the next change.
      await writeFileAtomic(file, snapshot, 0o600).catch((error: Error) => this.onWriteError?.(error));
    });
  }
}
