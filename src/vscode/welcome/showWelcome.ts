import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'thredd-tools.thredd-vscode#thredd.gettingStarted';
const SHOWN_KEY = 'thredd.walkthroughShown';

/**
 * A first look at a workspace that asks for one (thredd.showWalkthroughOnFirstOpen, set by samples/):
 * its first request file, the Thredd view, and the walkthrough beside them as the active editor.
 * Once per workspace, so a later window keeps the layout the user made.
 */
export async function showWelcomeOnFirstOpen(workspaceState: vscode.Memento): Promise<boolean> {
  if (!vscode.workspace.getConfiguration('thredd').get<boolean>('showWalkthroughOnFirstOpen')) return false;
  if (workspaceState.get<boolean>(SHOWN_KEY)) return false;
  await workspaceState.update(SHOWN_KEY, true);
  const [requestFile] = (await vscode.workspace.findFiles('**/*.thredd', '**/{.thredd,node_modules}/**', 20)).sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  if (requestFile) await vscode.window.showTextDocument(requestFile, { preview: false, viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('workbench.view.extension.thredd');
  return openWalkthroughBeside();
}

/**
 * Early in start-up VS Code may not have registered the extension's walkthrough yet, and then opens
 * one of its own: ask again until ours shows (its tab reads "Walkthrough: Thredd").
 */
async function openWalkthroughBeside(attempts = 20): Promise<boolean> {
  const ours = `Walkthrough: ${vscode.extensions.getExtension(WALKTHROUGH_ID.split('#')[0])?.packageJSON.displayName ?? 'Thredd'}`;
  for (let attempt = 0; attempt < attempts; attempt++) {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, true);
    // The extension host learns of the new tab a moment later.
    const tab = await walkthroughTab();
    if (!tab) return false;
    if (tab.label === ours) return true;
    // Asked again, VS Code selects the walkthrough in the welcome page it has open, once it knows it.
    await sleep(250);
  }
  return false;
}

async function walkthroughTab(timeoutMs = 3000): Promise<vscode.Tab | undefined> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((item) => /^(Walkthrough:|Welcome$)/.test(item.label));
    if (tab) return tab;
    await sleep(50);
  }
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
