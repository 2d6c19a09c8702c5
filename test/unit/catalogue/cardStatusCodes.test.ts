import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTIVE_CARD_STATUS,
  CARD_STATUS_CODES,
  cardStatusByCode,
  cardStatusDescription,
  CLIENT_SETTABLE_CARD_STATUS_CODES,
  INACTIVE_CARD_STATUS,
  operationById,
  PERMANENT_CARD_STATUS_CODES,
  TEMPORARY_BLOCK_CARD_STATUS_CODES,
} from '../../../src/core/catalogue';

describe('the card status code table', () => {
  it('lists each two-character code once, with words for it', () => {
    const codes = CARD_STATUS_CODES.map((status) => status.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const status of CARD_STATUS_CODES) {
      assert.match(status.code, /^[0-9A-Z]{2}$/);
      assert.ok(status.status && status.description, status.code);
    }
  });

  it("makes lost, stolen and destroyed permanent, with the Cards API table's archived closed, expired and voided", () => {
    assert.deepEqual([...PERMANENT_CARD_STATUS_CODES].sort(), ['41', '43', '46', '54', '83', '99']);
  });

  it('makes 05, 62 and G1 to G4 temporary blocks, none of them permanent', () => {
    assert.deepEqual([...TEMPORARY_BLOCK_CARD_STATUS_CODES].sort(), ['05', '62', 'G1', 'G2', 'G3', 'G4']);
    for (const code of TEMPORARY_BLOCK_CARD_STATUS_CODES) assert.equal(cardStatusByCode(code)?.permanent, false, code);
    for (const status of CARD_STATUS_CODES) assert.ok(!(status.permanent && status.temporaryBlock), status.code);
  });

  it('has 00 for active and 02 for inactive, neither a block, both settable, worded as Thredd answers them', () => {
    for (const [code, words] of [
      [ACTIVE_CARD_STATUS, 'Active'],
      [INACTIVE_CARD_STATUS, 'Inactive'],
    ]) {
      const status = cardStatusByCode(code);
      assert.deepEqual(
        [status?.status, status?.permanent, status?.temporaryBlock, status?.clientSettable],
        [words, false, false, true],
        code,
      );
    }
    assert.equal(cardStatusDescription(cardStatusByCode('00')!), '00 (Active)');
  });

  it('leaves the statuses Thredd sets (expiry, Thredd Protect, the phone service) out of what a client may set', () => {
    for (const code of ['54', 'G5', 'G6', 'G7', 'G8', 'G9']) assert.ok(!CLIENT_SETTABLE_CARD_STATUS_CODES.includes(code), code);
    for (const code of ['00', '41', '43', '83', 'G1', 'G4']) assert.ok(CLIENT_SETTABLE_CARD_STATUS_CODES.includes(code), code);
  });

  it('zeroes the balance on 98 (refund given) and 99 (voided) only', () => {
    assert.deepEqual(
      CARD_STATUS_CODES.filter((status) => status.zeroesBalance).map((status) => status.code),
      ['98', '99'],
    );
  });

  it('offers the codes a client may set when editing a status change', () => {
    const schema = operationById('cards.status.update').requestBody?.schema as { properties: { cardStatusCode: { examples: unknown } } };
    assert.deepEqual(schema.properties.cardStatusCode.examples, CLIENT_SETTABLE_CARD_STATUS_CODES);
  });
});
