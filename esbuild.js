// Builds the extension and the CLI from one core. Production builds are minified
// without source maps; watch builds keep source maps for debugging.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--out DIR` builds the shipped bundles elsewhere (the tests check the production CLI from a temp dir).
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';

/**
 * One namespace object per external module. esbuild turns each file's `import * as vscode from 'vscode'` into
 * its own copy of the module's exports (one getter per key): 48 files × VS Code's ~390 API names cost ~20 ms
 * of every activation, most of the require of dist/extension.js. Routing `vscode` and Node's built-ins
 * through one re-exporting module per bundle makes that copy once.
 */
const { isBuiltin } = require('node:module');
const SHARED_EXTERNAL = 'external-once';
const externalsOnce = {
  name: 'externals-once',
  setup(build) {
    build.onResolve({ filter: /^(vscode|node:[\w/]+|[a-z_]+(\/[a-z_]+)?)$/ }, (args) => {
      // A require() from CommonJS code already shares the module itself.
      if (args.kind !== 'import-statement' || (args.path !== 'vscode' && !isBuiltin(args.path))) return undefined;
      if (args.namespace === SHARED_EXTERNAL) return { path: args.path, external: true };
      return { path: args.path, namespace: SHARED_EXTERNAL };
    });
    // `default` too, as a CommonJS module's default import is: the module itself (a require makes no copy).
    build.onLoad({ filter: /.*/, namespace: SHARED_EXTERNAL }, (args) => ({
      contents: `export * from ${JSON.stringify(args.path)}; export default require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Shared options: Node 20 (VS Code's extension host), CommonJS, vscode provided by the host. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  external: ['vscode'],
  // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  plugins: [externalsOnce],
};

/**
 * Each CLI command module is its own bundle (dist/commands/<module>.js) that dist/cli.js requires when
 * the command runs (src/cli/registry.ts): V8 compiles only what a command needs, so `thredd run` does
 * not pay for compiling the sandbox's oidc-provider (compiling the single 2.2 MB bundle took ~50 ms of
 * every start). The registry, src/cli/commands.json, names the modules.
 */
const commandModules = [...new Set(require('./src/cli/commands.json').map((command) => command.module))];

/**
 * Heavy modules the extension loads only when used, each shipped as its own file in dist/lazy/ that
 * the extension bundle requires at run time: activation compiles neither undici, the ASN.1 code nor
 * node-forge. An import that resolves to one of them (a folder's index, a file, or a package) becomes
 * a require of that file. The CLI's per-command bundles keep them inline (a command needs them at once).
 */
const path = require('node:path');
/**
 * `shared`: small files inside a lazy module that the extension bundle may compile too (a second copy, tiny):
 * the catalogue's facts that configuration, the Thredd view and the response view read (regions, API roots, the
 * idempotency header, the business-rule key).
 */
const lazyModules = [
  { name: 'transport', module: path.resolve(__dirname, 'src/core/http/agentPool'), entry: 'src/core/http/agentPool.ts' },
  { name: 'pki', module: path.resolve(__dirname, 'src/core/pki'), entry: 'src/core/pki/index.ts' },
  { name: 'node-forge', module: 'node-forge', entry: require.resolve('node-forge') },
  { name: 'jsonpath-plus', module: 'jsonpath-plus', entry: require.resolve('jsonpath-plus') },
  // Thredd's API as data (operations, schemas, examples) and the editor's body completion, diagnostics and
  // hover over it, loaded by the first .thredd feature that needs them.
  {
    name: 'catalogue',
    module: path.resolve(__dirname, 'src/core/catalogue'),
    entry: 'src/core/catalogue/index.ts',
    shared: ['regions.ts', 'apiRoots.ts', 'idempotency.ts', 'problemKeys.ts', 'types.ts'],
  },
  // The Postman importer with its JavaScript parser (acorn), loaded by Thredd: Import Postman Collection….
  { name: 'postman', module: path.resolve(__dirname, 'src/core/postman'), entry: 'src/core/postman/index.ts' },
  { name: 'api-editing', module: path.resolve(__dirname, 'src/core/apiEditing'), entry: 'src/core/apiEditing/index.ts' },
  // The sandbox's EHI keys and certificates (with its PKI code), for # @ehi-sign and Send EHI Message.
  { name: 'ehi-sandbox', module: path.resolve(__dirname, 'src/sandbox/ehi'), entry: 'src/sandbox/ehi/index.ts' },
  // The run session, runner, OAuth and HTTP clients, loaded by the first send or token: ~80 KB the activation
  // no longer reads or compiles (esbuild keeps an import() target in the same file, only deferring its init).
  { name: 'engine', module: path.resolve(__dirname, 'src/core/engine'), entry: 'src/core/engine/index.ts' },
  // The EHI endpoint check: its command and report view with the probes, chain rules and HTTP client they use.
  { name: 'ehi-check', module: path.resolve(__dirname, 'src/vscode/ehi/checkEntry'), entry: 'src/vscode/ehi/checkEntry.ts' },
  // Its ES module build, which the bundler can follow (the UMD build, package.json's main, hides its requires).
  {
    name: 'json-language-service',
    module: 'vscode-json-languageservice',
    entry: path.join(path.dirname(require.resolve('vscode-json-languageservice/package.json')), 'lib/esm/jsonLanguageService.js'),
  },
];
/**
 * `dynamicOnly`: only `import()`s become requires of the lazy files (the CLI's commands, see below).
 * An `import()` of a lazy module becomes a bundled stub that `require`s the file: esbuild would otherwise
 * keep a native import() of an external file, and Node's ES module loader then scans the whole CommonJS file
 * for its exports (cjs-module-lexer) before running it, tens of milliseconds for the PKI code.
 */
const lazyModulesAsFiles = (prefix, { dynamicOnly = false } = {}) => ({
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.namespace === 'lazy-require') return { path: args.path, external: true };
      if (args.kind === 'entry-point' || (dynamicOnly && args.kind !== 'dynamic-import')) return undefined;
      const target = args.path.startsWith('.') ? path.resolve(args.resolveDir, args.path) : args.path;
      const lazy = lazyModules.find(({ module }) =>
        [module, `${module}.ts`, path.join(module, 'index'), path.join(module, 'index.ts')].includes(target),
      );
      if (!lazy) return undefined;
      const file = `${prefix}${lazy.name}.js`;
      return args.kind === 'dynamic-import' ? { path: file, namespace: 'lazy-require' } : { path: file, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
});

// No module may be compiled into both (eslint.config.mjs keeps imports to the lazy modules' entries;
// test/integration/build/lazyModules.test.ts checks the two builds).
const extensionBuild = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: `${out}/extension.js`,
  plugins: [externalsOnce, lazyModulesAsFiles('./lazy/')],
};
const lazyBuild = {
  ...common,
  entryPoints: Object.fromEntries(lazyModules.map((lazy) => [lazy.name, lazy.entry])),
  outdir: `${out}/lazy`,
  plugins: [externalsOnce, lazyModulesAsFiles('./')],
};

/**
 * oidc-provider reads function names at run time: minified names broke the sandbox's token endpoint ("i is not a
 * function" in generateTokenId), so the commands that bundle it keep their names. Only those: keepNames wraps every
 * function made at run time in a defineProperty call, which `thredd run` would pay on each of its requests.
 */
const COMMANDS_KEEPING_NAMES = ['sandboxServe'];
const NEEDS_NAMES = 'node_modules/oidc-provider/';

/** Fails a build of commands without kept names when one of them bundles oidc-provider. */
const namesNotNeeded = {
  name: 'names-not-needed',
  setup(build) {
    build.onEnd((result) => {
      for (const [output, { inputs }] of Object.entries(result.metafile?.outputs ?? {})) {
        if (!Object.keys(inputs).some((input) => input.includes(NEEDS_NAMES))) continue;
        const module = path.basename(output, '.js');
        throw new Error(`${output} bundles oidc-provider, which needs function names: add "${module}" to COMMANDS_KEEPING_NAMES.`);
      }
    });
  },
};

/** The CLI's command modules, each its own bundle (dist/commands/<module>.js). */
function commandsBuild(modules, keepNames) {
  return {
    ...common,
    entryPoints: modules.map((module) => `src/cli/commands/${module}.ts`),
    outdir: `${out}/commands`,
    keepNames,
    metafile: !keepNames,
    // A command that import()s a lazy module loads dist/lazy/<module>.js when it gets there, not at start:
    // `thredd csr` compiles the ASN.1 code while OpenSSL searches for the key's primes.
    plugins: [externalsOnce, lazyModulesAsFiles('../lazy/', { dynamicOnly: true }), ...(keepNames ? [] : [namesNotNeeded])],
  };
}

const entries = [
  extensionBuild,
  lazyBuild,
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: `${out}/cli.js`,
    banner: { js: '#!/usr/bin/env node' },
  },
  commandsBuild(
    commandModules.filter((module) => !COMMANDS_KEEPING_NAMES.includes(module)),
    false,
  ),
  commandsBuild(COMMANDS_KEEPING_NAMES, true),
  // The host suite runs inside the extension host; mocha stays external so it resolves from node_modules.
  ...(production
    ? []
    : [
        { ...common, entryPoints: ['test/host/suite/index.ts'], outfile: 'out/test/host/suite/index.js', external: ['vscode', 'mocha'] },
        { ...common, entryPoints: ['test/host/vsix/index.ts'], outfile: 'out/test/host/vsix/index.js', external: ['vscode', 'mocha'] },
        {
          ...common,
          entryPoints: ['test/host/untrusted/index.ts'],
          outfile: 'out/test/host/untrusted/index.js',
          external: ['vscode', 'mocha'],
        },
        { ...common, entryPoints: ['test/host/start/index.ts'], outfile: 'out/test/host/start/index.js', external: ['vscode', 'mocha'] },
      ]),
];

async function main() {
  const contexts = await Promise.all(entries.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('esbuild: watching for changes');
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  require('node:fs').chmodSync(`${out}/cli.js`, 0o755);
}

module.exports = { extensionBuild, lazyBuild, lazyModules };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
