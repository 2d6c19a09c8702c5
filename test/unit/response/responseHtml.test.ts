import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunResult } from '../../../src/core/runner/types';
import { highlightJson } from '../../../src/vscode/response/jsonHighlight';
import { responseBodyHtml, TABS } from '../../../src/vscode/response/responseHtml';
import { timingSection } from '../../../src/vscode/response/responseSections';

function result(overrides: Partial<RunResult> = {}): RunResult {
  const text = '{"id":"c-1","note":"<script>alert(1)</script>","ok":true,"n":-1.5e3,"none":null}';
  return {
    id: 'r-1',
    filePath: '/w/cards.thredd',
    requestIndex: 0,
    name: 'createCard',
    environment: 'sandbox',
    startedAt: '2026-11-24T10:00:00.000Z',
    request: { method: 'POST', url: 'https://127.0.0.1:8444/core/api/v1/cards', headers: [{ name: 'Authorization', value: 'Bearer ••••••' }, { name: 'X-Region', value: '0' }] },
    response: { status: 201, statusText: 'Created', headers: { 'content-type': 'application/json' }, contentType: 'application/json', size: text.length, body: { kind: 'memory', bytes: Buffer.from(text) }, text, truncated: false, url: 'https://127.0.0.1:8444/core/api/v1/cards', redirects: [] },
    timings: { reused: false, dns: 0, connect: 1, tls: 4, firstByte: 10, download: 1, total: 16 },
    expectations: [{ text: 'status 201', line: 2, passed: true, message: 'status == 201' }],
    warnings: [],
    dependencies: [],
    ok: true,
    ...overrides,
  };
}

describe('the response view HTML', () => {
  it('shows the status with its class, the size and duration, and every tab, Body first', () => {
    const html = responseBodyHtml(result());
    assert.match(html, /<span class="status status-2xx">201 Created<\/span>/);
    assert.match(html, /16 ms · 80 B · sandbox/);
    for (const tab of TABS) assert.match(html, new RegExp(`<button type="button" role="tab" id="tab-${tab}"`));
    assert.match(html, /id="panel-Body" aria-labelledby="tab-Body">/);
    assert.match(html, /id="panel-Headers" aria-labelledby="tab-Headers" hidden>/);
    assert.match(html, /data-result-id="r-1"/);
  });

  it('pretty-prints JSON with token classes and escapes everything the server sent', () => {
    const html = responseBodyHtml(result());
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /<span class="json-string">&quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;<\/span>/);
    assert.match(html, /<span class="json-literal">true<\/span>/);
    assert.match(html, /<span class="json-number">-1500<\/span>/);
    assert.equal(highlightJson('not json'), undefined);
  });

  it('explains an error with the next step and marks it as an alert', () => {
    const html = responseBodyHtml(result({ response: undefined, timings: undefined, ok: false, error: { kind: 'tls-unknown-ca', message: 'The server certificate is not trusted.', explanation: 'Add the server\'s CA with "ca" in thredd.json.' } }));
    assert.match(html, /<div class="notice error" role="alert"><strong>The server certificate is not trusted\.<\/strong><br>Add the server&#39;s CA with &quot;ca&quot; in thredd\.json\./);
    assert.match(html, /No response/);
  });

  it('shows the masked Authorization, never a token', () => {
    const html = responseBodyHtml(result());
    assert.match(html, /Bearer ••••••/);
  });

  it('gives the timing bar widths as data for the page script (the CSP allows no inline styles)', () => {
    const html = timingSection({ reused: false, dns: 0, connect: 1, tls: 4, firstByte: 10, download: 5, total: 20 });
    assert.match(html, /class="phase phase-2" data-width="20\.00"/);
    assert.doesNotMatch(html, /style=/);
  });
});
