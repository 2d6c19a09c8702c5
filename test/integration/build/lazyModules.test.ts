import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ESLint } from 'eslint';

// The extension bundle requires its heavy modules from dist/lazy/ on first use (esbuild.js). A value
// import of a file inside one of them compiles a second copy into dist/extension.js: the lint rule in
// eslint.config.mjs forbids those imports, and this builds both for real to check nothing slipped by.
const root = path.resolve(__dirname, '..', '..', '..');

interface LazyModule {
  name: string;
  /** An absolute path without extension (a file, or a folder with its index), or a package name. */
  module: string;
  /** Small files of a folder module that dist/extension.js may compile too. */
  shared?: string[];
}

const { extensionBuild, lazyBuild, lazyModules } = require(path.join(root, 'esbuild.js')) as {
  extensionBuild: BuildOptions;
  lazyBuild: BuildOptions;
  lazyModules: LazyModule[];
};

/** The files (relative to the root, as esbuild names them) that each output of a build compiles. */
async function compiledFiles(options: BuildOptions): Promise<Map<string, string[]>> {
  const result = await build({ ...options, absWorkingDir: root, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const outputs = (result.metafile as Metafile).outputs;
  return new Map(Object.entries(outputs).map(([output, { inputs }]) => [path.basename(output), Object.keys(inputs)]));
}

/** The lazy module a compiled file is part of, if any; a module's shared files are part of none. */
function lazyModuleOf(file: string): LazyModule | undefined {
  const absolute = path.resolve(root, file).replace(/\.ts$/, '');
  const inside = ({ module, shared = [] }: LazyModule) =>
    path.isAbsolute(module)
      ? (absolute === module || absolute.startsWith(module + path.sep)) && !shared.includes(path.relative(module, `${absolute}.ts`))
      : file.includes(`node_modules/${module}/`);
  return lazyModules.find(inside);
}

const eslint = new ESLint({ cwd: root });

/** The lint messages for `code` as if it were the source file `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((message) => message.message);
}

describe('the lazily loaded modules of the extension bundle', () => {
  let extension: string[];
  let lazy: Map<string, string[]>;

  before(async () => {
    extension = (await compiledFiles(extensionBuild)).get('extension.js')!;
    lazy = await compiledFiles(lazyBuild);
  });

  it('are each compiled into their own dist/lazy bundle only, never into dist/extension.js too', () => {
    assert.ok(extension.includes('src/extension.ts'));
    assert.deepEqual([...lazy.keys()].sort(), lazyModules.map(({ name }) => `${name}.js`).sort());
    const inExtension = new Set(extension);
    for (const [bundle, files] of lazy) {
      assert.ok(
        files.some((file) => lazyModuleOf(file)),
        `${bundle} compiles its module`,
      );
      // Small shared files outside the lazy modules (UserError, PEM text, thumbprints) may be in both.
      const twice = files.filter((file) => inExtension.has(file) && lazyModuleOf(file));
      assert.deepEqual(twice, [], `compiled into both dist/extension.js and dist/lazy/${bundle}`);
    }
  });

  it("keep the catalogue's operations and schemas and the JSON language service out of dist/extension.js", () => {
    const heavyFile = /^src\/core\/(catalogue\/(operations|schemas)|apiEditing)\/|vscode-json-languageservice/;
    const heavy = extension.filter((file) => heavyFile.test(file));
    assert.deepEqual(heavy, []);
    const shared = extension.filter((file) => file.startsWith('src/core/catalogue/'));
    assert.ok(shared.length > 0 && shared.every((file) => !lazyModuleOf(file)), `only the catalogue's shared facts: ${shared.join(', ')}`);
  });

  it('keep the run session, the runner, OAuth (jose) and the HTTP client out of dist/extension.js: the engine loads them', () => {
    const engineFile = new RegExp(
      [
        /^src\/core\/session\//,
        /^src\/core\/runner\/(requestRunner|responseStore|history|exchange)\.ts$/,
        /^src\/core\/auth\/(tokenClient|tokenCache|clientAssertion)\.ts$/,
        /^src\/core\/http\/httpClient\.ts$/,
        /node_modules\/jose\//,
      ]
        .map((part) => part.source)
        .join('|'),
    );
    assert.deepEqual(
      extension.filter((file) => engineFile.test(file)),
      [],
    );
    assert.ok(lazy.get('engine.js')?.some((file) => file.startsWith('node_modules/jose/')));
  });

  it('are linted on every source file dist/extension.js compiles: a value import of an inner file is refused', async () => {
    const lazyFolder = /^src\/core\/(pki|catalogue)\//;
    const sources = extension.filter((file) => file.startsWith('src/') && !lazyModuleOf(file) && !lazyFolder.test(file));
    assert.ok(sources.length > 100, `${sources.length} source files`);
    for (const file of sources) {
      // A file inside each of src/core's lazy modules, as the file would write it.
      const innerFiles = [
        ['pki/inspect', 'inspectFile'],
        ['catalogue/operations', 'OPERATIONS'],
        ['apiEditing/bodyJson', 'bodyJson'],
      ];
      for (const [inner, name] of innerFiles) {
        const relative = path.relative(path.dirname(file), `src/core/${inner}`);
        const specifier = relative.startsWith('.') ? relative : `./${relative}`;
        const messages = await lint(file, `import { ${name} } from '${specifier}';\nexport const used = ${name};\n`);
        assert.match(messages.join('\n'), /lazily loaded module/, `${file} may import ${specifier}`);
      }
    }
  });

  it('may be imported through their entry or loader, and as types from anywhere; the shared x509 helpers freely', async () => {
    const uses = (name: string) => `\nexport const used = ${name};\n`;
    assert.deepEqual(await lint('src/vscode/pki/x.ts', `import { inspectFile } from '../../core/pki';${uses('inspectFile')}`), []);
    const typeOnly = "import type { InspectResult } from '../../core/pki/inspect';\nexport type A = InspectResult;\n";
    assert.deepEqual(await lint('src/vscode/pki/x.ts', typeOnly), []);
    assert.deepEqual(await lint('src/core/tree/x.ts', `import { loadPki } from '../pki/load';${uses('loadPki')}`), []);
    assert.deepEqual(await lint('src/core/http/x.ts', `import { readableName } from '../x509/x509Text';${uses('readableName')}`), []);
    const forgeInside = await lint('src/core/tree/x.ts', `import forge from 'node-forge/lib/forge';${uses('forge')}`);
    assert.match(forgeInside.join(), /lazily loaded module/);
  });

  it("let the editor import the catalogue's shared facts, and the catalogue and API editing only through their entries", async () => {
    const uses = (name: string) => `\nexport const used = ${name};\n`;
    const regions = `import { REGIONS } from '../../core/catalogue/regions';${uses('REGIONS')}`;
    assert.deepEqual(await lint('src/vscode/language/x.ts', regions), []);
    assert.deepEqual(await lint('src/core/config/x.ts', `import { API_ROOTS } from '../catalogue/apiRoots';${uses('API_ROOTS')}`), []);
    const operations = `import { OPERATIONS } from '../../core/catalogue';${uses('OPERATIONS')}`;
    assert.deepEqual(await lint('src/vscode/catalogue/x.ts', operations), []);
    assert.deepEqual(await lint('src/core/apiEditing/x.ts', `import { OPERATIONS } from '../catalogue';${uses('OPERATIONS')}`), []);
    const typeOnly = "import type { BodyJson } from '../../core/apiEditing/bodyJson';\nexport type A = BodyJson;\n";
    assert.deepEqual(await lint('src/vscode/catalogue/x.ts', typeOnly), []);
    const headers = await lint(
      'src/core/apiEditing/x.ts',
      `import { REQUEST_HEADERS } from '../catalogue/headers';${uses('REQUEST_HEADERS')}`,
    );
    assert.match(headers.join(), /lazily loaded module/);
    const umd = 'vscode-json-languageservice/lib/umd/jsonLanguageService';
    const service = await lint('src/core/x.ts', `import { getLanguageService } from '${umd}';${uses('getLanguageService')}`);
    assert.match(service.join(), /lazily loaded module/);
  });
});
