import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// Reads the build npm test made first (node esbuild.js).
const dist = path.resolve(__dirname, '..', '..', '..', 'dist');
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

describe('lazy modules reached by import()', () => {
  it('are required, never imported natively: Node would scan the whole CommonJS file for its exports first', () => {
    for (const file of [
      'extension.js',
      ...fs
        .readdirSync(path.join(dist, 'commands'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => `commands/${name}`),
    ]) {
      assert.doesNotMatch(read(file), /import\(\s*["'](\.\.?\/)+lazy\//, `${file} imports a lazy file natively`);
    }
  });

  it('let thredd csr start the key before loading the ASN.1 code: its bundle requires dist/lazy/pki.js only inside the command', () => {
    const csr = read('commands/csr.js');
    assert.match(csr, /require\(["']\.\.\/lazy\/pki\.js["']\)/);
    assert.doesNotMatch(csr, /@peculiar|AsnConvert|CertificationRequestInfo/, 'no ASN.1 code compiled into the command');
  });
});
