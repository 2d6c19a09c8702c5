import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MASK } from '../../../src/core/requestFile';
import type { RunResult } from '../../../src/core/runner';
import { exchangeLog } from '../../../src/core/runner/exchangeLog';

function tokenCall(): RunResult {
  const answer = '{"access_token":"marker-token","token_type":"Bearer","expires_in":300}';
  const form = 'grant_type=client_credentials&client_secret=marker-secret';
  return {
    id: 'r1',
    filePath: '/w/token.thredd',
    requestIndex: 0,
    startedAt: new Date().toISOString(),
    request: {
      method: 'POST',
      url: 'https://127.0.0.1:8443/oauth2/token',
      headers: [
        { name: 'Authorization', value: `Basic ${MASK}` },
        { name: 'Cookie', value: 'session=marker-cookie' },
        { name: 'X-Region', value: '0' },
      ],
      body: { preview: form, size: form.length, binary: false, truncated: false, source: { kind: 'text', text: form } },
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json', 'set-cookie': ['a=marker-cookie', 'b=2'] },
      contentType: 'application/json',
      size: answer.length,
      body: { kind: 'memory', bytes: Buffer.from(answer) },
      text: answer,
      truncated: false,
      url: 'https://127.0.0.1:8443/oauth2/token',
      redirects: [],
    },
    expectations: [{ text: 'status == 201', line: 3, passed: false, actual: '200', message: 'expected status == 201, got 200' }],
    warnings: [],
    durationMs: 12.4,
    dependencies: [],
    ok: false,
  };
}

describe('exchangeLog', () => {
  it('lists the request and response headers at debug and the bodies at trace', () => {
    const log = exchangeLog(tokenCall());
    assert.match(log.debug, /^→ POST https:\/\/127\.0\.0\.1:8443\/oauth2\/token\n {2}Authorization: Basic ••••••\n/);
    assert.match(log.debug, /← 200 OK \(12 ms, /);
    assert.match(log.debug, / {2}X-Region: 0\n/);
    assert.match(log.debug, /✗ @expect expected status == 201, got 200/);
    assert.match(log.trace ?? '', /request body:\ngrant_type=client_credentials&client_secret=••••••/);
    assert.match(log.trace ?? '', /response body:\n\{"access_token":"••••••","token_type":"Bearer"/);
  });

  it('masks a token that crosses the trace cut', () => {
    const call = tokenCall();
    const answer = `{"filler":"${'x'.repeat(4070)}","access_token":"marker-long-token-${'y'.repeat(100)}"}`;
    call.response!.text = answer;
    const log = exchangeLog(call);
    assert.equal(/marker-long-token|yyyy/.test(log.trace ?? ''), false);
  });

  it('never writes a credential, cookie or token', () => {
    const log = exchangeLog(tokenCall());
    assert.equal(/marker-/.test(`${log.debug}\n${log.trace}`), false, `${log.debug}\n${log.trace}`);
  });
});
