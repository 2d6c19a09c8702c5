// Regenerates README.md's generated parts: the commands and settings tables from package.json, between the
// <!-- reference:start --> and <!-- reference:end --> markers, and the request language's directive table from
// src/core/requestFile/directives.ts, between <!-- directives:start --> and <!-- directives:end -->. `--check` fails
// when README is stale (the unit tests compare the same renderings), so the docs can never drift from what ships.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START = '<!-- reference:start -->';
const END = '<!-- reference:end -->';
const DIRECTIVES_START = '<!-- directives:start -->';
const DIRECTIVES_END = '<!-- directives:end -->';

export function renderReference(pkg) {
  const hidden = new Set(
    (pkg.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command),
  );
  const keys = new Map((pkg.contributes.keybindings ?? []).map((binding) => [binding.command, binding.key]));
  const commands = pkg.contributes.commands
    .filter((command) => !hidden.has(command.command))
    .map(
      (command) =>
        `| ${command.category}: ${command.title} | \`${command.command}\` | ` +
        `${keys.has(command.command) ? `\`${keys.get(command.command)}\`` : ''} |`,
    );
  const settings = Object.entries(pkg.contributes.configuration.properties).map(([name, setting]) => {
    const text = (setting.markdownDescription ?? setting.description ?? '').replace(/\|/g, '\\|');
    const values = setting.enum ? ` One of: ${setting.enum.map((value) => `\`${value}\``).join(', ')}.` : '';
    return `| \`${name}\` | \`${JSON.stringify(setting.default)}\` | ${text}${values} |`;
  });
  return [
    START,
    '### Commands',
    '',
    '| Command | Id | Key |',
    '| --- | --- | --- |',
    ...commands,
    '',
    '### Settings',
    '',
    '| Setting | Default | What it does |',
    '| --- | --- | --- |',
    ...settings,
    END,
  ].join('\n');
}

/** The directive table of the request language, one row per entry of the directive table (DIRECTIVES). */
export function renderDirectives(directives) {
  const cell = (text) => text.replace(/\|/g, '\\|');
  const rows = directives.map((directive) => {
    const examples = directive.examples.map((example) => `\`${cell(example)}\``).join(', ');
    return `| \`@${directive.key}\` | ${cell(directive.description)} | ${examples} | ${directive.fileLevel ? 'yes' : 'no'} |`;
  });
  const head = ['| Directive | What it does | Example | Above the first request |', '| --- | --- | --- | --- |'];
  return [DIRECTIVES_START, ...head, ...rows, DIRECTIVES_END].join('\n');
}

function replaceBetween(text, start, end, rendered) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md needs the ${start} and ${end} markers`);
  return text.slice(0, from) + rendered + text.slice(to + end.length);
}

export function updateReadme(readme, pkg, directives) {
  const withReference = replaceBetween(readme, START, END, renderReference(pkg));
  return replaceBetween(withReference, DIRECTIVES_START, DIRECTIVES_END, renderDirectives(directives));
}

/** The directive table as the extension ships it: the TypeScript module bundled by esbuild (as bench/parse.ts does). */
async function loadDirectives() {
  const dir = mkdtempSync(join(tmpdir(), 'thredd-readme-'));
  try {
    const outfile = join(dir, 'directives.js');
    const entryPoints = ['src/core/requestFile/directives.ts'];
    await esbuild.build({ entryPoints, outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    return createRequire(import.meta.url)(outfile).DIRECTIVES;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  const updated = updateReadme(readme, pkg, await loadDirectives());
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md reference is out of date: run `node scripts/readme-reference.mjs`.');
      process.exit(1);
    }
  } else {
    writeFileSync('README.md', updated);
  }
}
