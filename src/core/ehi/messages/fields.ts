import { billAmount, type Purchase } from './purchase';
import { digits, type EhiRandom } from './random';
import { gpsDateTime } from './timeFields';
import type { EhiMessage } from './types';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A fresh `TXn_ID`: unique per message (the duplicate check keys on it), 11 digits as in the recent examples. */
export function newTxnId(random: EhiRandom): number {
  return random.int(10_000_000_000, 99_999_999_999);
}

/**
 * Amounts with the signs of the guide's table (3.1.16 Examples of Amount Signs): `Txn_Amt` is always
 * positive; `Bill_Amt` is negative for a debit of the card and positive for a credit; `Settle_Amt` is
 * positive on authorisations, signed on clearing messages.
 */
export function amountFields(purchase: Purchase, direction: 'debit' | 'credit', settlement: 'auth' | 'clearing' | 'none') {
  const bill = billAmount(purchase);
  const signed = direction === 'debit' && bill !== 0 ? -bill : bill;
  const settle = settlement === 'none' ? 0 : settlement === 'clearing' ? signed : bill;
  return {
    Bill_Amt: signed,
    Bill_Ccy: purchase.billCurrency,
    Settle_Amt: settle,
    Settle_Ccy: purchase.billCurrency,
    Txn_Amt: purchase.amount,
    Txn_CCy: purchase.merchant.currency,
    Network_TxnAmt_To_BillAmt_Rate: `${Math.round(purchase.rate * 1_000_000)}:6`,
  };
}

/** The card's balances as Thredd holds them (modes where it keeps one); blocked amounts are negative. */
export function balanceFields(purchase: Purchase, blocked: number) {
  return { ActBal: purchase.balance, Avl_Bal: round2(purchase.balance - blocked), BlkAmt: -blocked };
}

export function merchantFields(purchase: Purchase) {
  const { merchant } = purchase;
  const location = `${merchant.name.padEnd(22).slice(0, 22)} ${merchant.city.padEnd(13).slice(0, 13)} ${merchant.country}`;
  return {
    Merch_Name: merchant.name,
    Merch_City: merchant.city,
    Merch_Country: merchant.country,
    MCC_Code: merchant.mcc,
    MCC_Desc: merchant.mccDescription,
    Merch_ID_DE42: merchant.mcc.padEnd(15),
    Merch_Name_DE43: location,
    Txn_Desc: location,
    Txn_Ctry: merchant.country,
  };
}

/** Fee fields: the examples send each one, zero when no fee applies. */
const NO_FEES = {
  FX_Pad: 0,
  Fee_Fixed: 0,
  Fee_Rate: 0,
  MCC_Pad: 0,
  Dom_Fee_Fixed: 0,
  Non_Dom_Fee_Fixed: 0,
  Fx_Fee_Fixed: 0,
  Other_Fee_Amt: 0,
  Fx_Fee_Rate: 0,
  Dom_Fee_Rate: 0,
  Non_Dom_Fee_Rate: 0,
};

/**
 * Wraps a message's own fields with those every GetTransaction message carries: the program (InstCode,
 * groups, product), the card Token, a fresh TXn_ID, fees, and SendingAttemptCount 0 (a first send).
 */
export function envelope(
  purchase: Purchase,
  random: EhiRandom,
  at: Date,
  own: { MTID: string; Txn_Type: string; Txn_Stat_Code: string; Proc_Code: string } & EhiMessage,
): EhiMessage {
  return {
    FxProviderCardholderRate: 0,
    DCC_Indicator: 0,
    multi_part_txn: 0,
    multi_part_txn_final: 0,
    auth_type: '0',
    Response_Source_Why: 0,
    Message_Why: 0,
    traceid_lifecycle: purchase.traceLifecycle,
    Traceid_Message: purchase.traceLifecycle,
    Network_Transaction_ID: purchase.networkTransactionId,
    Acquirer_id_DE32: purchase.acquirerId,
    Auth_Code_DE38: purchase.authCode,
    Ret_Ref_No_DE37: purchase.retrievalReference,
    Trans_link: purchase.transLink,
    Status_Code: '00',
    Token: purchase.token,
    TXn_ID: newTxnId(random),
    Txn_GPS_Date: gpsDateTime(at),
    ...own,
    Authorised_by_GPS: 'N',
    CU_Group: 'SBX-CU-001',
    InstCode: 'SBX',
    ProductID: purchase.productId,
    SubBIN: purchase.subBin,
    TLogIDOrg: 0,
    VL_Group: 'SBX-VL-001',
    ...NO_FEES,
    SendingAttemptCount: 0,
  };
}

/** A fresh `Acquirer_Reference_Data_031` (the 23-digit ARN) for clearing messages. */
export function acquirerReference(random: EhiRandom): string {
  return digits(random, 23);
}
