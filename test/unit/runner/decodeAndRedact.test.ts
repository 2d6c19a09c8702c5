import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MASK } from '../../../src/core/requestFile';
import { curlOfSent, decodeText, headerRecord, isTextualType, maskCredential, parseContentType } from '../../../src/core/runner';
import { redactRequest } from '../../../src/core/runner/redact';

describe('response decoding', () => {
  it('reads the media type and charset of a Content-Type', () => {
    assert.deepEqual(parseContentType('Application/JSON; Charset="UTF-8"'), { type: 'application/json', charset: 'utf-8' });
    assert.deepEqual(parseContentType('text/plain'), { type: 'text/plain', charset: undefined });
    assert.deepEqual(parseContentType(undefined), {});
  });

  it('treats text, JSON, XML and +json/+xml types as text, and sniffs when the type says nothing', () => {
    for (const type of [
      'text/html',
      'application/json',
      'application/problem+json',
      'application/soap+xml',
      'application/x-www-form-urlencoded',
    ])
      assert.equal(isTextualType(type), true, type);
    assert.equal(isTextualType('image/png'), false);
    assert.equal(isTextualType('application/octet-stream'), undefined);
    assert.equal(decodeText(Buffer.from('{"a":1}'), {})?.text, '{"a":1}');
    assert.equal(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), {}), undefined, 'binary stays bytes');
  });

  it('decodes with the declared charset or a BOM, and falls back to UTF-8 for an unknown charset', () => {
    assert.equal(decodeText(Buffer.from('crème', 'latin1'), { type: 'text/plain', charset: 'iso-8859-1' })?.text, 'crème');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hé', 'utf16le')]);
    assert.deepEqual(decodeText(utf16, { type: 'text/plain' }), { text: 'hé', charset: 'utf-16le' });
    assert.deepEqual(decodeText(Buffer.from('ok'), { type: 'text/plain', charset: 'x-no-such-charset' }), { text: 'ok', charset: 'utf-8' });
  });
});

describe('request redaction', () => {
  it('masks credentials after their scheme and every secret value, keeping the rest', () => {
    assert.equal(maskCredential('Bearer eyJabc.def.ghi'), `Bearer ${MASK}`);
    assert.equal(maskCredential('opaque-token-without-scheme'), MASK);
    const secret = { name: 'apiKey', value: 'k-123456' };
    const sent = redactRequest(
      {
        method: 'POST',
        url: 'https://x/y?key=k-123456',
        headers: [
          { name: 'authorization', value: 'Basic dTpw' },
          { name: 'X-Key', value: 'k-123456' },
          { name: 'Accept', value: 'application/json' },
        ],
        body: { kind: 'text', text: 'key=k-123456' },
      },
      Buffer.from('key=k-123456'),
      [secret],
    );
    assert.equal(sent.url, `https://x/y?key=${MASK}`);
    assert.deepEqual(headerRecord(sent.headers), { authorization: `Basic ${MASK}`, 'X-Key': MASK, Accept: 'application/json' });
    assert.deepEqual(sent.body, {
      preview: `key=${MASK}`,
      size: 12,
      binary: false,
      truncated: false,
      source: { kind: 'text', text: `key=${MASK}` },
    });
    assert.match(curlOfSent(sent), /--data-raw 'key=••••••'/);
  });

  it('describes a binary body instead of printing it', () => {
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80]);
    const sent = redactRequest(
      { method: 'PUT', url: 'https://x/file', headers: [], body: { kind: 'file', path: '/tmp/card.bin', processVariables: false } },
      bytes,
      [],
    );
    assert.equal(sent.body?.preview, '<4 bytes of binary data>');
    assert.equal(sent.body?.binary, true);
    assert.match(curlOfSent(sent), /--data-binary @\/tmp\/card\.bin/);
  });

  it('joins repeated headers for reports', () => {
    assert.deepEqual(
      headerRecord([
        { name: 'Accept', value: 'a' },
        { name: 'Accept', value: 'b' },
      ]),
      { Accept: 'a, b' },
    );
  });
});
