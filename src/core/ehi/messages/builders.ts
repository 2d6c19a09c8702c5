import { acquirerReference, amountFields, balanceFields, envelope, merchantFields } from './fields';
import { newPurchase, billAmount, type Purchase } from './purchase';
import { digits } from './random';
import { addMinutes, clearingTime, compactDate, gpsDateTime, isoDate, localTime, transmissionTime } from './timeFields';
import type { BuildContext, EhiMessage } from './types';

/*
 * One builder per message type. The fields and their layout follow the EHI JSON guide's example messages
 * (3.1, GetTransaction Example Messages); MTID/Txn_Type pairs follow 2.1 (Processing EHI Transactions).
 */

function purchaseOf(context: BuildContext, purchase: Purchase | undefined): Purchase {
  return purchase ?? newPurchase(context.random, context.now);
}

/** Fields of the online (authorisation-time) messages: POS times, expiry of the authorisation block. */
function onlineFields(purchase: Purchase, at: Date) {
  return {
    POS_Date_DE13: purchase.scheme === 'visa' ? '00000000' : compactDate(at),
    POS_Time_DE12: localTime(at),
    TXN_Time_DE07: transmissionTime(at),
    auth_expdate_utc: gpsDateTime(addMinutes(at, 7 * 24 * 60)),
    POS_Data_DE22: '0510',
    Resp_Code_DE39: '00',
  };
}

/** 0100/A: the card is being charged; the endpoint approves ("00") or declines (3.1.1). */
export function authorisation(context: BuildContext, given?: Purchase): EhiMessage {
  const purchase = purchaseOf(context, given);
  const at = context.now;
  return envelope(purchase, context.random, at, {
    Acquirer_Country: purchase.merchant.country,
    ...onlineFields(purchase, at),
    ...merchantFields(purchase),
    ...balanceFields(purchase, 0),
    ...amountFields(purchase, 'debit', 'auth'),
    Balance_Sequence: context.random.int(1, 500),
    Balance_Sequence_Exthost: 0,
    MTID: '0100',
    Txn_Type: 'A',
    Txn_Stat_Code: 'A',
    Proc_Code: '000000',
    PIN: '0',
  });
}

/** 0400/D: the merchant cancels an authorisation; the blocked amount goes back to the card (3.1.2, 2.1.2). */
export function reversal(context: BuildContext, given?: Purchase): EhiMessage {
  const purchase = purchaseOf(context, given);
  const at = context.now;
  const blocked = billAmount(purchase);
  return envelope(purchase, context.random, at, {
    ...onlineFields(purchase, at),
    Matching_Txn_ID: 0,
    Reason_ID: 0,
    ...merchantFields(purchase),
    ...balanceFields(purchase, blocked),
    ...amountFields(purchase, 'credit', 'auth'),
    MTID: '0400',
    Txn_Type: 'D',
    Txn_Stat_Code: 'A',
    Proc_Code: '000000',
  });
}

/** Fields of clearing (GCMS / Base II) messages: the clearing file, settlement dates, the ARN. */
function clearingFields(context: BuildContext, purchase: Purchase) {
  const clearedAt = context.now;
  return {
    ClearingFileID: `T112.${digits(context.random, 25)}`,
    POS_Date_DE13: compactDate(purchase.at),
    POS_Time_DE12: clearingTime(purchase.at),
    Clearing_Process_Date: isoDate(clearedAt),
    Settlement_Date: isoDate(clearedAt),
    Network_Issuer_Settle_ID: digits(context.random, 6),
    Acquirer_Forwarder_ID: digits(context.random, 6),
    multi_part_number: 0,
    multi_part_count: 0,
    SettlementIndicator: '0',
    Acquirer_Reference_Data_031: acquirerReference(context.random),
    POS_Data_DE22: '090951S99001',
    POS_Termnl_DE41: digits(context.random, 8),
  };
}

/** A clearing notification (1240): the card is debited or credited for a purchase the acquirer cleared. */
function clearingMessage(
  context: BuildContext,
  given: Purchase | undefined,
  txnType: 'P' | 'E',
  direction: 'debit' | 'credit',
): EhiMessage {
  const purchase = purchaseOf(context, given);
  return envelope(purchase, context.random, context.now, {
    ...clearingFields(context, purchase),
    Matching_Txn_ID: 0,
    Reason_ID: 0,
    ...merchantFields(purchase),
    ...balanceFields(purchase, 0),
    ...amountFields(purchase, direction, 'clearing'),
    MTID: '1240',
    Txn_Type: txnType,
    Txn_Stat_Code: 'S',
    Proc_Code: '000000',
  });
}

/** 1240/P: the merchant's first presentment, the money actually taken; answered by acknowledging (3.1.3, 2.1.4). */
export function presentment(context: BuildContext, given?: Purchase): EhiMessage {
  return clearingMessage(context, given, 'P', 'debit');
}

/** 1240/E: the acquirer cancels all or part of a presented transaction; the card is credited (3.1.5). */
export function financialReversal(context: BuildContext, given?: Purchase): EhiMessage {
  return clearingMessage(context, given, 'E', 'credit');
}

/** 0100/A with processing code 30: a balance enquiry at an ATM; no amount moves (3.1.12). */
export function balanceEnquiry(context: BuildContext, given?: Purchase): EhiMessage {
  const purchase = purchaseOf(context, given);
  const at = context.now;
  const atm = { ...purchase.merchant, mcc: '6011', mccDescription: 'Automated Cash Disburse' };
  const noAmount = { ...purchase, merchant: atm, amount: 0 };
  return envelope(noAmount, context.random, at, {
    Acquirer_Country: atm.country,
    ...onlineFields(noAmount, at),
    POS_Data_DE22: '051',
    POS_Termnl_DE41: digits(context.random, 8),
    ...merchantFields(noAmount),
    ...balanceFields(noAmount, 0),
    ...amountFields(noAmount, 'debit', 'none'),
    Balance_Sequence: 0,
    Balance_Sequence_Exthost: 0,
    MTID: '0100',
    Txn_Type: 'A',
    Txn_Stat_Code: 'A',
    Proc_Code: '300000',
  });
}

/** 0120/J: the scheme approved on the issuer's behalf (stand-in) and tells Thredd afterwards (3.1.7, 3.1.8). */
export function authorisationAdvice(context: BuildContext, given?: Purchase): EhiMessage {
  const purchase = purchaseOf(context, given);
  const at = context.now;
  return envelope(purchase, context.random, at, {
    ...onlineFields(purchase, at),
    Response_Source: purchase.scheme === 'visa' ? 'VISA-STIP' : 'MC-STIP',
    Message_Source: purchase.scheme === 'visa' ? 'VISA-STIP' : 'MC-STIP',
    Matching_Txn_ID: 0,
    Reason_ID: 0,
    ...merchantFields(purchase),
    ...balanceFields(purchase, 0),
    ...amountFields(purchase, 'debit', 'none'),
    MTID: '0120',
    Txn_Type: 'J',
    Txn_Stat_Code: 'A',
    Proc_Code: '000000',
  });
}
