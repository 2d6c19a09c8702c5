// The remote extension host logs activation failures and its own errors to
// <user-data>/logs/<session>/exthost*/remoteexthost.log, not to the console
// that codeAutomationLog sees; failure reports read them from there.
import fs from 'node:fs';
import path from 'node:path';

const ENTRY = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[(\w+)\]/;

function findLogs(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findLogs(p, out);
    else if (e.name === 'remoteexthost.log') out.push(p);
  }
  return out;
}

/** Error entries (with their stack lines) from every remote extension host log. */
export function extHostErrors(userDataDir) {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return [];
  const errors = [];
  for (const file of findLogs(logsDir)) {
    let keep = false;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = ENTRY.exec(line);
      if (m) keep = m[1] === 'error';
      if (keep && line.trim()) errors.push(line);
    }
  }
  return errors;
}
