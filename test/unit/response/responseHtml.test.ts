import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUSINESS_RULE_KEY, problem, validationProblem } from '../../../src/core/catalogue';
import type { ReceivedResponse, RunResult } from '../../../src/core/runner/types';
import { highlightJson } from '../../../src/vscode/response/jsonHighlight';
import { responseBodyHtml, TABS } from '../../../src/vscode/response/responseHtml';
import { timingSection, tlsSection } from '../../../src/vscode/response/responseSections';
import { joinedPattern } from '../../support/joinedPattern';

function result(overrides: Partial<RunResult> = {}): RunResult {
  const text = '{"id":"c-1","note":"<script>alert(1)</script>","ok":true,"n":-1.5e3,"none":null}';
  return {
    id: 'r-1',
    filePath: '/w/cards.thredd',
    requestIndex: 0,
    name: 'createCard',
    environment: 'sandbox',
    startedAt: '2026-11-24T10:00:00.000Z',
    request: {
      method: 'POST',
      url: 'https://127.0.0.1:8444/core/api/v1/cards',
      headers: [
        { name: 'Authorization', value: 'Bearer ••••••' },
        { name: 'X-Region', value: '0' },
      ],
    },
    response: {
      status: 201,
      statusText: 'Created',
      headers: { 'content-type': 'application/json' },
      contentType: 'application/json',
      size: text.length,
      body: { kind: 'memory', bytes: Buffer.from(text) },
      text,
      truncated: false,
      url: 'https://127.0.0.1:8444/core/api/v1/cards',
      redirects: [],
    },
    timings: { reused: false, dns: 0, connect: 1, tls: 4, firstByte: 10, download: 1, total: 16 },
    expectations: [{ text: 'status 201', line: 2, passed: true, message: 'status == 201' }],
    warnings: [],
    dependencies: [],
    ok: true,
    ...overrides,
  };
}

/** An answer of `status` with `body` as JSON of `contentType`. */
function answered(status: number, statusText: string, body: unknown, contentType = 'application/problem+json'): Partial<RunResult> {
  const text = JSON.stringify(body);
  const response: ReceivedResponse = {
    ...result().response!,
    status,
    statusText,
    headers: { 'content-type': contentType },
    contentType,
    size: text.length,
    body: { kind: 'memory', bytes: Buffer.from(text) },
    text,
  };
  return { response, ok: false, expectations: [] };
}

const TRACE_ID = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00';

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
    const html = responseBodyHtml(
      result({
        response: undefined,
        timings: undefined,
        ok: false,
        error: {
          kind: 'tls-unknown-ca',
          message: 'The server certificate is not trusted.',
          explanation: 'Add the server\'s CA with "ca" in thredd.json.',
        },
      }),
    );
    assert.match(
      html,
      joinedPattern(
        /<div class="notice error" role="alert"><strong>The server certificate is not trusted\.<\/strong><br>/,
        /Add the server&#39;s CA with &quot;ca&quot; in thredd\.json\./,
      ),
    );
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

describe('problem details in the response view', () => {
  it('sums up a ValidationProblemDetails above the tabs: status and title, each field with its messages, the traceId to copy', () => {
    const errors = { 'cardHolder.dateOfBirth': ['The dateOfBirth field is required.'], nameOnCard: ['Too long.', 'Not latin.'] };
    const html = responseBodyHtml(result(answered(400, 'Bad Request', validationProblem(400, errors, TRACE_ID))));
    const section = html.slice(html.indexOf('<section class="problem"'), html.indexOf('</section>') + '</section>'.length);
    assert.match(section, /^<h2 id="problem-title"><span class="status status-4xx">400<\/span> One or more validation errors occurred\./m);
    assert.match(section, /<dt><code>cardHolder\.dateOfBirth<\/code><\/dt><dd><ul><li>The dateOfBirth field is required\.<\/li><\/ul>/);
    assert.match(section, /<dt><code>nameOnCard<\/code><\/dt><dd><ul><li>Too long\.<\/li><li>Not latin\.<\/li><\/ul><\/dd>/);
    const copy = '<button type="button" data-action="copyTraceId" aria-label="Copy the traceId">Copy</button>';
    assert.ok(section.includes(`<code id="problem-trace-id">${TRACE_ID}</code>${copy}`), section);
    assert.ok(html.indexOf('<section class="problem"') < html.indexOf('role="tablist"'), 'the summary comes before the tabs');
    assert.match(html, /id="panel-Body"[^>]*><pre class="body"/, 'the body stays in its tab');
  });

  it("shows a ProblemDetails' detail, names business rules and the body itself, and falls back to the response status", () => {
    const notFound = responseBodyHtml(result(answered(404, 'Not Found', problem(404, 'No card has this token.', TRACE_ID))));
    assert.match(notFound, /status-4xx">404<\/span> Not Found<\/h2>\n<p class="problem-detail">No card has this token\.<\/p>/);
    assert.doesNotMatch(notFound, /problem-errors/);
    const rules = { [BUSINESS_RULE_KEY]: ['A Virtual card has no fulfilment address.'], '': ['The body is not JSON.'] };
    const html = responseBodyHtml(result(answered(422, 'Unprocessable Entity', { title: 'Refused', traceId: TRACE_ID, errors: rules })));
    assert.match(html, /status-4xx">422<\/span> Refused<\/h2>/, "no status in the body: the response's");
    assert.match(html, /<dt><code>Messages<\/code> <span class="muted">\(business rules\)<\/span><\/dt>/);
    assert.match(html, /<dt><span class="muted">\(the body\)<\/span><\/dt>/);
  });

  it('escapes every part of the problem: title, detail, field names, messages and traceId', () => {
    const hostile = {
      status: 400,
      title: '<script>alert("t")</script>',
      detail: '<img src=x onerror=alert(1)>',
      traceId: '"><svg onload=alert(2)>',
      errors: { '<b onmouseover=alert(3)>field</b>': ['</li></ul><script>alert(4)</script>'], "a' data-action='resend": ['&amp; already'] },
    };
    const html = responseBodyHtml(result(answered(400, 'Bad Request', hostile, 'application/json')));
    assert.doesNotMatch(html, /<script>alert|<img src|<svg|<b onmouseover|data-action='resend/);
    assert.match(html, /<span class="status status-4xx">400<\/span> &lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt;<\/h2>/);
    assert.match(html, /<p class="problem-detail">&lt;img src=x onerror=alert\(1\)&gt;<\/p>/);
    assert.match(html, /<code id="problem-trace-id">&quot;&gt;&lt;svg onload=alert\(2\)&gt;<\/code>/);
    assert.match(html, /<dt><code>&lt;b onmouseover=alert\(3\)&gt;field&lt;\/b&gt;<\/code><\/dt>/);
    assert.match(html, /<dd><ul><li>&lt;\/li&gt;&lt;\/ul&gt;&lt;script&gt;alert\(4\)&lt;\/script&gt;<\/li><\/ul><\/dd>/);
    assert.match(html, /<dt><code>a&#39; data-action=&#39;resend<\/code><\/dt><dd><ul><li>&amp;amp; already<\/li>/);
  });

  it('adds nothing for an answer that is not a problem, or a problem without a traceId to copy', () => {
    assert.doesNotMatch(responseBodyHtml(result()), /class="problem"|copyTraceId/);
    const untraced = responseBodyHtml(result(answered(409, 'Conflict', { status: 409, title: 'Conflict', type: 'about:blank' })));
    assert.match(untraced, /<section class="problem"/);
    assert.doesNotMatch(untraced, /copyTraceId/);
  });

  it('says on the Timing and TLS tabs whether the request went direct or through which proxy, and why', () => {
    const timings = { reused: false, dns: 1, connect: 9, tunnel: 3, tls: 4, firstByte: 10, download: 1, total: 25 };
    const route = { kind: 'proxy' as const, proxy: 'http://proxy.corp:3128', source: 'HTTPS_PROXY' };
    const timing = timingSection(timings, route);
    assert.match(timing, /Route: <span class="mono">via http:\/\/proxy\.corp:3128 \(HTTPS_PROXY\)<\/span>/);
    assert.match(timing, /of which the tunnel \(CONNECT\)<\/th><td>3\.0 ms/);
    const tls = { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', alpnProtocol: false as const, authorized: true, serverChain: [] };
    assert.match(tlsSection(tls, route), /Route: <span class="mono">via http:\/\/proxy\.corp:3128/);
    const direct = timingSection(timings, { kind: 'direct', source: 'NO_PROXY matches .thredd.com' });
    assert.match(direct, /Route: <span class="mono">direct \(NO_PROXY matches \.thredd\.com\)/);
    assert.doesNotMatch(timingSection({ ...timings, tunnel: undefined }), /Route|tunnel/);
  });
});
