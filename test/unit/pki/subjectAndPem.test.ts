import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PkiError, parsePemBlocks, toPem, validateSubject } from '../../../src/core/pki';

function subjectError(fields: Parameters<typeof validateSubject>[0]): string {
  try {
    validateSubject(fields);
  } catch (error) {
    assert.ok(error instanceof PkiError);
    assert.equal(error.code, 'invalid-subject');
    return error.message;
  }
  assert.fail('expected the subject to be refused');
}

describe('subject validation', () => {
  it('accepts the fields of the portal command and drops empty optional ones', () => {
    assert.deepEqual(validateSubject({ country: 'GB', organization: 'Acme (UK) Ltd.', organizationalUnit: '', commonName: 'acme-app' }), {
      country: 'GB',
      organization: 'Acme (UK) Ltd.',
      commonName: 'acme-app',
    });
  });

  it('explains each kind of bad subject', () => {
    assert.match(subjectError({ organization: 'Acme' }), /^Common name \(CN\) is required/);
    assert.equal(
      subjectError({ commonName: 'a', country: 'GBR' }),
      'Country (C) is 3 characters long; the most a certificate allows is 2.',
    );
    assert.equal(
      subjectError({ commonName: 'a', country: 'gb' }),
      'Country (C) "gb" must be a two-letter ISO 3166 code in capitals, e.g. GB.',
    );
    assert.equal(
      subjectError({ commonName: 'a', country: 'G1' }),
      'Country (C) "G1" must be a two-letter ISO 3166 code in capitals, e.g. GB.',
    );
    assert.equal(
      subjectError({ commonName: 'a', organization: 'Smith & Co' }),
      'Organisation (O) "Smith & Co" contains "&", which a certificate subject cannot hold: use ' +
        "letters, digits, spaces and ' ( ) + , - . / : = ? only.",
    );
    assert.match(subjectError({ commonName: 'café' }), /contains "é"/);
    assert.match(subjectError({ commonName: 'x'.repeat(65) }), /is 65 characters long; the most a certificate allows is 64/);
    assert.match(subjectError({ commonName: ' acme' }), /starts or ends with a space/);
  });
});

describe('PEM', () => {
  it('reads several blocks in order and round-trips DER', () => {
    const text = `junk before\n${toPem('CERTIFICATE', Buffer.from([0x30, 1, 2]))}${toPem('PRIVATE KEY', Buffer.from([0x30, 3]))}`;
    const blocks = parsePemBlocks(text);
    assert.deepEqual(
      blocks.map((block) => [block.label, block.der.toString('hex')]),
      [
        ['CERTIFICATE', '300102'],
        ['PRIVATE KEY', '3003'],
      ],
    );
    assert.equal(toPem('X', Buffer.alloc(60)).split('\n')[1].length, 64, 'lines of 64 characters');
  });

  it('says a block cut short is truncated, and a damaged one is not base64', () => {
    const pem = toPem('CERTIFICATE', Buffer.alloc(100, 7));
    assert.throws(() => parsePemBlocks(pem.slice(0, 80)), {
      reason: 'truncated',
      message: /has no "-----END CERTIFICATE-----" line: the file looks truncated/,
    });
    assert.throws(() => parsePemBlocks(pem.replace('BwcH', 'Bw*H')), { reason: 'bad-base64' });
    assert.throws(() => parsePemBlocks('hello'), { reason: 'no-blocks' });
  });
});
