import {
  ClientCapabilities,
  DiagnosticSeverity,
  getLanguageService,
  SchemaDraft,
  TextDocument,
  type CompletionList,
  type JSONDocument,
  type JSONSchema,
  type LanguageService,
  type Position,
  type Range,
} from 'vscode-json-languageservice';
import { OPERATIONS, type CatalogueOperation } from '../catalogue';
import type { TextPosition, TextRange } from '../requestFile';
import { touchesVariable, type BodyJson } from './bodyJson';
import { describeField } from './fieldDescription';

/** A problem in a request's JSON body, placed in the request file. */
export interface BodyProblem {
  range: TextRange;
  message: string;
  /** `syntax`: the text is not JSON; `schema`: it does not fit the operation's request schema. */
  kind: 'syntax' | 'schema';
}

export interface BodyHover {
  /** Markdown: the field's path, the schema's description, its type and constraints. */
  markdown: string;
  range: TextRange;
}

/** How the language service should treat a body: as strict JSON (what Thredd parses), checked as draft-07. */
const STRICT_JSON = { comments: 'error', trailingCommas: 'error', schemaValidation: 'warning', schemaDraft: SchemaDraft.v7 } as const;

/**
 * Completion, validation and hover of request bodies by vscode-json-languageservice (what VS Code's own JSON
 * support runs), each body read as a document of its own against its operation's request schema. The schemas
 * are the catalogue's, given inline: the service never fetches one.
 */
export class BodyLanguage {
  private readonly service: LanguageService;

  constructor(operations: readonly CatalogueOperation[] = OPERATIONS) {
    this.service = getLanguageService({ clientCapabilities: ClientCapabilities.LATEST });
    this.service.configure({
      validate: true,
      allowComments: false,
      schemas: operations.flatMap((operation) =>
        operation.requestBody
          ? [
              {
                uri: `thredd-catalogue:/${operation.id}/request.json`,
                fileMatch: [documentName(operation)],
                schema: operation.requestBody.schema as JSONSchema,
              },
            ]
          : [],
      ),
    });
  }

  /** Property names with their descriptions, enum values and examples at `position` of the request file. */
  async complete(operation: CatalogueOperation, body: BodyJson, position: TextPosition): Promise<CompletionList | undefined> {
    const { document, json } = this.parse(operation, body);
    const list = await this.service.doComplete(document, toBody(position, body), json);
    if (!list) return undefined;
    for (const item of list.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) edit.range = toFile(edit.range, body);
      else if (edit) {
        edit.insert = toFile(edit.insert, body);
        edit.replace = toFile(edit.replace, body);
      }
    }
    return list;
  }

  /**
   * What is wrong with the body: its JSON syntax, or else what the schema refuses (missing, unknown and wrongly
   * typed fields, values too long, values not allowed). Problems on a `{{variable}}` are left out.
   */
  async validate(operation: CatalogueOperation, body: BodyJson): Promise<BodyProblem[]> {
    const { document, json } = this.parse(operation, body);
    const diagnostics = await this.service.doValidation(document, json, STRICT_JSON);
    // Syntax errors come as errors, schema problems as warnings; a body that does not parse gets only the former.
    const syntax = diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
    return diagnostics
      .filter((diagnostic) => (diagnostic.severity === DiagnosticSeverity.Error) === syntax)
      .filter((diagnostic) => !touchesVariable(spanOf(document, diagnostic.range), body.variables))
      .sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start))
      .map((diagnostic) => ({
        range: toTextRange(toFile(diagnostic.range, body)),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        kind: syntax ? 'syntax' : 'schema',
      }));
  }

  /** The field under `position`: its path, description, type and constraints, and whether it is required. */
  async hover(operation: CatalogueOperation, body: BodyJson, position: TextPosition): Promise<BodyHover | undefined> {
    const { document, json } = this.parse(operation, body);
    const at = toBody(position, body);
    const hover = await this.service.doHover(document, at, json);
    if (!hover?.range) return undefined;
    const schemas = await this.service.getMatchingSchemas(document, json);
    const described = describeField(json.getNodeFromOffset(document.offsetAt(at)), schemas);
    if (!described) return undefined;
    const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
    const text = contents.map((content) => (typeof content === 'string' ? content : content.value)).filter(Boolean);
    return { markdown: [described.heading, ...text, ...described.constraints].join('\n\n'), range: toTextRange(toFile(hover.range, body)) };
  }

  private parse(operation: CatalogueOperation, body: BodyJson): { document: TextDocument; json: JSONDocument } {
    const document = TextDocument.create(`thredd-body:/${documentName(operation)}`, 'json', 0, body.text);
    return { document, json: this.service.parseJSONDocument(document) };
  }
}

/** The name the service associates with the operation's schema (a fileMatch pattern and the body's URI). */
function documentName(operation: CatalogueOperation): string {
  return `${operation.id}.request.json`;
}

function toBody(position: TextPosition, body: BodyJson): Position {
  return { line: position.line - body.firstLine, character: position.column };
}

function toFile(range: Range, body: BodyJson): Range {
  return {
    start: { line: range.start.line + body.firstLine, character: range.start.character },
    end: { line: range.end.line + body.firstLine, character: range.end.character },
  };
}

function toTextRange(range: Range): TextRange {
  return { start: { line: range.start.line, column: range.start.character }, end: { line: range.end.line, column: range.end.character } };
}

function spanOf(document: TextDocument, range: Range): { start: number; end: number } {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}
