import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeOperation, operationById } from '../../../src/core/apiEditing';

describe('an operation as the editor describes it', () => {
  it('gives method and path, id, summary, scope, idempotency, parameters and the statuses it answers', () => {
    const text = describeOperation(operationById('cards.status.update'));
    assert.deepEqual(text.split('\n\n'), [
      '**PUT /cards/\\{publicToken\\}/status** · `cards.status.update`',
      "Changes a card's status: activate it \\(00\\), block it for a while \\(G1 to G4, 05, 62\\) " +
        'or for good \\(41 lost, 43 stolen, 83 destroyed\\)\\.',
      'Scope `cards.write` · idempotent with an `idempotencyKey` header (a GUID): a retry within an hour is not done twice',
      "`publicToken` (path, required): The card's public token \\(9 or 10 digits\\), as Create Card answered it\\.",
      'Answers 200, 400, 401, 403, 404, 422, 500',
    ]);
    assert.match(
      describeOperation(operationById('cards.get')),
      /Scope `cards\.read` · not idempotent: Thredd ignores an `idempotencyKey` here/,
    );
  });
});
