import type { CardRecord } from '../cardRecords';
import { mergeAddress, mergeCardHolder, type SentAddress, type SentCardHolder } from './sentFields';

/** Update Card's body as it arrives, valid against the catalogue's schema: only the fields to change. */
export interface UpdateCardBody {
  customerReference?: string | null;
  language3ds?: string | null;
  designId?: string | null;
  parentCard?: string | null;
  freetext1?: string | null;
  freetext2?: string | null;
  networkSharingOptOut?: boolean | null;
  url?: string | null;
  oobAppUrl?: string | null;
  cardHolder?: SentCardHolder;
  address?: SentAddress;
  fulfilment?: SentAddress;
  nameOnCard?: string | null;
  config3dSecure?: { language3ds?: string | null };
}

/** Members whose sent text replaces the stored one; '' erases it (stored as null), null or absent keeps it. */
const ERASABLE = ['customerReference', 'designId', 'parentCard', 'freetext1', 'freetext2', 'url', 'oobAppUrl', 'language3ds'] as const;

/**
 * What an update changes (Updating a Card): only the fields sent, an empty value erasing the stored one. Printing
 * lines, 3-D Secure's Apata settings and updatedBy are taken but not kept: no answer of the API shows them.
 */
export function cardChanges(card: CardRecord, sent: UpdateCardBody): Partial<CardRecord> {
  const changes: Partial<Record<(typeof ERASABLE)[number], string | null>> & Partial<CardRecord> = {};
  const language3ds = sent.config3dSecure?.language3ds ?? sent.language3ds;
  for (const name of ERASABLE) {
    const value = name === 'language3ds' ? language3ds : sent[name];
    if (typeof value === 'string') changes[name] = value === '' ? null : value;
  }
  if (typeof sent.networkSharingOptOut === 'boolean') changes.networkSharingOptOut = sent.networkSharingOptOut;
  if (typeof sent.nameOnCard === 'string') changes.embossName = sent.nameOnCard;
  if (sent.cardHolder) changes.cardHolder = mergeCardHolder(sent.cardHolder, card.cardHolder);
  if (sent.address) changes.address = mergeAddress(sent.address, card.address);
  if (sent.fulfilment) changes.fulfilment = mergeAddress(sent.fulfilment, card.fulfilment ?? card.address);
  return changes;
}
