import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The extension host of the oldest VS Code we support (1.90) runs Node 20.9.
const newerThanOldestHost = { name: 'node:util', importNames: ['parseEnv'], message: 'util.parseEnv needs Node 20.12 and VS Code 1.90 runs 20.9: use parseDotenv from src/core/requestFile/dotenv.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', AbortController: 'readonly', fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Webview scripts run in the browser sandbox of a webview, not in Node.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { acquireVsCodeApi: 'readonly', document: 'readonly', window: 'readonly', navigator: 'readonly', HTMLElement: 'readonly', Date: 'readonly' } },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [newerThanOldestHost] }] },
  },
  {
    // The core is shared with the CLI and plain Node tests: it must never depend on the editor.
    files: ['src/core/**/*.ts', 'src/sandbox/**/*.ts', 'src/cli.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core never imports vscode; take an interface instead.' }, newerThanOldestHost], patterns: ['**/vscode/**'] }],
    },
  },
);
