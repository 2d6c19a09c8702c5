import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problem, validationProblem } from '../../../src/core/catalogue';
import { MAX_FIELDS, problemDetailsOf } from '../../../src/core/runner/problemDetails';

const TRACE_ID = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00';

function answer(body: unknown, contentType = 'application/problem+json') {
  return { contentType, text: typeof body === 'string' ? body : JSON.stringify(body) };
}

describe('problem details of an answer', () => {
  it('reads a ValidationProblemDetails: title, status, traceId and each field with its messages, in order', () => {
    const errors = { 'cardHolder.dateOfBirth': ['The dateOfBirth field is required.'], nameOnCard: ['Too long.', 'Not latin.'] };
    const body = validationProblem(400, errors, TRACE_ID);
    assert.deepEqual(problemDetailsOf(answer(body)), {
      title: 'One or more validation errors occurred.',
      status: 400,
      detail: undefined,
      instance: undefined,
      traceId: TRACE_ID,
      errors: [
        { field: 'cardHolder.dateOfBirth', messages: ['The dateOfBirth field is required.'] },
        { field: 'nameOnCard', messages: ['Too long.', 'Not latin.'] },
      ],
      moreFields: 0,
    });
  });

  it('reads a ProblemDetails with its detail and instance, and no field errors', () => {
    const notFound = problem(404, 'No card of your program has the public token 999999999.', TRACE_ID);
    const body = { ...notFound, instance: '/core/api/v1/cards/999999999' };
    const summary = problemDetailsOf(answer(body));
    assert.equal(summary?.title, 'Not Found');
    assert.equal(summary?.detail, 'No card of your program has the public token 999999999.');
    assert.equal(summary?.instance, '/core/api/v1/cards/999999999');
    assert.deepEqual(summary?.errors, []);
  });

  it('recognises a problem sent as plain application/json by its status, title and one of type, errors or traceId', () => {
    assert.equal(problemDetailsOf(answer({ status: 409, title: 'Conflict', traceId: TRACE_ID }, 'application/json'))?.traceId, TRACE_ID);
    assert.equal(problemDetailsOf(answer({ status: 500, title: 'Oops', type: 'about:blank' }, undefined))?.title, 'Oops');
    const titled = answer({ status: 200, title: 'A card', name: 'Gold' }, 'application/json');
    assert.equal(problemDetailsOf(titled), undefined, 'a card with a title is no problem');
    assert.equal(problemDetailsOf(answer({ title: 'No status', traceId: TRACE_ID }, 'application/json')), undefined);
    assert.equal(problemDetailsOf(answer({ status: '400', title: 'Text status', type: 'x' }, 'application/json')), undefined);
  });

  it('answers undefined for what is not a problem, and never throws on odd bodies', () => {
    const odd = ['', 'not json', '{"status": 400, "title": "cut sh', '[1, 2]', 'null', '42', '"text"', '{}', '{"errors": {"a": [1, {}]}}'];
    for (const text of odd) assert.equal(problemDetailsOf({ contentType: 'application/problem+json', text }), undefined, text);
    assert.equal(problemDetailsOf(undefined), undefined);
    assert.equal(problemDetailsOf({ contentType: 'application/problem+json' }), undefined, 'a binary body has no text');
    const cut = { ...answer(validationProblem(400, { a: ['b'] })), truncated: true };
    assert.equal(problemDetailsOf(cut), undefined, 'a body cut at the in-memory limit is not read');
  });

  it('ignores members of the wrong type and keeps only string messages; a lone message counts as a list of one', () => {
    const body = {
      type: 7,
      title: ['not', 'text'],
      status: 422.5,
      detail: '   ',
      traceId: { id: TRACE_ID },
      errors: { Messages: 'The card is already active.', amount: [12, 'Must be positive.', null], empty: [], nested: { deep: ['x'] } },
    };
    assert.deepEqual(problemDetailsOf(answer(body)), {
      title: undefined,
      status: undefined,
      detail: undefined,
      instance: undefined,
      traceId: undefined,
      errors: [
        { field: 'Messages', messages: ['The card is already active.'] },
        { field: 'amount', messages: ['Must be positive.'] },
      ],
      moreFields: 0,
    });
    assert.deepEqual(problemDetailsOf(answer({ status: 400, title: 'x', errors: ['a list', 'not a map'] }))?.errors, []);
  });

  it(`keeps the first ${MAX_FIELDS} fields and counts the rest`, () => {
    const errors = Object.fromEntries(Array.from({ length: MAX_FIELDS + 7 }, (_, index) => [`field${index}`, [`Message ${index}.`]]));
    const summary = problemDetailsOf(answer(validationProblem(400, errors)));
    assert.equal(summary?.errors.length, MAX_FIELDS);
    assert.equal(summary?.errors[0].field, 'field0');
    assert.equal(summary?.moreFields, 7);
  });
});
