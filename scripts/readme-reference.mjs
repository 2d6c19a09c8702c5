// Regenerates the commands and settings tables in README.md from package.json, between the
// <!-- reference:start --> and <!-- reference:end --> markers. `--check` fails when README is stale
// (the unit tests run it), so the reference can never drift from what ships.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- reference:start -->';
const END = '<!-- reference:end -->';

export function renderReference(pkg) {
  const hidden = new Set((pkg.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command));
  const keys = new Map((pkg.contributes.keybindings ?? []).map((binding) => [binding.command, binding.key]));
  const commands = pkg.contributes.commands
    .filter((command) => !hidden.has(command.command))
    .map((command) => `| ${command.category}: ${command.title} | \`${command.command}\` | ${keys.has(command.command) ? `\`${keys.get(command.command)}\`` : ''} |`);
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

export function updateReadme(readme, pkg) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`README.md needs the ${START} and ${END} markers`);
  return readme.slice(0, start) + renderReference(pkg) + readme.slice(end + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  const updated = updateReadme(readme, pkg);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md reference is out of date: run `node scripts/readme-reference.mjs`.');
      process.exit(1);
    }
  } else {
    writeFileSync('README.md', updated);
  }
}
