import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigDiagnostic } from './diagnostics';
import { hasErrors } from './diagnostics';
import { envWithDotenvBeside } from './dotenvBeside';
import { JsoncDocument } from './jsoncDocument';
import { resolveConfig, type ResolveOptions } from './resolveConfig';
import { configRule } from './shape';
import type { ThreddConfig } from './types';
import { isPlainObject, validateShape } from './validateShape';

export const CONFIG_FILE_NAME = 'thredd.json';

export interface ConfigLoadResult {
  /** Present when the file has no errors (warnings allowed). */
  config?: ThreddConfig;
  diagnostics: ConfigDiagnostic[];
}

export type LoadOptions = Partial<ResolveOptions>;

/** Parses thredd.json text (JSONC) and reports every problem with its place and a fix; never throws. */
export function parseConfigText(text: string, file: string, options: LoadOptions = {}): ConfigLoadResult {
  const document = new JsoncDocument(text);
  const syntax: ConfigDiagnostic[] = document.syntaxErrors.map((error) => ({
    file,
    range: error.range,
    severity: 'error',
    message: error.message,
    fix: 'Correct the JSON at this position (comments and trailing commas are allowed).',
  }));
  if (syntax.length > 0 || !isPlainObject(document.value)) {
    if (syntax.length === 0) {
      syntax.push({
        file,
        range: document.rangeOf([]),
        severity: 'error',
        message: 'thredd.json must hold one JSON object.',
        fix: 'Start from "Thredd: Create thredd.json" or the README example.',
      });
    }
    return { diagnostics: syntax };
  }

  const shapeDiagnostics: ConfigDiagnostic[] = validateShape(document.value, configRule).map((problem) => ({
    file,
    range: problem.onKey ? document.keyRangeOf(problem.path) : document.rangeOf(problem.path),
    severity: problem.severity,
    message: problem.message,
    fix: problem.fix,
  }));
  if (hasErrors(shapeDiagnostics)) return { diagnostics: shapeDiagnostics };

  const expandEnv = options.expandEnv ?? true;
  const { config, diagnostics } = resolveConfig(document.value, document, file, {
    // Only a trusted workspace's .env is read, as only then are ${env:...} references expanded.
    env: expandEnv ? envWithDotenvBeside(file, options.env ?? process.env) : {},
    expandEnv,
    fileExists: options.fileExists ?? fs.existsSync,
  });
  const all = [...shapeDiagnostics, ...diagnostics];
  return { config: hasErrors(all) ? undefined : config, diagnostics: all };
}

/** Reads and parses a thredd.json file; a missing or unreadable file is a diagnostic, not an exception. */
export async function loadConfigFile(file: string, options: LoadOptions = {}): Promise<ConfigLoadResult> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await fs.promises.readFile(absolute, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'File not found.' : `Cannot read the file: ${(error as Error).message}.`;
    return {
      diagnostics: [
        {
          file: absolute,
          range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
          severity: 'error',
          message: reason,
          fix: 'Create it with "Thredd: Create thredd.json", or pass --config with the right path.',
        },
      ],
    };
  }
  return parseConfigText(text, absolute, options);
}

/** The nearest thredd.json at or above `startDir`, as `thredd run` looks for it. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
