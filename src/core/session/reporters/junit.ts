import type { RunError, RunResult } from '../../runner/types';
import type { SessionFile, SessionGroup, SessionSummary } from '../types';
import { groupsByFile, iterationSuffix, labelOf } from './labels';
import { prettyPlan } from './pretty';

/** An item of a report with the suffix that names its iteration (empty for a single one). */
interface Named<T> {
  item: T;
  suffix: string;
}

/**
 * JUnit XML as Jenkins, GitLab, GitHub Actions reporters and Azure DevOps read it: one <testsuite> per
 * request file, one <testcase> per request; failed expectations are <failure>, requests without a
 * (usable) response are <error>. Names are the @name or title, stable from run to run; with more than
 * one iteration they end in ` [iteration N]`, so each iteration's test case is its own.
 */
export function junitRunReport(summary: SessionSummary, timestamp: Date): string {
  const suites = filesOf(summary, (group) => group.results).map(({ file, items }) => {
    const results = items.map(({ item }) => item);
    const cases = items.map(({ item, suffix }) => testCase(file, item, suffix));
    const failures = results.filter((result) => !result.error && result.expectations.some((item) => !item.passed)).length;
    const errors = results.filter((result) => result.error).length;
    const time = results.reduce((sum, result) => sum + (result.timings?.total ?? result.durationMs ?? 0), 0);
    return {
      xml: suite(file, cases, { tests: results.length, failures, errors, skipped: 0, time, timestamp }),
      tests: results.length,
      failures,
      errors,
    };
  });
  return document(suites, 0, summary.elapsedMs);
}

/** Dry runs: each request a skipped test case whose output is the request as it would be sent. */
export function junitDryRunReport(summary: SessionSummary, timestamp: Date): string {
  const suites = filesOf(summary, (group) => group.plans).map(({ file, items }) => {
    const cases = items.map(({ item: plan, suffix }) => {
      const inner = plan.error ? errorElement(plan.error) : '      <skipped message="dry run: not sent"/>\n';
      const attributes = `name="${escape(labelOf(plan) + suffix)}" classname="${escape(className(file))}" time="0"`;
      return `    <testcase ${attributes}>\n${inner}      <system-out>${escape(prettyPlan(plan))}</system-out>\n    </testcase>\n`;
    });
    const errors = items.filter(({ item }) => item.error).length;
    return {
      xml: suite(file, cases, { tests: items.length, failures: 0, errors, skipped: items.length - errors, time: 0, timestamp }),
      tests: items.length,
      failures: 0,
      errors,
    };
  });
  return document(
    suites,
    suites.reduce((sum, item) => sum + item.tests - item.errors, 0),
    0,
  );
}

/** The results (or plans) of each file, its iterations one after another. */
function filesOf<T>(summary: SessionSummary, itemsOf: (group: SessionGroup) => readonly T[]): { file: SessionFile; items: Named<T>[] }[] {
  return groupsByFile(summary.groups).map(({ file, groups }) => ({
    file,
    items: groups.flatMap((group) => itemsOf(group).map((item) => ({ item, suffix: iterationSuffix(summary, group.iteration) }))),
  }));
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  time: number;
  timestamp: Date;
}

function suite(file: SessionFile, cases: string[], counts: SuiteCounts): string {
  const attributes =
    `name="${escape(file.shown)}" tests="${counts.tests}" failures="${counts.failures}" errors="` +
    `${counts.errors}" skipped="${counts.skipped}" time="${seconds(counts.time)}" timestamp="` +
    `${counts.timestamp.toISOString().replace(/\.\d+Z$/, '')}"`;
  return `  <testsuite ${attributes}>\n${cases.join('')}  </testsuite>\n`;
}

function document(suites: { xml: string; tests: number; failures: number; errors: number }[], skipped: number, elapsedMs: number): string {
  const total = (key: 'tests' | 'failures' | 'errors') => suites.reduce((sum, item) => sum + item[key], 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    (`<testsuites name="thredd run" tests="${total('tests')}" failures="${total('failures')}" errors="` +
      `${total('errors')}" skipped="${skipped}" time="${seconds(elapsedMs)}">\n`) +
    suites.map((item) => item.xml).join('') +
    '</testsuites>\n'
  );
}

function testCase(file: SessionFile, result: RunResult, suffix: string): string {
  let inner = '';
  const failed = result.expectations.filter((item) => !item.passed);
  if (result.error) inner += errorElement(result.error);
  else if (failed.length > 0) {
    const message = failed.length === 1 ? failed[0].message : `${failed.length} expectations failed: ${failed[0].message}; …`;
    const lines = failed.map((item) => `line ${item.line + 1}: ${item.message}`).join('\n');
    inner += `      <failure message="${escape(message)}" type="expectation">${escape(lines)}</failure>\n`;
  }
  const what = result.request ? `${result.request.method} ${result.request.url}` : '';
  const answer = result.response ? ` -> ${result.response.status} ${result.response.statusText}`.trimEnd() : '';
  const warnings = result.warnings.map((warning) => `\nwarning: ${warning}`).join('');
  inner += `      <system-out>${escape(`${what}${answer}${warnings}`)}</system-out>\n`;
  const time = seconds(result.timings?.total ?? result.durationMs ?? 0);
  const attributes = `name="${escape(labelOf(result) + suffix)}" classname="${escape(className(file))}" time="${time}"`;
  return `    <testcase ${attributes}>\n${inner}    </testcase>\n`;
}

function errorElement(error: RunError): string {
  return (
    `      <error message="${escape(error.message)}" type="${escape(error.kind)}">` +
    `${escape(`${error.message}\n${error.explanation}`)}</error>\n`
  );
}

/** `requests/cards.thredd` → `requests.cards`, the dotted form CI tools group test cases by. */
function className(file: SessionFile): string {
  return file.shown
    .replace(/\.(thredd|http|rest)$/i, '')
    .replace(/[\\/]+/g, '.')
    .replace(/^\.+/, '');
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3);
}

// XML 1.0 §2.2 allows only these characters; others (control characters in a response) are dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for element content and double-quoted attributes (line breaks kept as character references). */
function escape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\n\r\t]/g, (char) => ENTITIES[char] ?? `&#${char.charCodeAt(0)};`);
}
