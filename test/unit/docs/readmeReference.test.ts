import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { DIRECTIVES } from '../../../src/core/requestFile';

/** The README's text from `start` to the end of `end`, markers included. */
function between(readme: string, start: string, end: string): string {
  return readme.slice(readme.indexOf(start), readme.indexOf(end) + end.length);
}

describe('README reference', () => {
  it('lists exactly the commands and settings package.json contributes (regenerate with node scripts/readme-reference.mjs)', async () => {
    const { renderReference } = await import('../../../scripts/readme-reference.mjs');
    const readme = fs.readFileSync('README.md', 'utf8');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    assert.equal(between(readme, '<!-- reference:start -->', '<!-- reference:end -->'), renderReference(pkg));
  });

  it('lists exactly the directives of the directive table (regenerate with node scripts/readme-reference.mjs)', async () => {
    const { renderDirectives } = await import('../../../scripts/readme-reference.mjs');
    const readme = fs.readFileSync('README.md', 'utf8');
    const shown = between(readme, '<!-- directives:start -->', '<!-- directives:end -->');
    assert.equal(shown, renderDirectives(DIRECTIVES));
    for (const { key } of DIRECTIVES) assert.match(shown, new RegExp(`^\\| \`@${key}\` \\|`, 'm'), `@${key} has a row`);
  });
});
