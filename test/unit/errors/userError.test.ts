import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUserError, UserError } from '../../../src/core/errors/userError';
import { otherBundleCopy } from '../../support/otherBundleCopy';

class CertificateProblem extends UserError {
  static override readonly kind: string = 'CertificateProblem';
}

class ExpiredCertificate extends CertificateProblem {
  static override readonly kind: string = 'ExpiredCertificate';
}

describe('UserError', () => {
  it('reads as the message then the next step', () => {
    const error = new UserError('thredd.json has no "tokenUrl".', 'Add it to the environment.');
    assert.equal(error.userMessage(), 'thredd.json has no "tokenUrl". Add it to the environment.');
    assert.equal(new UserError('Nothing to do.').userMessage(), 'Nothing to do.');
  });

  it('is named after its declared kind, which survives minification', () => {
    assert.equal(new ExpiredCertificate('x').name, 'ExpiredCertificate');
    assert.equal(new UserError('x').name, 'UserError');
  });

  it('matches subclasses by kind, up the hierarchy', () => {
    const expired = new ExpiredCertificate('expired');
    assert.ok(expired instanceof ExpiredCertificate);
    assert.ok(expired instanceof CertificateProblem);
    assert.ok(expired instanceof UserError);
    assert.equal(new CertificateProblem('x') instanceof ExpiredCertificate, false);
    assert.ok(isUserError(expired));
  });

  it('recognises an error made by another bundle copy of the class', () => {
    const other = otherBundleCopy<typeof import('../../../src/core/errors/userError')>('core/errors/userError');
    assert.notEqual(other.UserError, UserError, 'the copy has its own class object');
    class OtherCertificateProblem extends other.UserError {
      static override readonly kind: string = 'CertificateProblem';
    }
    const foreign = new OtherCertificateProblem('from the PKI bundle', 'Renew it.');
    assert.ok(foreign instanceof UserError);
    assert.ok(foreign instanceof CertificateProblem);
    assert.equal(foreign instanceof ExpiredCertificate, false);
    assert.ok(isUserError(foreign));
    assert.equal(foreign.userMessage(), 'from the PKI bundle Renew it.');
  });

  it('does not take other errors, or look-alikes by name, for user errors', () => {
    assert.equal(new Error('boom') instanceof UserError, false);
    assert.equal(Object.assign(new Error('x'), { name: 'CertificateProblem' }) instanceof CertificateProblem, false);
    assert.equal(isUserError({ message: 'x', fix: 'y' }), false);
    assert.equal(isUserError(undefined), false);
  });
});
