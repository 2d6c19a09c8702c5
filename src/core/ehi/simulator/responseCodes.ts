/**
 * `Responsestatus` values an endpoint may answer with. The EHI guide names 00 (approve), 05 (do not honour),
 * 10 (partial approval), 0A (approve with load), 51 (insufficient funds), 57, and 91/92/96 (reversal not
 * processed, send again); it points at its Response Status Values appendix for the rest, which are the
 * ISO 8583 (1987) DE39 codes listed here. A code outside this list is reported as a warning, not a failure.
 */
export const RESPONSE_CODES: Readonly<Record<string, string>> = {
  '00': 'approved',
  '01': 'refer to card issuer',
  '03': 'invalid merchant',
  '04': 'pick up card',
  '05': 'do not honour',
  '06': 'error',
  '07': 'pick up card, special condition',
  '0A': 'approved with load (cooperative processing)',
  '10': 'partial approval',
  '12': 'invalid transaction',
  '13': 'invalid amount',
  '14': 'invalid card number',
  '15': 'no such issuer',
  '30': 'format error',
  '41': 'lost card, pick up',
  '43': 'stolen card, pick up',
  '51': 'insufficient funds',
  '54': 'expired card',
  '55': 'incorrect PIN',
  '57': 'transaction not permitted to cardholder',
  '58': 'transaction not permitted to terminal',
  '59': 'suspected fraud',
  '61': 'exceeds withdrawal amount limit',
  '62': 'restricted card',
  '63': 'security violation',
  '65': 'exceeds withdrawal frequency limit',
  '75': 'allowable number of PIN tries exceeded',
  '78': 'card blocked',
  '85': 'no reason to decline',
  '91': 'issuer or switch inoperative',
  '92': 'unable to route',
  '93': 'transaction cannot be completed, violation of law',
  '94': 'duplicate transmission',
  '96': 'system malfunction',
};

/** The codes by which an endpoint asks for a reversal to be sent again (2.1.2: 91, 92 or 96 with Acknowledgement "0"). */
export const RESEND_REVERSAL_CODES: ReadonlySet<string> = new Set(['91', '92', '96']);

/** Response fields that hold numbers: `null` there makes EHI decline the transaction (2.1.2, Response fields). */
export const NUMERIC_RESPONSE_FIELDS: readonly string[] = [
  'CurBalance',
  'AvlBalance',
  'LoadAmount',
  'Bill_Amt_Approved',
  'Update_Balance',
  'New_Balance_Sequence_Exthost',
  'CurBalance_GPS_STIP',
  'AvlBalance_GPS_STIP',
];
