import type { TextPosition, TextRange } from '../config/types';

/** Maps character offsets to zero-based line/column pairs with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let offset = 0; offset < text.length; offset++) {
      if (text.charCodeAt(offset) === 10) this.lineStarts.push(offset + 1);
    }
  }

  positionAt(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - this.lineStarts[low] };
  }

  rangeAt(offset: number, length: number): TextRange {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}
