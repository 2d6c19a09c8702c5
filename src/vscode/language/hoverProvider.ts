import * as vscode from 'vscode';
import { describeReference, findReferenceAt, requestAt } from '../../core/requestFile';
import { toVscodeRange } from '../ranges';
import type { LanguageContext } from './languageContext';

/** A variable's resolved value (secrets masked) and where it comes from. */
export class VariableHoverProvider implements vscode.HoverProvider {
  constructor(private readonly language: LanguageContext) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const parsed = this.language.store.get(document);
    const found = findReferenceAt(parsed, { line: position.line, column: position.character });
    if (!found) return undefined;
    const pinned = requestAt(parsed, position.line)?.metadata.env;
    const described = describeReference(parsed, found.reference, await this.language.resolveContext(document, pinned));
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**${escapeMarkdown(found.reference.expression)}** · ${described.source}\n\n`);
    markdown.appendCodeblock(described.display, 'text');
    if (described.problem) markdown.appendMarkdown(`\n\n$(warning) ${escapeMarkdown(described.problem)}`);
    markdown.supportThemeIcons = true;
    return new vscode.Hover(markdown, toVscodeRange(found.reference.range));
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
