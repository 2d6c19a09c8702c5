import { CompactRange } from './lines';
import type { ChainedPath, HeaderLine, MetadataEntry, ReferenceLocation, TextRange, VariableReference } from './types';

/*
 * Parse results for the most numerous items. Their secondary ranges (a header's name and value, a
 * metadata line's key and value, a reference's name) are computed on access from two numbers instead
 * of being stored as objects: a 10,000-request file has about 150,000 of them, and every stored object
 * is copied by the garbage collector while the parse runs. JSON.stringify gives the full shape.
 */

export class ParsedHeaderLine implements HeaderLine {
  readonly #nameEnd: number;
  readonly #valueStart: number;

  constructor(
    readonly name: string,
    readonly value: string,
    readonly range: CompactRange,
    nameEnd: number,
    valueStart: number,
  ) {
    this.#nameEnd = nameEnd;
    this.#valueStart = valueStart;
  }

  get nameRange(): TextRange {
    return new CompactRange(this.range.startLine, this.range.startColumn, this.range.startLine, this.#nameEnd);
  }

  get valueRange(): TextRange {
    return new CompactRange(this.range.startLine, this.#valueStart, this.range.startLine, this.#valueStart + this.value.length);
  }

  toJSON(): HeaderLine {
    return { name: this.name, value: this.value, range: this.range, nameRange: this.nameRange, valueRange: this.valueRange };
  }
}

export class ParsedMetadataEntry implements MetadataEntry {
  readonly #valueStart: number;

  constructor(
    readonly key: string,
    readonly value: string,
    /** Starts at the `@`. */
    readonly range: CompactRange,
    valueStart: number,
  ) {
    this.#valueStart = valueStart;
  }

  /** Column where the value starts (for the parser, which avoids building ranges it does not need). */
  get valueColumn(): number {
    return this.#valueStart;
  }

  get keyRange(): TextRange {
    return new CompactRange(
      this.range.startLine,
      this.range.startColumn,
      this.range.startLine,
      this.range.startColumn + 1 + this.key.length,
    );
  }

  get valueRange(): TextRange {
    return new CompactRange(this.range.startLine, this.#valueStart, this.range.startLine, this.#valueStart + this.value.length);
  }

  toJSON(): MetadataEntry {
    return { key: this.key, value: this.value, range: this.range, keyRange: this.keyRange, valueRange: this.valueRange };
  }
}

export class ParsedReference implements VariableReference {
  readonly #nameStart: number;

  constructor(
    readonly kind: VariableReference['kind'],
    readonly expression: string,
    readonly name: string,
    readonly args: string[],
    readonly location: ReferenceLocation,
    readonly range: CompactRange,
    nameStart: number,
    readonly chain: ChainedPath | undefined,
  ) {
    this.#nameStart = nameStart;
  }

  get nameRange(): TextRange {
    return new CompactRange(this.range.startLine, this.#nameStart, this.range.startLine, this.#nameStart + this.name.length);
  }

  toJSON(): VariableReference {
    const { kind, expression, name, args, location, range, chain } = this;
    return { kind, expression, name, args, location, range, nameRange: this.nameRange, ...(chain ? { chain } : {}) };
  }
}
