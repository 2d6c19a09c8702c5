import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { build, type BuildOptions } from 'esbuild';

// esbuild.js routes `vscode` and Node's built-ins through one re-exporting module per bundle: a copy of
// VS Code's API object per importing file cost ~20 ms of every activation.
const root = path.resolve(__dirname, '..', '..', '..');
const { extensionBuild } = require(path.join(root, 'esbuild.js')) as { extensionBuild: BuildOptions };

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the external modules of the extension bundle', () => {
  let bundle: string;

  before(async () => {
    const options: BuildOptions = { ...extensionBuild, absWorkingDir: root, write: false, minify: false, sourcemap: false };
    const result = await build({ ...options, logLevel: 'silent' });
    bundle = result.outputFiles![0].text;
  });

  it('requires vscode from one module, however many files import it', () => {
    // Two requires in that one module: its `export *` and its `default`.
    assert.ok(count(bundle, 'require("vscode")') <= 2, `vscode required ${count(bundle, 'require("vscode")')} times`);
  });

  it("requires each of Node's built-ins from one module too", () => {
    for (const builtin of ['node:path', 'node:fs']) {
      assert.ok(count(bundle, `require("${builtin}")`) <= 2, `${builtin} required from more than one module`);
    }
  });
});
