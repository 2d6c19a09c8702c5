import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REGIONS, REQUEST_HEADERS } from '../../../src/core/catalogue';
import { activateExtension } from './helpers';

/** Completion items of one kind at a position, as label → documentation ('' when there is none). */
async function completions(content: string, position: vscode.Position, kind: vscode.CompletionItemKind): Promise<[string, string][]> {
  const document = await vscode.workspace.openTextDocument({ language: 'thredd', content });
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items
    .filter((item) => item.kind === kind)
    .map((item): [string, string] => {
      const label = typeof item.label === 'string' ? item.label : item.label.label;
      const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
      return [label, documentation];
    })
    .sort();
}

// The completion runs over the catalogue's lists: a header or region added there shows up here.
describe("the editor completes Thredd's headers and regions from the catalogue", () => {
  before(async () => {
    await activateExtension();
  });

  it('offers each catalogue header, with its description, below a request line', async () => {
    // The second line is being typed: a header line of the request until a blank line ends the headers.
    const offered = await completions(
      'GET https://uat-api.thredd.com/core/api/v1/products\nX',
      new vscode.Position(1, 0),
      vscode.CompletionItemKind.Field,
    );
    assert.deepEqual(offered, REQUEST_HEADERS.map((header): [string, string] => [header.name, header.description]).sort());
  });

  it('offers each catalogue region after X-Region:, named', async () => {
    const offered = await completions('X-Region: ', new vscode.Position(0, 10), vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(offered, REGIONS.map((region): [string, string] => [region.code, region.name]).sort());
  });
});
