import * as vscode from 'vscode';
import type { AttentionItem, TreeModel } from '../../core/tree';

/** Explorer badges on certificate files that are expiring (days left) or unusable (!). */
export class CertificateDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private byFile = new Map<string, AttentionItem>();

  update(model: TreeModel): void {
    const previous = [...this.byFile.keys()];
    this.byFile = new Map(model.certificatesNeedingAttention.map((item) => [item.file, item]));
    const touched = new Set([...previous, ...this.byFile.keys()]);
    this.changed.fire([...touched].map((file) => vscode.Uri.file(file)));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const item = this.byFile.get(uri.fsPath);
    if (!item) return undefined;
    const days = item.daysRemaining;
    // Badges hold two characters: the days left while they fit, "!" otherwise.
    const badge = item.severity === 'warning' && days !== undefined && days >= 0 && days < 100 ? String(days) : '!';
    const colour = item.severity === 'error' ? 'list.errorForeground' : 'list.warningForeground';
    return new vscode.FileDecoration(badge, `Thredd: ${item.summary}`, new vscode.ThemeColor(colour));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
