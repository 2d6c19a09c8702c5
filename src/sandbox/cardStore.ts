import { randomInt } from 'node:crypto';
import { writeFileAtomic } from '../core/fs/safeWrite';
import type { CardRecord, TransactionRecord } from './cardRecords';
import { readJsonFile } from './stateFiles';

/** api-data.json's layout; files without it hold cards of the sandbox's API before it followed Thredd's. */
const DATA_VERSION = 2;

interface DataFile {
  version?: number;
  cards?: unknown[];
}

export interface CardStoreOptions {
  /** Where cards are kept across restarts; in memory only without it. */
  file?: string;
  log?: (line: string) => void;
  onWriteError?: (error: Error) => void;
}

/**
 * Cards in memory, written to a JSON file in the state folder after each change when `file` is set. Writes are
 * chained so the file always ends with the latest data. Cards are found by public token and PMID: a card of
 * another Program Manager is as unknown as one that does not exist.
 */
export class CardStore {
  private readonly cards = new Map<string, CardRecord>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(private readonly options: CardStoreOptions) {}

  static async open(options: CardStoreOptions = {}): Promise<CardStore> {
    const store = new CardStore(options);
    const saved = options.file ? await readJsonFile<DataFile>(options.file) : undefined;
    if (saved?.version === DATA_VERSION) {
      for (const card of (saved.cards ?? []) as CardRecord[]) store.cards.set(card.publicToken, card);
    } else if (saved?.cards?.length) {
      // Cards from before the sandbox followed Thredd's published API lack a cardholder's date of birth, an
      // address, a status code: nothing to make a published card of. They are left out, not guessed at.
      options.log?.(
        `${options.file} holds ${saved.cards.length} card(s) of the sandbox's earlier API; they are ignored and the file is ` +
          'rewritten with the next card. Create cards again with POST /core/api/v1/cards.',
      );
    }
    return store;
  }

  get(publicToken: string, pmid: string): CardRecord | undefined {
    const card = this.cards.get(publicToken);
    return card && card.pmid === pmid ? card : undefined;
  }

  /** The cards of one Program Manager. */
  list(pmid: string): CardRecord[] {
    return [...this.cards.values()].filter((card) => card.pmid === pmid);
  }

  /** Stores a new card under a fresh 9-digit public token ("a unique 9-digit number", Creating a Card). */
  create(card: Omit<CardRecord, 'publicToken'>): CardRecord {
    let publicToken: string;
    do publicToken = String(randomInt(100_000_000, 1_000_000_000));
    while (this.cards.has(publicToken));
    const created = { publicToken, ...card };
    this.cards.set(publicToken, created);
    this.save();
    return created;
  }

  update(card: CardRecord, changes: Partial<Omit<CardRecord, 'publicToken' | 'pmid'>>): CardRecord {
    const updated = { ...card, ...changes };
    this.cards.set(card.publicToken, updated);
    this.save();
    return updated;
  }

  /** Adds a transaction under a transaction id no other card's transaction has, with the card's new balance. */
  addTransaction(
    card: CardRecord,
    transaction: Omit<TransactionRecord, 'id'>,
    balance: CardRecord['balance'],
  ): { card: CardRecord; transaction: TransactionRecord } {
    const taken = new Set([...this.cards.values()].flatMap((each) => each.transactions.map((item) => item.id)));
    let id: number;
    do id = randomInt(7_000_000_000, 8_000_000_000);
    while (taken.has(id));
    const recorded = { id, ...transaction };
    return { card: this.update(card, { transactions: [...card.transactions, recorded], balance }), transaction: recorded };
  }

  /** The transaction with this id on a card of this PMID, with its card. */
  findTransaction(id: number, pmid: string): { card: CardRecord; transaction: TransactionRecord } | undefined {
    for (const card of this.cards.values()) {
      if (card.pmid !== pmid) continue;
      const transaction = card.transactions.find((item) => item.id === id);
      if (transaction) return { card, transaction };
    }
    return undefined;
  }

  /** Resolves once everything changed so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private save(): void {
    const file = this.options.file;
    if (!file || this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(async () => {
      this.dirty = false;
      const snapshot = JSON.stringify({ version: DATA_VERSION, cards: [...this.cards.values()] }, null, 2) + '\n';
      // The in-memory data stays authoritative; a failed write is reported, and retried with the next change.
      await writeFileAtomic(file, snapshot, 0o600).catch((error: Error) => this.options.onWriteError?.(error));
    });
  }
}
