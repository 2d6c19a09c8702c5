import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capturedBodyCandidates, readCapturedEhiRequest } from '../../../src/core/ehi';

describe('reading a captured EHI request from an editor', () => {
  it('takes the X-Thredd-Signature header and the exact body after the blank line', () => {
    const text = [
      '# captured from the simulator',
      'POST https://ehi.example.com/ehi HTTP/1.1',
      'Content-Type: application/json',
      'x-thredd-signature:  k=abc, s=0a0b ',
      '',
      '{',
      '  "MTID": "0100"',
      '}',
      '',
    ].join('\n');
    const captured = readCapturedEhiRequest(text);
    assert.equal(captured.signature, 'k=abc, s=0a0b');
    assert.equal(captured.signatureLine, 4);
    assert.equal(captured.body, '{\n  "MTID": "0100"\n}\n');
  });

  it('keeps CRLF line breaks in the body as they are', () => {
    const captured = readCapturedEhiRequest('POST /ehi\r\nX-Thredd-Signature: k=a, s=00\r\n\r\n{"a":1,\r\n"b":2}');
    assert.equal(captured.body, '{"a":1,\r\n"b":2}');
  });

  it('reads the request around the cursor in a file of several ### requests, else the first signed one', () => {
    const text = [
      '### unsigned',
      'POST https://a.example/ehi',
      '',
      '{"first":1}',
      '### signed',
      '# @ehi-sign',
      'POST https://b.example/ehi',
      'X-Thredd-Signature: k=b, s=00',
      '',
      '{"second":2}',
      '',
    ].join('\n');
    assert.deepEqual(readCapturedEhiRequest(text), { signature: 'k=b, s=00', signatureLine: 8, body: '{"second":2}\n' });
    assert.deepEqual(readCapturedEhiRequest(text, 2), { body: '{"first":1}' });
    assert.equal(readCapturedEhiRequest(text, 9).signature, 'k=b, s=00');
  });

  it('reports no signature and no body when the request has neither', () => {
    assert.deepEqual(readCapturedEhiRequest('GET https://example.com\nAccept: */*\n'), {});
  });

  it('offers the body as written, then without the final line break an editor adds', () => {
    assert.deepEqual(
      capturedBodyCandidates('{}\n').map((candidate) => [candidate.bytes.toString(), candidate.note]),
      [
        ['{}\n', undefined],
        ['{}', 'without the final line break'],
      ],
    );
    assert.equal(capturedBodyCandidates('{}').length, 1);
  });
});
