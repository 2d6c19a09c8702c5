import * as vscode from 'vscode';
import type { AttentionItem, TreeModel } from '../../core/tree';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One notification on activation, then once a day while VS Code stays open, listing the
 * certificates that are expiring or unusable, with "Show" and "Generate new CSR".
 */
export class ExpiryNotifier implements vscode.Disposable {
  private lastShown = 0;
  private readonly timer: NodeJS.Timeout;
  /** What the last notification said, for the host tests. */
  lastMessage: string | undefined;

  constructor(
    private readonly getModel: () => Promise<TreeModel>,
    private readonly reveal: (item: AttentionItem) => Thenable<void>,
  ) {
    this.timer = setInterval(() => void this.check(), 60 * 60 * 1000);
  }

  /** Shows the notification when there is something to say and a day has passed since the last one. */
  async check(force = false): Promise<string | undefined> {
    if (!force && Date.now() - this.lastShown < DAY_MS) return undefined;
    const items = (await this.getModel()).certificatesNeedingAttention;
    if (items.length === 0) return undefined;
    this.lastShown = Date.now();
    const listed = items
      .slice(0, 3)
      .map((item) => `${item.label}: ${item.summary}`)
      .join('; ');
    const more = items.length > 3 ? ` and ${items.length - 3} more` : '';
    const message = `Thredd certificates need attention: ${listed}${more}.`;
    this.lastMessage = message;
    const worst = items.some((item) => item.severity === 'error') ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    const renewable = items.find((item) => item.type === 'transport' || item.type === 'signing');
    const actions = renewable ? ['Show', 'Generate new CSR'] : ['Show'];
    void worst(message, ...actions).then((choice) => {
      if (choice === 'Show') return this.reveal(items[0]);
      if (choice === 'Generate new CSR' && renewable) return generateCsrFor(renewable);
    });
    return message;
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

/** The CSR wizard pre-filled with the expiring certificate's subject and type. */
export function generateCsrFor(item: AttentionItem): Thenable<unknown> {
  const subject = item.subject ?? {};
  return vscode.commands.executeCommand('thredd.generateCsr', {
    type: item.type === 'signing' ? 'signing' : 'transport',
    prefill: true,
    commonName: subject.commonName,
    organization: subject.organization,
    organizationalUnit: subject.organizationalUnit,
    country: subject.country,
  });
}
