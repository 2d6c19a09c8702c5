import * as vscode from 'vscode';
import type { ResponsePanels } from '../response/responsePanels';
import { resultFromHistory } from './historyResult';
import type { RunnerService } from './runnerService';

/** `Thredd: Show History`: the recent requests; Enter opens the response, the button re-sends. */
export async function showHistoryCommand(
  runner: RunnerService,
  panels: ResponsePanels,
  args: { open?: string } = {},
): Promise<string | undefined> {
  const entries = await (await runner.historyStore()).list();
  if (args.open) {
    const entry = entries.find((item) => item.id === args.open);
    if (entry) panels.show(resultFromHistory(entry));
    return entry?.id;
  }
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('No Thredd requests sent yet.');
    return undefined;
  }
  const resend: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('refresh'), tooltip: 'Re-send' };
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
  quickPick.title = 'Thredd History';
  quickPick.placeholder = 'Enter opens the response; the button re-sends the request';
  quickPick.matchOnDescription = true;
  quickPick.items = entries.map((entry) => ({
    id: entry.id,
    label:
      `${entry.ok ? '$(pass)' : '$(error)'} ${entry.response?.status ?? entry.error?.kind ?? ''} ` +
      `${entry.request?.method ?? ''} ${entry.request?.url ?? entry.name ?? ''}`,
    description: `${entry.name ?? entry.title ?? ''}${entry.environment ? ` · ${entry.environment}` : ''}`,
    detail: new Date(entry.startedAt).toLocaleString(),
    buttons: [resend],
  }));
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      const picked = quickPick.selectedItems[0];
      const entry = picked && entries.find((item) => item.id === picked.id);
      if (entry) panels.show(resultFromHistory(entry));
      quickPick.hide();
      resolve(entry?.id);
    });
    quickPick.onDidTriggerItemButton(({ item }) => {
      const entry = entries.find((candidate) => candidate.id === item.id);
      quickPick.hide();
      if (entry)
        void vscode.commands.executeCommand('thredd.sendRequest', {
          uri: vscode.Uri.file(entry.filePath).toString(),
          index: entry.requestIndex,
        });
      resolve(entry?.id);
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(undefined);
    });
    quickPick.show();
  });
}
