import { UserError } from '../../errors/userError';
import { suggestionText } from '../../text/suggest';
import { authorisation, authorisationAdvice, balanceEnquiry, financialReversal, presentment, reversal } from './builders';
import type { EhiMessageType } from './types';

/** The messages the simulator sends, by the name `thredd ehi send` and the snippets use. */
export const EHI_MESSAGE_TYPES: readonly EhiMessageType[] = [
  { type: 'authorisation', title: 'Authorisation request', mtid: '0100', txnType: 'A', response: 'decision', build: authorisation },
  { type: 'reversal', title: 'Authorisation reversal', mtid: '0400', txnType: 'D', response: 'reversal', build: reversal },
  { type: 'presentment', title: 'Financial presentment', mtid: '1240', txnType: 'P', response: 'notification', build: presentment },
  {
    type: 'financial-reversal',
    title: 'Financial reversal',
    mtid: '1240',
    txnType: 'E',
    response: 'notification',
    build: financialReversal,
  },
  { type: 'balance-enquiry', title: 'Balance enquiry', mtid: '0100', txnType: 'A', response: 'decision', build: balanceEnquiry },
  {
    type: 'authorisation-advice',
    title: 'Authorisation advice (stand-in)',
    mtid: '0120',
    txnType: 'J',
    response: 'notification',
    build: authorisationAdvice,
  },
];

export const EHI_MESSAGE_NAMES: readonly string[] = EHI_MESSAGE_TYPES.map((entry) => entry.type);

export function ehiMessageType(name: string): EhiMessageType {
  const found = EHI_MESSAGE_TYPES.find((entry) => entry.type === name);
  if (found) return found;
  throw new UserError(
    `"${name}" is not an EHI message the simulator sends: ${suggestionText(name, EHI_MESSAGE_NAMES)}`,
    `Use one of: ${EHI_MESSAGE_NAMES.join(', ')}.`,
  );
}
