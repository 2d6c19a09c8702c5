import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseErrorWords } from '../text/jsonParseError';
import { LineIndex } from '../text/lineIndex';
import type { TextRange } from './types';

export type JsonPath = (string | number)[];

export interface JsoncSyntaxError {
  message: string;
  range: TextRange;
}

/** A parsed JSONC text that can say where any value (or key) sits, for diagnostics with line numbers. */
export class JsoncDocument {
  readonly value: unknown;
  readonly syntaxErrors: JsoncSyntaxError[];
  private readonly root: Node | undefined;
  private readonly lines: LineIndex;

  constructor(text: string) {
    const errors: ParseError[] = [];
    this.lines = new LineIndex(text);
    this.root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    this.value = this.root ? getNodeValue(this.root) : undefined;
    this.syntaxErrors = errors.map((error) => ({
      message: `JSON syntax error: ${parseErrorWords(error)}.`,
      range: this.lines.rangeAt(error.offset, Math.max(error.length, 1)),
    }));
  }

  /** The range of the value at `path`, or of its nearest existing parent (so a missing key points at its object). */
  rangeOf(path: JsonPath): TextRange {
    const node = this.nearestNode(path);
    return node ? this.lines.rangeAt(node.offset, node.length) : this.lines.rangeAt(0, 0);
  }

  /** The range of the property name at `path` (for unknown keys); falls back to the value's range. */
  keyRangeOf(path: JsonPath): TextRange {
    const node = this.root && findNodeAtLocation(this.root, path);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key ? this.lines.rangeAt(key.offset, key.length) : this.rangeOf(path);
  }

  private nearestNode(path: JsonPath): Node | undefined {
    if (!this.root) return undefined;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.root, path.slice(0, length));
      if (node) return node;
    }
    return this.root;
  }
}
