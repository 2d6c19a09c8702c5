// Prints the sizes that have budgets: the extension bundle (< 1 MB) and the .vsix (< 2 MB).
import { readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = [
  ['dist/extension.js', 1024 * 1024],
  ['dist/cli.js', undefined],
  [`out/${name}-${version}.vsix`, 2 * 1024 * 1024],
];
let over = false;
for (const [file, budget] of budgets) {
  const size = statSync(file).size;
  const ratio = budget ? ` = ${(size / budget).toFixed(3)} of the ${(budget / 1024 / 1024).toFixed(0)} MB budget` : '';
  console.log(`${file}: ${(size / 1024).toFixed(1)} KiB${ratio}`);
  if (budget && size > budget) over = true;
}
process.exit(over ? 1 : 0);
