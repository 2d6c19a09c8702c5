import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The extension host of the oldest VS Code we support (1.90) runs Node 20.9.
const newerThanOldestHost = {
  name: 'node:util',
  importNames: ['parseEnv'],
  message: 'util.parseEnv needs Node 20.12 and VS Code 1.90 runs 20.9: use parseDotenv from src/core/requestFile/dotenv.',
};

// The core is shared with the CLI and plain Node tests: it must never depend on the editor.
const coreImports = {
  paths: [{ name: 'vscode', message: 'src/core never imports vscode; take an interface instead.' }, newerThanOldestHost],
  patterns: [{ group: ['**/vscode/**'] }],
};

/**
 * The extension bundle loads its heavy modules lazily (esbuild.js, lazyModules): an import of the PKI
 * core's entry (src/core/pki, or its loader pki/load), of the catalogue's (src/core/catalogue), of the API
 * editing support's (src/core/apiEditing) or of node-forge, jsonpath-plus or vscode-json-languageservice
 * becomes a require of dist/lazy/<module>.js. An import of a file inside one of them is compiled into
 * dist/extension.js as a second copy, except the catalogue's small facts that configuration, the Thredd view and
 * the response view read (its `shared` files: regions, API roots, the idempotency header, the business-rule key,
 * types). Type imports are erased,
 * so they may go anywhere. `core` matches src/core/ as the importing folder writes it.
 */
function onlyThroughLazyEntries(core) {
  const message = 'This copies part of a lazily loaded module into the extension bundle: import its entry (or "import type").';
  return [
    { regex: `${core}pki/(?!(index|load)$)`, allowTypeImports: true, message },
    { regex: `${core}catalogue/(?!(index|regions|apiRoots|idempotency|problemKeys|types)$)`, allowTypeImports: true, message },
    { regex: `${core}apiEditing/(?!index$)`, allowTypeImports: true, message },
    { regex: `${core}postman/(?!index$)`, allowTypeImports: true, message },
    { group: ['node-forge/*', 'jsonpath-plus/*', 'vscode-json-languageservice/*'], allowTypeImports: true, message },
  ];
}
const editorToLazyEntries = onlyThroughLazyEntries('^(\\./|(\\.\\./)+)core/');
// From any depth of src/core (catalogue/schemas/x.ts writes ../../pki/).
const coreToLazyEntries = onlyThroughLazyEntries('^(\\.\\./)+');

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      // Prettier keeps code within 140 columns (.prettierrc.json) but cannot break a long string or comment.
      'max-len': ['error', { code: 140, tabWidth: 2 }],
    },
  },
  {
    // Webview scripts run in the browser sandbox of a webview, not in Node.
    files: ['media/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        acquireVsCodeApi: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        HTMLElement: 'readonly',
        Date: 'readonly',
      },
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [newerThanOldestHost] }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/sandbox/**/*.ts', 'src/cli.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreImports] },
  },
  // What dist/extension.js compiles: the editor layer and the core outside the PKI module (the CLI
  // and the sandbox keep everything inline, one bundle per command).
  {
    files: ['src/extension.ts', 'src/vscode/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [newerThanOldestHost], patterns: editorToLazyEntries }] },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/pki/**'],
    rules: { 'no-restricted-imports': ['error', { ...coreImports, patterns: [...coreImports.patterns, ...coreToLazyEntries] }] },
  },
);
