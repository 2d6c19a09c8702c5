import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';

describe('README reference', () => {
  it('lists exactly the commands and settings package.json contributes (regenerate with node scripts/readme-reference.mjs)', async () => {
    const { renderReference } = await import('../../../scripts/readme-reference.mjs');
    const readme = fs.readFileSync('README.md', 'utf8');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    const shown = readme.slice(readme.indexOf('<!-- reference:start -->'), readme.indexOf('<!-- reference:end -->') + '<!-- reference:end -->'.length);
    assert.equal(shown, renderReference(pkg));
  });
});
