import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { userMessageOf } from '../../../src/core/errors/userMessage';
import { FileExistsError } from '../../../src/core/fs/safeWrite';
import { PkiError } from '../../../src/core/pki/errors';

// The extension loads the PKI code from its own bundle (dist/lazy/pki.js), which has its own copy of
// these classes: an error thrown there must still be recognised by the main bundle.
describe('errors thrown by a lazily loaded bundle', () => {
  it('are recognised by name as PkiError and FileExistsError', () => {
    class OtherCopyOfPkiError extends Error {
      readonly code = 'wrong-passphrase';
      constructor(message: string) {
        super(message);
        this.name = 'PkiError';
      }
    }
    const fromOtherBundle = new OtherCopyOfPkiError('The passphrase of app.pfx is wrong.');
    assert.ok(fromOtherBundle instanceof PkiError);
    assert.equal(userMessageOf(fromOtherBundle), 'The passphrase of app.pfx is wrong.');
    const exists = Object.assign(new Error('app.key already exists'), { name: 'FileExistsError' });
    assert.ok(exists instanceof FileExistsError);
    assert.equal(userMessageOf(exists), 'app.key already exists');
  });

  it('does not take other errors for them', () => {
    assert.equal(new Error('boom') instanceof PkiError, false);
    assert.equal(new TypeError('x') instanceof FileExistsError, false);
    assert.equal(userMessageOf(new Error('boom')), undefined);
    assert.ok(new FileExistsError('/tmp/a') instanceof FileExistsError);
  });
});
