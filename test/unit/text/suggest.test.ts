import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, suggestionText } from '../../../src/core/text/suggest';

describe('did-you-mean suggestions', () => {
  it('finds a typo by edit distance, ignoring case', () => {
    assert.equal(closestMatch('tokenURL', ['baseUrl', 'tokenUrl', 'region']), 'tokenUrl');
    assert.equal(closestMatch('regoin', ['baseUrl', 'tokenUrl', 'region']), 'region');
  });

  it('finds a name that was cut short', () => {
    assert.equal(closestMatch('sandbox', ['sandbox-tls', 'uat']), 'sandbox-tls');
  });

  it('lists the choices when nothing is close', () => {
    assert.equal(closestMatch('prod', ['uat', 'sandbox']), undefined);
    assert.equal(suggestionText('prod', ['uat', 'sandbox']), 'expected one of: uat, sandbox.');
    assert.equal(suggestionText('prod', []), 'none are defined yet.');
  });
});
