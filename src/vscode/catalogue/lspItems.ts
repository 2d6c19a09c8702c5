import * as vscode from 'vscode';
import type { CompletionItem, MarkupContent, Range } from 'vscode-json-languageservice';

/** LSP's CompletionItemKind counts from 1 (Text), VS Code's from 0; InsertTextFormat 2 is a snippet. */
const LSP_KIND_OFFSET = 1;
const SNIPPET = 2;

/** A completion item of the JSON language service (LSP shapes, positions already in the request file) for VS Code. */
export function toCompletionItem(item: CompletionItem): vscode.CompletionItem {
  const completion = new vscode.CompletionItem(item.label, item.kind === undefined ? undefined : item.kind - LSP_KIND_OFFSET);
  const edit = item.textEdit;
  const text = edit?.newText ?? item.insertText ?? item.label;
  completion.insertText = item.insertTextFormat === SNIPPET ? new vscode.SnippetString(text) : text;
  if (edit)
    completion.range = 'range' in edit ? toRange(edit.range) : { inserting: toRange(edit.insert), replacing: toRange(edit.replace) };
  completion.filterText = item.filterText;
  completion.sortText = item.sortText;
  completion.detail = item.detail;
  if (item.documentation) completion.documentation = toDocumentation(item.documentation);
  if (item.command) completion.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  return completion;
}

function toDocumentation(documentation: string | MarkupContent): string | vscode.MarkdownString {
  if (typeof documentation === 'string') return documentation;
  return documentation.kind === 'markdown' ? new vscode.MarkdownString(documentation.value) : documentation.value;
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
