import type { Environment, ThreddConfig } from '../config';
import type { ParsedRequestFile, TextRange } from '../requestFile';
import { bodyJson, type LineAt } from './bodyJson';
import type { BodyLanguage, BodyProblem } from './bodyLanguage';
import { operationOf } from './requestOperation';
import { missingScope } from './scopeCheck';

/** A warning about how a request uses Thredd's API. */
export interface ApiProblem {
  range: TextRange;
  message: string;
  code: 'missing-scope' | 'body-syntax' | 'body-schema';
  /** Where the fix goes: the application's entry in thredd.json, for a missing scope. */
  related?: { file: string; range: TextRange; message: string };
}

export interface ApiCheckContext {
  lineAt: LineAt;
  config?: ThreddConfig;
  /** The active environment; a request's `# @env` pins another. */
  environment?: Environment;
}

/**
 * The API warnings of one request file: a scope the environment's application lacks, and what the JSON language
 * service finds in literal JSON bodies of requests to catalogue operations. Each body's problems are kept by its
 * text, so checking the file again after an edit validates only the bodies that changed. One per document.
 */
export class ApiChecks {
  private checked = new Map<string, BodyProblem[]>();

  constructor(private readonly language: BodyLanguage) {}

  async check(file: ParsedRequestFile, context: ApiCheckContext): Promise<ApiProblem[]> {
    const problems: ApiProblem[] = [];
    const checked = new Map<string, BodyProblem[]>();
    for (const request of file.requests) {
      const operation = operationOf(request);
      if (!operation) continue;
      const scope = missingScope(operation, context.config, context.environment, request.metadata.env);
      if (scope) {
        problems.push({
          range: request.requestLineRange,
          message: scope.message,
          code: 'missing-scope',
          related: { file: scope.configFile, range: scope.application.range, message: `The application "${scope.application.name}"` },
        });
      }
      const body = operation.requestBody && bodyJson(file, request, context.lineAt);
      if (!body) continue;
      // Kept relative to the body's first line, so a body that only moved is not validated again.
      const key = `${operation.id}\n${body.variables.map((span) => span.start).join()}\n${body.text}`;
      const found = checked.get(key) ?? this.checked.get(key) ?? shift(await this.language.validate(operation, body), -body.firstLine);
      checked.set(key, found);
      for (const problem of shift(found, body.firstLine)) {
        problems.push({ range: problem.range, message: problem.message, code: problem.kind === 'syntax' ? 'body-syntax' : 'body-schema' });
      }
    }
    this.checked = checked;
    return problems;
  }
}

function shift(problems: readonly BodyProblem[], lines: number): BodyProblem[] {
  return problems.map((problem) => ({
    ...problem,
    range: {
      start: { line: problem.range.start.line + lines, column: problem.range.start.column },
      end: { line: problem.range.end.line + lines, column: problem.range.end.column },
    },
  }));
}
