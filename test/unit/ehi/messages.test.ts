import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EHI_MESSAGE_TYPES, ehiMessageType, newPurchase, seededRandom } from '../../../src/core/ehi/messages';
import { UserError } from '../../../src/core/errors/userError';

const now = new Date('2026-03-04T09:08:07.654Z');
const build = (type: string, seed: string | number = 1) => ehiMessageType(type).build({ random: seededRandom(seed), now });

describe('EHI message builders', () => {
  it('builds an authorisation request as 0100/A with the fields of the published example', () => {
    const message = build('authorisation');
    assert.equal(message.MTID, '0100');
    assert.equal(message.Txn_Type, 'A');
    assert.equal(message.SendingAttemptCount, 0);
    assert.equal(message.Authorised_by_GPS, 'N');
    assert.equal(message.Proc_Code, '000000');
    for (const field of ['Token', 'TXn_ID', 'Bill_Amt', 'Settle_Amt', 'Txn_Amt', 'ActBal', 'Avl_Bal', 'ProductID', 'SubBIN']) {
      assert.equal(typeof message[field], 'number', `${field} is a JSON number`);
    }
    for (const field of ['traceid_lifecycle', 'Bill_Ccy', 'Txn_CCy', 'Merch_Name', 'MCC_Code', 'Auth_Code_DE38', 'Ret_Ref_No_DE37']) {
      assert.equal(typeof message[field], 'string', `${field} is a JSON string`);
    }
    assert.match(String(message.traceid_lifecycle), /^(VIS1-20260304-\d{15}|BNET-20260304-[0-9A-Z]{9})$/);
    assert.equal(message.Txn_GPS_Date, '2026-03-04 09:08:07.654');
    assert.equal(message.TXN_Time_DE07, '0304090807');
    assert.match(String(message.Token), /^\d{9}$/);
  });

  it('charges the card on an authorisation: Bill_Amt negative, Txn_Amt and Settle_Amt positive (3.1.16)', () => {
    const message = build('authorisation', 'signs');
    assert.ok(Number(message.Bill_Amt) < 0);
    assert.ok(Number(message.Txn_Amt) > 0);
    assert.ok(Number(message.Settle_Amt) > 0);
  });

  it('builds reversal 0400/D, presentment 1240/P, financial reversal 1240/E, balance enquiry 0100/A with Proc_Code 30', () => {
    const pairs = Object.fromEntries(
      ['reversal', 'presentment', 'financial-reversal', 'balance-enquiry'].map((type) => [type, build(type)]),
    );
    assert.deepEqual(Object.fromEntries(Object.entries(pairs).map(([type, message]) => [type, `${message.MTID}/${message.Txn_Type}`])), {
      reversal: '0400/D',
      presentment: '1240/P',
      'financial-reversal': '1240/E',
      'balance-enquiry': '0100/A',
    });
    assert.ok(Number(pairs.reversal.Bill_Amt) > 0, 'a reversal gives the money back');
    assert.ok(Number(pairs.presentment.Settle_Amt) < 0, 'a debit presentment settles negative');
    assert.equal(pairs['balance-enquiry'].Proc_Code, '300000');
    assert.equal(Object.is(pairs['balance-enquiry'].Bill_Amt, 0), true, 'no amount moves, and no -0');
    assert.equal(pairs['balance-enquiry'].MCC_Code, '6011');
    assert.match(String(pairs.presentment.ClearingFileID), /^T112\.\d{25}$/);
  });

  it('gives every message fresh ids, tokens and amounts', () => {
    const random = seededRandom('fresh');
    const messages = Array.from({ length: 50 }, () => ehiMessageType('authorisation').build({ random, now }));
    const distinct = (field: string) => new Set(messages.map((message) => message[field])).size;
    assert.equal(distinct('TXn_ID'), 50);
    assert.equal(distinct('Token'), 50);
    assert.equal(distinct('traceid_lifecycle'), 50);
    assert.ok(distinct('Txn_Amt') > 40);
  });

  it('builds the same messages from the same seed, and different ones from another', () => {
    assert.deepEqual(build('presentment', 'seed-a'), build('presentment', 'seed-a'));
    assert.notDeepEqual(build('presentment', 'seed-a'), build('presentment', 'seed-b'));
  });

  it('matches a reversal to its authorisation through the purchase: same Token and traceid_lifecycle, new TXn_ID', () => {
    const random = seededRandom('lifecycle');
    const purchase = newPurchase(random, now);
    const authorisation = ehiMessageType('authorisation').build({ random, now }, purchase);
    const reversal = ehiMessageType('reversal').build({ random, now }, purchase);
    assert.equal(reversal.traceid_lifecycle, authorisation.traceid_lifecycle);
    assert.equal(reversal.Token, authorisation.Token);
    assert.equal(reversal.Bill_Amt, -authorisation.Bill_Amt);
    assert.notEqual(reversal.TXn_ID, authorisation.TXn_ID);
  });

  it('leaves no field blank or null, as EHI JSON leaves blank fields out', () => {
    for (const { type } of EHI_MESSAGE_TYPES) {
      for (const [field, value] of Object.entries(build(type))) {
        assert.ok(value !== null && value !== '', `${type}.${field} has a value`);
      }
    }
  });

  it('names the message types on a typo', () => {
    assert.throws(
      () => ehiMessageType('authorization'),
      (error: unknown) => error instanceof UserError && /did you mean "authorisation"/.test(error.message),
    );
  });
});
