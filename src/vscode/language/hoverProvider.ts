import * as vscode from 'vscode';
import { describeReference, directiveAt, findReferenceAt, requestAt, type Directive } from '../../core/requestFile';
import { toVscodeRange } from '../ranges';
import type { LanguageContext } from './languageContext';

/** A variable's resolved value (secrets masked) and where it comes from; what a `# @directive` does. */
export class VariableHoverProvider implements vscode.HoverProvider {
  constructor(private readonly language: LanguageContext) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const parsed = this.language.store.get(document);
    const found = findReferenceAt(parsed, { line: position.line, column: position.character });
    if (!found) {
      const directive = directiveAt(document.lineAt(position.line).text, position.line, position.character);
      return directive && new vscode.Hover(describeDirective(directive.directive), toVscodeRange(directive.range));
    }
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

function describeDirective(directive: Directive): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  const effect = directive.effect === 'acts' ? 'Thredd directive' : 'recorded for REST Client; Thredd does not act on it';
  markdown.appendMarkdown(`**@${escapeMarkdown(directive.key)}** · ${effect}\n\n`);
  markdown.appendMarkdown(escapeMarkdown(directive.description));
  if (directive.fileLevel) markdown.appendMarkdown('\n\nAbove the first request, it applies to every request of the file.');
  markdown.appendCodeblock(directive.examples.join('\n'), 'thredd');
  return markdown;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
