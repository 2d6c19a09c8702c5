// `npm test`: every check the project has, in the order a failure is cheapest to find.
// Prints one closing line "tests: N passed, N failed" that sums the Node and VS Code host suites.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const totals = { passed: 0, failed: 0 };

/** Runs a step with its output streamed; `count` reads pass/fail figures from the lines. */
function step(title, command, args, count) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const lines = [];
    const forward = (stream, sink) =>
      stream.on('data', (chunk) => {
        sink.write(chunk);
        lines.push(...chunk.toString().split('\n'));
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => {
      if (count) count(lines);
      resolve(code ?? 1);
    });
  });
}

/** Node's spec reporter ends with "ℹ pass N" and "ℹ fail N". */
function countNodeTests(lines) {
  for (const line of lines) {
    const match = /^ℹ (pass|fail) (\d+)$/.exec(line.trim());
    if (match) totals[match[1] === 'pass' ? 'passed' : 'failed'] += Number(match[2]);
  }
}

/** Mocha's spec reporter ends with "N passing" and, when any failed, "N failing". */
function countMochaTests(lines) {
  for (const line of lines) {
    const match = /^\s*(?:\S+\s+)?(\d+) (passing|failing)\b/.exec(line);
    if (match) totals[match[2] === 'passing' ? 'passed' : 'failed'] += Number(match[1]);
  }
}

const node = process.execPath;
const steps = [
  ['build', node, ['esbuild.js']],
  ['type-check', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']],
  ['lint', node, ['node_modules/eslint/bin/eslint.js', 'src', 'test', 'scripts', 'bench', 'media', 'esbuild.js']],
  // Prettier (width 140, .prettierrc.json) on the code; npm run format rewrites it.
  ['format', node, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']],
  ['unit and integration tests', node, ['scripts/run-node-tests.mjs', 'test/unit', 'test/integration'], countNodeTests],
  // Twice, in a light and a dark theme: the screenshots in README come from these runs.
  ...['light', 'dark'].map((theme) => [
    `host suite in VS Code (code-server, ${theme} theme)`,
    node,
    [
      'scripts/run-host-tests.mjs',
      '--tests',
      'out/test/host/suite/index.js',
      '--workspace',
      'test/fixtures/workspace',
      '--theme',
      theme,
      '--screenshots',
      `test-results/screenshots/${theme}`,
    ],
    countMochaTests,
  ]),
  [
    'host suite in an untrusted workspace (restricted mode)',
    node,
    ['scripts/run-host-tests.mjs', '--tests', 'out/test/host/untrusted/index.js', '--workspace', 'test/fixtures/workspace', '--untrusted'],
    countMochaTests,
  ],
  [
    "a new user's first screen, opened the way npm start opens it",
    node,
    ['scripts/run-host-tests.mjs', '--tests', 'out/test/host/start/index.js', '--workspace', 'samples', '--like-start'],
    countMochaTests,
  ],
  ['package', node, ['scripts/package.mjs']],
  [
    'packaged .vsix in VS Code (code-server)',
    node,
    [
      'scripts/run-host-tests.mjs',
      '--tests',
      'out/test/host/vsix/index.js',
      '--dev',
      'test/host/vsix-probe',
      '--vsix',
      'out/thredd-vscode-0.1.0.vsix',
      '--workspace',
      'test/fixtures/workspace',
    ],
    countMochaTests,
  ],
  ['sizes', node, ['bench/size.mjs']],
];

let failedStep;
for (const [title, command, args, count] of steps) {
  if (!existsSync(args[0])) {
    console.error(`missing ${args[0]}`);
    failedStep = title;
    break;
  }
  const code = await step(title, command, args, count);
  if (code !== 0) {
    failedStep = title;
    break;
  }
}
console.log('');
if (failedStep) console.log(`npm test stopped: the "${failedStep}" step failed.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStep ? 1 : 0);
