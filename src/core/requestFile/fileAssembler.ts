import { suggestionText } from '../text/suggest';
import type { Declaration, ParsedBlock } from './blockParser';
import { DIRECTIVE_BY_KEY, FILE_LEVEL_DIRECTIVES } from './directives';
import { duplicateFileVariable } from './fileVariables';
import { DiagnosticSink } from './lines';
import { emptyMetadata, mergeFileMetadata } from './metadata';
import { truncate } from './references';
import { NONE, append } from './sharedLists';
import type {
  CommentLine,
  FileVariable,
  ParsedRequest,
  ParsedRequestFile,
  RequestFileDiagnostic,
  RequestMetadata,
  TextRange,
  VariableReference,
} from './types';

/** What a file without file-level metadata reports: shared and never written to (parse results are read-only). */
export const NO_FILE_METADATA: RequestMetadata = Object.freeze(emptyMetadata(NONE));
const FILE_LEVEL_KEYS = FILE_LEVEL_DIRECTIVES.map(({ key }) => '@' + key).join(', ');

/** The file-level metadata after each block above the first request: the next parse reuses it while those blocks stay. */
export interface Adoption {
  block: ParsedBlock;
  fileMetadata?: RequestMetadata;
}

/**
 * Puts a file's blocks together, in order, with what only the whole file knows: duplicate `@name`s and file
 * variables, file-level metadata (blocks above the first request) and its errors, request indexes, chained
 * references to names that no request has, and the cap on diagnostics. Block results are never changed: a
 * request whose index or diagnostics differ from its block's is a copy.
 */
export class FileAssembler {
  readonly adoptions: Adoption[] = [];
  private readonly sink: DiagnosticSink;
  /** Each `@name` and the line of its first declaration. */
  readonly names = new Map<string, number>();
  private readonly variableLines = new Map<string, number>();
  /** Each request as its block made it (the block itself is not kept). */
  private readonly requests: ParsedRequest[] = [];
  private readonly requestDiagnostics: RequestFileDiagnostic[][] = [];
  /** Chained references in the order a single pass meets them, and their request (-1: none). */
  private readonly chained: VariableReference[] = [];
  private readonly chainedOwners: number[] = [];
  private readonly fileVariables: FileVariable[] = [];
  private comments: CommentLine[] = NONE;
  /** Errors of the file-level metadata, which every request carries. */
  fileErrors: RequestFileDiagnostic[] = NONE;
  private fileReferences: VariableReference[] = NONE;
  /** Still matching the previous parse's adoptions, block for block. */
  private reusingAdoptions: boolean;
  fileMetadata: RequestMetadata | undefined;

  constructor(
    maxDiagnostics: number,
    private readonly previousAdoptions: readonly Adoption[] = NONE,
  ) {
    this.sink = new DiagnosticSink(maxDiagnostics);
    this.reusingAdoptions = previousAdoptions.length > 0;
  }

  /** How many requests so far: the index of the next block's request. */
  get requestCount(): number {
    return this.requestDiagnostics.length;
  }

  // Indexed loops: a for-of makes an iterator and a result object per step, and this runs for every block.
  add(block: ParsedBlock): void {
    const kept = this.replay(block);
    const { fileVariables, comments, chained } = block;
    for (let index = 0; index < fileVariables.length; index++) {
      const variable = fileVariables[index];
      this.fileVariables.push(variable);
      for (const reference of variable.references) this.addChained(reference, -1);
    }
    if (comments.length) {
      if (this.comments === NONE) this.comments = [];
      for (let index = 0; index < comments.length; index++) this.comments.push(comments[index]);
    }
    const request = block.request;
    if (!request) {
      if (this.requestCount === 0) this.adopt(block, kept);
      else this.warnOrphan(block);
      return;
    }
    const owner = this.requestCount;
    this.requests.push(request);
    this.requestDiagnostics.push(this.fileErrors.length ? [...this.fileErrors, ...kept] : kept);
    for (let index = 0; index < chained.length; index++) {
      this.chained.push(chained[index]);
      this.chainedOwners.push(owner);
    }
  }

  private addChained(reference: VariableReference, owner: number): void {
    if (reference.kind !== 'chained' || !reference.chain) return;
    this.chained.push(reference);
    this.chainedOwners.push(owner);
  }

  finish(lineCount: number): ParsedRequestFile {
    this.checkChainedReferences();
    const requests = this.requests.map((request, index) => finalRequest(request, index, this.requestDiagnostics[index]));
    const diagnostics = this.sink.finish().sort(byPosition);
    return {
      requests,
      fileVariables: this.fileVariables,
      metadata: this.fileMetadata ?? NO_FILE_METADATA,
      metadataVariables: this.fileReferences,
      comments: this.comments,
      diagnostics,
      lineCount,
      binary: false,
    };
  }

  /** The block's diagnostics the file keeps, with its declarations checked in their places (replayBlock). */
  private replay(block: ParsedBlock): RequestFileDiagnostic[] {
    return replayBlock(block, this.sink, this.checkName, this.check);
  }

  // Made once, not per block: a 10,000-request file replays 10,000 blocks.
  private readonly checkName: NameCheck = (value, range, kept) => this.declareName(value, range, kept);
  private readonly check = (declaration: Declaration, kept: RequestFileDiagnostic[]) => this.declare(declaration, kept);

  /** Checks one declaration against those above; returns `kept` with the duplicate's diagnostic if the file kept it. */
  private declare(declaration: Declaration, kept: RequestFileDiagnostic[]): RequestFileDiagnostic[] {
    if (declaration.kind === 'name') return this.declareName(declaration.value, declaration.range, kept);
    const previousLine = this.variableLines.get(declaration.variable.name);
    this.variableLines.set(declaration.variable.name, declaration.line);
    if (previousLine === undefined) return kept;
    const diagnostic = duplicateFileVariable(declaration.variable, previousLine, this.sink);
    return diagnostic ? append(kept, diagnostic) : kept;
  }

  private declareName(value: string, range: TextRange, kept: RequestFileDiagnostic[]): RequestFileDiagnostic[] {
    const previousLine = this.names.get(value);
    if (previousLine === undefined) {
      this.names.set(value, range.start.line);
      return kept;
    }
    const diagnostic = duplicateName(value, range, previousLine, this.sink);
    return diagnostic ? append(kept, diagnostic) : kept;
  }

  /**
   * Metadata above the first request applies to the whole file, for the directives that allow it; the others are
   * reported, since they apply to nothing.
   */
  private adopt(block: ParsedBlock, kept: RequestFileDiagnostic[]): void {
    const position = this.adoptions.length;
    const previous = this.reusingAdoptions ? this.previousAdoptions[position] : undefined;
    this.reusingAdoptions = previous?.block === block;
    const metadata = block.metadata!;
    if (metadata.entries.length > 0) {
      const lines = new Set<number>();
      const added = kept.slice();
      for (const entry of metadata.entries) {
        lines.add(entry.range.start.line);
        if (DIRECTIVE_BY_KEY.get(entry.key)?.fileLevel !== false) continue;
        const why = `"@${entry.key}" does not apply to a whole file, and this block (up to the next ###) has no request line`;
        const fix = `move it to the request it belongs to. Above the first request, only ${FILE_LEVEL_KEYS} apply to every request.`;
        const diagnostic = this.sink.add(entry.range, 'warning', 'metadata-without-request', `${why}: ${fix}`);
        if (diagnostic) added.push(diagnostic);
      }
      const errors = added.filter((diagnostic) => diagnostic.severity === 'error' && lines.has(diagnostic.range.start.line));
      if (errors.length > 0) this.fileErrors = [...this.fileErrors, ...errors];
      const references = block.references;
      if (references.length > 0) this.fileReferences = [...this.fileReferences, ...references];
      for (const reference of references) this.addChained(reference, -1);
      // The same object as last time while the same blocks lead the file, so the requests below stay reusable.
      this.fileMetadata = this.reusingAdoptions ? previous!.fileMetadata : mergeFileMetadata(this.fileMetadata, metadata);
    }
    this.adoptions.push({ block, fileMetadata: this.fileMetadata });
  }

  private warnOrphan(block: ParsedBlock): void {
    warnOrphan(block, this.sink);
  }

  private checkChainedReferences(): void {
    let names: string[] | undefined;
    const known = () => (names ??= [...this.names.keys()]);
    for (let index = 0; index < this.chained.length; index++) {
      const reference = this.chained[index];
      const target = reference.chain!.request;
      if (!target || this.names.has(target)) continue;
      const diagnostic = unknownRequest(reference, target, known, this.sink);
      const owner = this.chainedOwners[index];
      if (diagnostic && owner >= 0) this.requestDiagnostics[owner] = [...this.requestDiagnostics[owner], diagnostic];
    }
  }
}

/** Metadata in a block without a request line, below the first request, applies to nothing. */
export function warnOrphan(block: ParsedBlock, sink: DiagnosticSink): void {
  // A prompt declares a variable, which may be declared in any block (as before file-level directives).
  const orphan = block.metadata!.entries.find((entry) => entry.key !== 'prompt');
  if (!orphan) return;
  const hint = DIRECTIVE_BY_KEY.get(orphan.key)?.fileLevel ? ' To apply it to every request, move it above the first request.' : '';
  const message = `"@${truncate(orphan.key)}" applies to no request: this block (up to the next ###) has no request line.${hint}`;
  sink.add(orphan.range, 'warning', 'metadata-without-request', message);
}

/** Checks a `@name` against the names above; returns `kept` with the duplicate's diagnostic if the file kept it. */
export type NameCheck = (value: string, range: TextRange, kept: RequestFileDiagnostic[]) => RequestFileDiagnostic[];

/**
 * Offers a block's diagnostics to the file's `sink` in the order a single pass over the file raises them, each
 * declaration checked (by `checkName`, or `check` for a file variable) where it fell among them. Returns those the
 * file kept. Shared by the whole-file assembly and the splice of an edit, so both keep the same diagnostics.
 */
export function replayBlock(
  block: ParsedBlock,
  sink: DiagnosticSink,
  checkName: NameCheck,
  check: (declaration: Declaration, kept: RequestFileDiagnostic[]) => RequestFileDiagnostic[],
): RequestFileDiagnostic[] {
  const { diagnostics, declarations, overflow } = block;
  // Most blocks raise nothing and declare one name: no list is made for them.
  if (block.name !== undefined) return checkName(block.name, block.nameRange!, NONE);
  let kept: RequestFileDiagnostic[] = NONE;
  let next = 0;
  for (let index = 0; index < diagnostics.length; index++) {
    while (next < declarations.length && declarations[next].at <= index) kept = check(declarations[next++], kept);
    if (sink.offer(diagnostics[index])) kept = append(kept, diagnostics[index]);
  }
  if (overflow) {
    // The block's sink was full, so this one is too: what it dropped is dropped here, after the declarations before it.
    while (next < declarations.length && declarations[next].at < overflow.sequence) kept = check(declarations[next++], kept);
    sink.dropMany(overflow.dropped, overflow.lastDropped);
  }
  while (next < declarations.length) kept = check(declarations[next++], kept);
  return kept;
}

/** The error for a `# @name` a request above already has; `previousLine` is the first one's (zero-based). */
export function duplicateName(value: string, range: TextRange, previousLine: number, sink: DiagnosticSink) {
  const where = `(line ${previousLine + 1}): {{${value}.response…}} would be ambiguous. Rename one of them.`;
  return sink.add(range, 'error', 'duplicate-name', `Another request is already named "${value}" ${where}`);
}

/** The error for a chained reference to a name no request has. */
export function unknownRequest(reference: VariableReference, target: string, names: () => string[], sink: DiagnosticSink) {
  const known = names();
  const hint = known.length ? suggestionText(target, known) : 'no request has a # @name yet.';
  return sink.add(
    reference.nameRange,
    'error',
    'unknown-request-reference',
    `No request is named "${target}": ${hint} Add "# @name ${target}" above the request whose ${reference.chain?.source} you want.`,
  );
}

/**
 * The block's request when its index and diagnostics are the file's, else a copy with the file's: a block's request is
 * never changed, so it still holds what the block parsed it with, and an unchanged block can be reused as it is.
 */
export function finalRequest(request: ParsedRequest, index: number, diagnostics: RequestFileDiagnostic[]): ParsedRequest {
  if (request.index === index && sameItems(request.diagnostics, diagnostics)) return request;
  return { ...request, index, diagnostics: diagnostics.length ? diagnostics : NONE };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

export function byPosition(a: RequestFileDiagnostic, b: RequestFileDiagnostic): number {
  if (a.code === 'too-many-problems') return 1;
  if (b.code === 'too-many-problems') return -1;
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;
}
