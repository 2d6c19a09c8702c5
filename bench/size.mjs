// Prints the sizes that have budgets: the extension bundle (< 300 KB = 300,000 bytes, what activation compiles;
// issue #13) and the .vsix (< 2 MB); the lazily loaded files in dist/lazy/ are listed without a budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = [
  ['dist/extension.js', 300_000],
  ...readdirSync('dist/lazy')
    .filter((file) => file.endsWith('.js'))
    .map((file) => [`dist/lazy/${file}`, undefined]),
  ['dist/cli.js', undefined],
  [`out/${name}-${version}.vsix`, 2_000_000],
];
let over = false;
for (const [file, budget] of budgets) {
  const size = statSync(file).size;
  const unit = budget >= 1e6 ? `${budget / 1e6} MB` : `${budget / 1e3} KB`;
  const ratio = budget ? ` = ${(size / budget).toFixed(3)} of the ${unit} budget` : '';
  console.log(`${file}: ${(size / 1024).toFixed(1)} KiB${ratio}`);
  if (budget && size > budget) over = true;
}
process.exit(over ? 1 : 0);
