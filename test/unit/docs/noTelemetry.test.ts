import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// The README promises no telemetry: no VS Code telemetry logger, no analytics client, no dependency that sends usage.
describe('no telemetry', () => {
  const root = path.resolve(__dirname, '../../..');

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('has no telemetry API call in the source', () => {
    const offenders = sources(path.join(root, 'src')).filter((file) =>
      /createTelemetryLogger|isTelemetryEnabled|onDidChangeTelemetryEnabled|TelemetryReporter/.test(fs.readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('depends on no telemetry or analytics package', () => {
    const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    assert.deepEqual(
      Object.keys(dependencies).filter((name) => /telemetry|applicationinsights|analytics|sentry|segment/i.test(name)),
      [],
    );
  });
});
