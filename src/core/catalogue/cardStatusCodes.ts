/**
 * Thredd's card status codes (Card Status Codes page; Card Status 55946515147; the SOAP Web Services status page
 * 55998112309; Smart Client appendix B 55918163823), as data the sandbox and the editor read.
 *
 * The pages disagree on which statuses are final. Our reading, which the README repeats:
 * - permanent (no further change once set): 41 lost, 43 stolen and 83 destroyed, the Card Status page's
 *   "permanent block" codes, plus the Cards API table's "Archived" 46 closed, 54 expired and 99 voided. The
 *   table lists 41 as "Live" and the SOAP page also makes 04, 14 and 98 irreversible; the sandbox may make the
 *   set configurable, so it is exported on its own (PERMANENT_CARD_STATUS_CODES);
 * - temporary blocks: 05 and 62 (Card Status page) and G1 to G4 (SOAP page's recommendation);
 * - "00" is active and "02" inactive, the status a Physical card is created in.
 * A client may set every code of the Cards API table except 54 (expiry, set by Thredd) and G5 to G9 (set by
 * Thredd Protect and the IVR). The `status` texts Thredd answers are published for 00 (Active) and 02
 * (Inactive) only; the others are ours.
 */
export interface CardStatusCode {
  /** Two characters: '00', 'G1'. */
  code: string;
  /** What the status means for the card, in our words. */
  description: string;
  /** The `status` text answered with the code: 'Active'. */
  status: string;
  /** A client may set it with PUT /cards/{publicToken}/status. */
  clientSettable: boolean;
  /** Once set, the status can no longer be changed. */
  permanent: boolean;
  /** A block meant to be lifted again by setting 00. */
  temporaryBlock: boolean;
  /** Setting it brings the card's balance to 0.00 (release notes of 29 Sep 2023). */
  zeroesBalance: boolean;
}

type Flag = 'settable' | 'permanent' | 'temporary' | 'zeroes';

function code(value: string, status: string, description: string, ...flags: Flag[]): CardStatusCode {
  return {
    code: value,
    description,
    status,
    clientSettable: flags.includes('settable'),
    permanent: flags.includes('permanent'),
    temporaryBlock: flags.includes('temporary'),
    zeroesBalance: flags.includes('zeroes'),
  };
}

export const CARD_STATUS_CODES: readonly CardStatusCode[] = [
  code('00', 'Active', 'The card works.', 'settable'),
  code('02', 'Inactive', 'The card exists but cannot be used until it is activated.', 'settable'),
  code('04', 'Capture Card', 'A merchant presented with the card should keep it.', 'settable'),
  code('05', 'Do Not Honour', 'Transactions are declined without a reason: a temporary block.', 'settable', 'temporary'),
  code('14', 'Invalid Card', 'No transactions are allowed on the card.', 'settable'),
  code('41', 'Lost Card', 'The cardholder lost the card: a permanent block.', 'settable', 'permanent'),
  code('43', 'Stolen Card', 'The card was stolen: a permanent block.', 'settable', 'permanent'),
  code('46', 'Closed Account', 'The account behind the card is closed.', 'settable', 'permanent'),
  code('54', 'Expired Card', 'The card is past its expiry date; Thredd sets it.', 'permanent'),
  code('57', 'Transaction Not Permitted', 'The cardholder may not make this kind of transaction.', 'settable'),
  code('59', 'Suspected Fraud', 'Fraud is suspected on the card.', 'settable'),
  code('62', 'Restricted Card', 'The card is restricted and cannot be loaded: a temporary block.', 'settable', 'temporary'),
  code('63', 'Security Violation', 'A security rule was broken; no balance adjustments.', 'settable'),
  code('70', 'Contact Issuer', 'The cardholder must contact the issuer.', 'settable'),
  code('75', 'PIN Tries Exceeded', 'The PIN was entered wrongly too many times.', 'settable'),
  code('83', 'Card Destroyed', 'The card was destroyed: a permanent block.', 'settable', 'permanent'),
  code('98', 'Refund Given', 'The balance was refunded to the customer; the balance becomes 0.00.', 'settable', 'zeroes'),
  code('99', 'Card Voided', 'The card is void; the balance becomes 0.00.', 'settable', 'permanent', 'zeroes'),
  code('G1', 'Short-Term Block', 'Blocks all but credits and refunds for a short time.', 'settable', 'temporary'),
  code('G2', 'Short-Term Full Block', 'Blocks every transaction for a short time.', 'settable', 'temporary'),
  code('G3', 'Long-Term Block', 'Blocks all but credits and refunds for a long time.', 'settable', 'temporary'),
  code('G4', 'Long-Term Full Block', 'Blocks every transaction for a long time.', 'settable', 'temporary'),
  code('G5', 'Thredd Protect Short-Term Block', 'Thredd Protect blocks all but credits and refunds for a short time.'),
  code('G6', 'Thredd Protect Short-Term Full Block', 'Thredd Protect blocks every transaction for a short time.'),
  code('G7', 'Thredd Protect Long-Term Block', 'Thredd Protect blocks all but credits and refunds for a long time.'),
  code('G8', 'Thredd Protect Long-Term Full Block', 'Thredd Protect blocks every transaction for a long time.'),
  code('G9', 'IVR Lost Or Stolen', 'Reported lost or stolen through the phone service.'),
  code('5C', 'Blocked By Issuer', 'Visa transactions are refused as not supported or blocked by the issuer.', 'settable'),
  code('9G', 'Blocked By Cardholder', 'Visa transactions are refused: the cardholder blocked the card.', 'settable'),
];

export const ACTIVE_CARD_STATUS = '00';
export const INACTIVE_CARD_STATUS = '02';

export const PERMANENT_CARD_STATUS_CODES: readonly string[] = CARD_STATUS_CODES.filter((status) => status.permanent).map(
  (status) => status.code,
);

export const TEMPORARY_BLOCK_CARD_STATUS_CODES: readonly string[] = CARD_STATUS_CODES.filter((status) => status.temporaryBlock).map(
  (status) => status.code,
);

export const CLIENT_SETTABLE_CARD_STATUS_CODES: readonly string[] = CARD_STATUS_CODES.filter((status) => status.clientSettable).map(
  (status) => status.code,
);

export function cardStatusByCode(value: string): CardStatusCode | undefined {
  return CARD_STATUS_CODES.find((status) => status.code === value);
}

/** How Retrieve Card and Retrieve Card Status describe a status: "00 (Active)". */
export function cardStatusDescription(status: Pick<CardStatusCode, 'code' | 'status'>): string {
  return `${status.code} (${status.status})`;
}
