import type { Declaration, ParsedBlock } from './blockParser';
import { byPosition, duplicateName, finalRequest, replayBlock, unknownRequest, warnOrphan, type NameCheck } from './fileAssembler';
import { DiagnosticSink } from './lines';
import { append } from './sharedLists';
import type { DocumentParse } from './documentParse';
import type { ParsedRequestFile, RequestFileDiagnostic, TextRange, VariableReference } from './types';

/** The blocks an edit replaced, and what took their place. */
export interface Replacement {
  /** Index of the first replaced block; `suffix` is the first kept one after them (or the number of blocks). */
  prefix: number;
  suffix: number;
  blocks: ParsedBlock[];
  /** Where each new block starts in the new text. */
  offsets: number[];
  text: string;
  /** How much longer the text got (negative when shorter), and its line count. */
  delta: number;
  lineCount: number;
}

/**
 * The next version without putting the whole file together again, when the edit changed nothing the rest of the
 * file depends on: it lies below the first request, declares the same `@name`s on the same lines and no file
 * variable, has as many requests, and no diagnostics cap is reached. Then every kept block has the requests and
 * diagnostics it had, and only the new blocks are assembled (against the file's names); the lists are spliced.
 * Undefined when a condition does not hold: the caller assembles the whole file.
 */
export function spliceParse(previous: DocumentParse, change: Replacement): DocumentParse | undefined {
  const { prefix, suffix, blocks } = change;
  const old = previous.blocks.slice(prefix, suffix);
  if (previous.adoptions.length >= prefix) return undefined; // the first request is not above the edit
  if (!sameDeclarations(old, blocks)) return undefined;
  const { parsed } = previous;
  const firstLine = previous.blocks[prefix].start;
  const endLine = suffix < previous.blocks.length ? previous.blocks[suffix].start : Infinity;
  const lineOf = (item: { range: TextRange }) => item.range.start.line;
  const requestsFrom = firstIndexAt(parsed.requests, firstLine, lineOf);
  const requestsTo = firstIndexAt(parsed.requests, endLine, lineOf);
  if (blocks.filter((block) => block.request).length !== requestsTo - requestsFrom) return undefined;
  const diagnosticsFrom = firstIndexAt(parsed.diagnostics, firstLine, lineOf);
  const diagnosticsTo = firstIndexAt(parsed.diagnostics, endLine, lineOf);

  const assembled = assembleReplacement(previous, blocks, firstLine, requestsFrom);
  const total = parsed.diagnostics.length - (diagnosticsTo - diagnosticsFrom) + assembled.diagnostics.length;
  if (total > previous.maxDiagnostics || parsed.diagnostics.some((item) => item.code === 'too-many-problems')) return undefined;

  const commentsFrom = firstIndexAt(parsed.comments, firstLine, lineOf);
  const commentsTo = firstIndexAt(parsed.comments, endLine, lineOf);
  const newComments = blocks.flatMap((block) => block.comments);
  const result: ParsedRequestFile = {
    requests: splice(parsed.requests, requestsFrom, requestsTo, assembled.requests),
    fileVariables: parsed.fileVariables,
    metadata: parsed.metadata,
    metadataVariables: parsed.metadataVariables,
    comments:
      commentsTo - commentsFrom + newComments.length === 0
        ? parsed.comments
        : splice(parsed.comments, commentsFrom, commentsTo, newComments),
    diagnostics: splice(parsed.diagnostics, diagnosticsFrom, diagnosticsTo, assembled.diagnostics.sort(byPosition)),
    lineCount: change.lineCount,
    binary: false,
  };
  const offsets = previous.offsets.slice(0, prefix).concat(change.offsets);
  for (let index = suffix; index < previous.offsets.length; index++) offsets.push(previous.offsets[index] + change.delta);
  return {
    ...previous,
    text: change.text,
    parsed: result,
    blocks: previous.blocks.slice(0, prefix).concat(blocks, previous.blocks.slice(suffix)),
    offsets,
  };
}

/** The new blocks put together as the whole file would put them, given the names of the blocks around them. */
function assembleReplacement(previous: DocumentParse, blocks: ParsedBlock[], firstLine: number, firstIndex: number) {
  const sink = new DiagnosticSink(previous.maxDiagnostics);
  const { names, fileErrors } = previous;
  const seen = new Map<string, number>();
  const requests = [];
  const requestDiagnostics: RequestFileDiagnostic[][] = [];
  const chained: { reference: VariableReference; owner: number }[] = [];
  const declareName: NameCheck = (value, range, kept) => {
    // The first declaration of each name is where it was (same names, same lines): above the edit, or in it.
    const first = names.get(value)!;
    const previousLine = first < firstLine ? first : seen.get(value);
    if (previousLine === undefined) {
      seen.set(value, range.start.line);
      return kept;
    }
    const diagnostic = duplicateName(value, range, previousLine, sink);
    return diagnostic ? append(kept, diagnostic) : kept;
  };
  // sameDeclarations let through no file variable and no block over the cap: only names are declared here.
  const declare = (declaration: Declaration, kept: RequestFileDiagnostic[]) =>
    declaration.kind === 'name' ? declareName(declaration.value, declaration.range, kept) : kept;
  for (const block of blocks) {
    const kept = replayBlock(block, sink, declareName, declare);
    if (!block.request) {
      warnOrphan(block, sink);
      continue;
    }
    const owner = requestDiagnostics.length;
    requestDiagnostics.push(fileErrors.length ? [...fileErrors, ...kept] : kept);
    for (const reference of block.chained) chained.push({ reference, owner });
  }
  let known: string[] | undefined;
  for (const { reference, owner } of chained) {
    const target = reference.chain!.request;
    if (!target || names.has(target)) continue;
    const diagnostic = unknownRequest(reference, target, () => (known ??= [...names.keys()]), sink);
    if (diagnostic) requestDiagnostics[owner] = [...requestDiagnostics[owner], diagnostic];
  }
  let owner = 0;
  for (const block of blocks) {
    if (!block.request) continue;
    requests.push(finalRequest(block.request, firstIndex + owner, requestDiagnostics[owner]));
    owner++;
  }
  return { requests, diagnostics: sink.finish() };
}

/**
 * Whether the new blocks declare what the old ones did: the same `@name`s in the same order on the same lines, no
 * file variables, no block over the diagnostics cap, and no file-level metadata to adopt.
 */
function sameDeclarations(old: readonly ParsedBlock[], blocks: readonly ParsedBlock[]): boolean {
  const declared = (list: readonly ParsedBlock[]) => {
    const names: string[] = [];
    for (const block of list) {
      if (block.fileVariables.length > 0 || block.overflow) return undefined;
      if (block.name !== undefined) names.push(`${block.name}@${block.nameRange!.start.line}`);
      for (const declaration of block.declarations)
        if (declaration.kind === 'name') names.push(`${declaration.value}@${declaration.range.start.line}`);
    }
    return names.join('\n');
  };
  const before = declared(old);
  return before !== undefined && before === declared(blocks);
}

/** The first index whose item starts on or after `line`, in a list ordered by position. */
export function firstIndexAt<T>(list: readonly T[], line: number, lineOf: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineOf(list[middle]) < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

function splice<T>(list: readonly T[], from: number, to: number, items: readonly T[]): T[] {
  return list.slice(0, from).concat(items, list.slice(to));
}
