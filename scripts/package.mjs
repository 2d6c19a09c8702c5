// `npm run package`: a production build, then a .vsix with only what .vscodeignore lets through.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `out/${name}-${version}.vsix`;
mkdirSync('out', { recursive: true });
execFileSync(process.execPath, ['esbuild.js', '--production'], { stdio: 'inherit' });
// Bundled by esbuild, so node_modules is not shipped. There is no public repository yet, so README
// links stay relative to the files shipped in the .vsix instead of being rewritten to a host.
// vsce's warnings (missing fields, large files, unsafe images) fail the packaging: a published
// extension should have none.
const result = spawnSync(
  process.execPath,
  [
    'node_modules/@vscode/vsce/vsce',
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out',
    out,
  ],
  { encoding: 'utf8' },
);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.status !== 0) process.exit(result.status ?? 1);
if (/\bWARNING\b/.test(result.stdout + result.stderr)) {
  console.error('vsce package printed warnings: fix them before publishing.');
  process.exit(1);
}
console.log(out);
