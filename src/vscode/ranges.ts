import * as vscode from 'vscode';
import type { TextRange } from '../core/config';

export function toVscodeRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}
