import { CompactRange } from './lines';
import type { ChainedPath, HeaderLine, MetadataEntry, ReferenceLocation, TextRange, VariableReference } from './types';

/*
 * Parse results for the most numerous items. All their ranges lie on one line, so each keeps its line and a few
 * columns and builds a range when asked: a 10,000-request file has about 60,000 of these items, and every object
 * they held (a range each, before) was copied by the garbage collector while the parse ran, which took more time
 * than the parsing. JSON.stringify gives the full shape; deepStrictEqual sees the numbers, not the ranges.
 */

export class ParsedHeaderLine implements HeaderLine {
  readonly #line: number;
  readonly #start: number;
  readonly #end: number;
  readonly #nameEnd: number;
  readonly #valueStart: number;

  constructor(
    readonly name: string,
    readonly value: string,
    line: number,
    start: number,
    end: number,
    nameEnd: number,
    valueStart: number,
  ) {
    this.#line = line;
    this.#start = start;
    this.#end = end;
    this.#nameEnd = nameEnd;
    this.#valueStart = valueStart;
  }

  get range(): TextRange {
    return new CompactRange(this.#line, this.#start, this.#line, this.#end);
  }

  get nameRange(): TextRange {
    return new CompactRange(this.#line, this.#start, this.#line, this.#nameEnd);
  }

  get valueRange(): TextRange {
    return new CompactRange(this.#line, this.#valueStart, this.#line, this.#valueStart + this.value.length);
  }

  toJSON(): HeaderLine {
    return { name: this.name, value: this.value, range: this.range, nameRange: this.nameRange, valueRange: this.valueRange };
  }
}

export class ParsedMetadataEntry implements MetadataEntry {
  /** The line it is on (zero-based); the parser reads it without building a range. */
  readonly line: number;
  readonly #start: number;
  readonly #end: number;
  readonly #valueStart: number;

  constructor(
    readonly key: string,
    readonly value: string,
    line: number,
    /** The `@`. */
    start: number,
    end: number,
    valueStart: number,
  ) {
    this.line = line;
    this.#start = start;
    this.#end = end;
    this.#valueStart = valueStart;
  }

  /** Column where the value starts (for the parser, which avoids building ranges it does not need). */
  get valueColumn(): number {
    return this.#valueStart;
  }

  /** Starts at the `@`. */
  get range(): TextRange {
    return new CompactRange(this.line, this.#start, this.line, this.#end);
  }

  get keyRange(): TextRange {
    return new CompactRange(this.line, this.#start, this.line, this.#start + 1 + this.key.length);
  }

  get valueRange(): TextRange {
    return new CompactRange(this.line, this.#valueStart, this.line, this.#valueStart + this.value.length);
  }

  toJSON(): MetadataEntry {
    return { key: this.key, value: this.value, range: this.range, keyRange: this.keyRange, valueRange: this.valueRange };
  }
}

export class ParsedReference implements VariableReference {
  readonly #line: number;
  readonly #start: number;
  readonly #end: number;
  readonly #nameStart: number;

  constructor(
    readonly kind: VariableReference['kind'],
    readonly expression: string,
    readonly name: string,
    readonly args: string[],
    readonly location: ReferenceLocation,
    line: number,
    start: number,
    end: number,
    nameStart: number,
    readonly chain: ChainedPath | undefined,
  ) {
    this.#line = line;
    this.#start = start;
    this.#end = end;
    this.#nameStart = nameStart;
  }

  get range(): TextRange {
    return new CompactRange(this.#line, this.#start, this.#line, this.#end);
  }

  get nameRange(): TextRange {
    return new CompactRange(this.#line, this.#nameStart, this.#line, this.#nameStart + this.name.length);
  }

  toJSON(): VariableReference {
    const { kind, expression, name, args, location, range, chain } = this;
    return { kind, expression, name, args, location, range, nameRange: this.nameRange, ...(chain ? { chain } : {}) };
  }
}
