// Runs the real `openssl` binary for interop tests (never used by product code).
import { spawnSync } from 'node:child_process';

export interface OpensslResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs openssl in `cwd`; throws with its stderr when it fails, unless `allowFailure`. */
export function openssl(
  cwd: string,
  args: string[],
  options: { env?: Record<string, string>; allowFailure?: boolean } = {},
): OpensslResult {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFailure)
    throw new Error(`openssl ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `openssl x509` says about a certificate, to compare with our inspection. */
export function opensslCertFacts(cwd: string, file: string, inform: 'PEM' | 'DER' = 'PEM') {
  const out = openssl(cwd, [
    'x509',
    '-in',
    file,
    '-inform',
    inform,
    '-noout',
    '-serial',
    '-startdate',
    '-enddate',
    '-fingerprint',
    '-sha256',
  ]).stdout;
  const sha1 = openssl(cwd, ['x509', '-in', file, '-inform', inform, '-noout', '-fingerprint', '-sha1']).stdout;
  const field = (text: string, name: string) => new RegExp(`^${name}=(.*)$`, 'mi').exec(text)![1].trim();
  return {
    serialNumber: field(out, 'serial'),
    notBefore: new Date(field(out, 'notBefore')).toISOString(),
    notAfter: new Date(field(out, 'notAfter')).toISOString(),
    sha256Fingerprint: field(out, 'sha256 Fingerprint'),
    sha1Fingerprint: field(sha1, 'sha1 Fingerprint'),
  };
}
