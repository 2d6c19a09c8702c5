// How the listener answers, by Thredd's processing rules (EHI JSON guide 2.1, "Processing EHI Transactions"):
// - authorisations (MTID 0100, Txn_Type A) and online financial requests (0200, M): approve with Responsestatus "00"
//   and Acknowledgement "1", or decline ("51" insufficient funds here) still with Acknowledgement "1";
//   answer CurBalance and AvlBalance as numbers, never null (a null numeric makes EHI decline);
// - authorisation and online financial reversals (Txn_Type D, V): "00" and "1";
// - financial notifications (presentments P, financial reversals E, chargebacks C/H, …): "1" (and "00");
// - duplicates (SendingAttemptCount >= 1 or a TXn_ID already seen): the same answer as the first time.

const DECISION_TYPES = new Set(['A', 'M']);
const REVERSAL_TYPES = new Set(['D', 'V']);

export function createDecisions({ openingBalance = 1000 } = {}) {
  const balances = new Map(); // Token -> available balance; a real host keeps this in its ledger
  const answered = new Map(); // TXn_ID -> the answer given, for duplicates

  const balanceOf = (token) => balances.get(token) ?? openingBalance;
  const withBalances = (answer, token) => ({ ...answer, CurBalance: round(balanceOf(token)), AvlBalance: round(balanceOf(token)) });

  return {
    /** The answer to one message, and whether it repeated an earlier one. */
    answer(message) {
      const id = message.TXn_ID === undefined ? undefined : String(message.TXn_ID);
      if (id !== undefined && answered.has(id)) return { answer: answered.get(id), duplicate: true };
      const answer = decide(message);
      if (id !== undefined) answered.set(id, answer);
      // SendingAttemptCount >= 1 with a new TXn_ID: an advice of a decision Thredd made (e.g. after our timeout); take it.
      return { answer, duplicate: Number(message.SendingAttemptCount) >= 1 };
    },
  };

  function decide(message) {
    const token = String(message.Token ?? '');
    const amount = Math.abs(Number(message.Bill_Amt) || 0);
    if (DECISION_TYPES.has(message.Txn_Type)) {
      // Thredd decided already (stand-in or decline, "Authorised_by_GPS" Y): acknowledge, echoing its response code.
      if (message.Authorised_by_GPS === 'Y') {
        return withBalances({ Responsestatus: String(message.Resp_Code_DE39 ?? '00'), Acknowledgement: '1' }, token);
      }
      if (amount > balanceOf(token)) return withBalances({ Responsestatus: '51', Acknowledgement: '1' }, token);
      balances.set(token, balanceOf(token) - amount);
      return withBalances({ Responsestatus: '00', Acknowledgement: '1' }, token);
    }
    if (REVERSAL_TYPES.has(message.Txn_Type)) {
      balances.set(token, balanceOf(token) + amount);
      return withBalances({ Responsestatus: '00', Acknowledgement: '1' }, token);
    }
    return { Acknowledgement: '1', Responsestatus: '00' };
  }
}

function round(value) {
  return Math.round(value * 100) / 100;
}
