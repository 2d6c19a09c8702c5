import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, screenshot, workspaceUri } from './helpers';

describe('the .thredd language in the real host', () => {
  const cards = workspaceUri('requests', 'cards.thredd');

  before(async () => {
    await activateExtension();
    // Language feature commands work on documents the workbench has loaded.
    await vscode.workspace.openTextDocument(cards);
  });

  it('is set on .thredd files', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('requests', 'products.thredd'));
    assert.equal(document.languageId, 'thredd');
  });

  it('comments lines with # through the language configuration', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'thredd', content: 'GET https://example.test/\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(document.lineAt(0).text, '# GET https://example.test/');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('puts Send All and the environment at the top, and Send Request / Copy as cURL above each request', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cards);
    const described = lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]);
    assert.deepEqual(described, [
      [0, '$(run-all) Send All (3)', 'thredd.sendAll'],
      [0, '$(server-environment) sandbox-tls', 'thredd.selectEnvironment'],
      [5, 'Send Request', 'thredd.sendRequest'],
      [5, 'Copy as cURL', 'thredd.copyAsCurl'],
      [10, 'Send Request', 'thredd.sendRequest'],
      [10, 'Copy as cURL', 'thredd.copyAsCurl'],
      [16, 'Send Request', 'thredd.sendRequest'],
      [16, 'Copy as cURL', 'thredd.copyAsCurl'],
    ]);
    assert.deepEqual(lenses[4].command?.arguments, [{ uri: cards.toString(), index: 1 }]);
    await vscode.window.showTextDocument(cards);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await screenshot('thredd-editor');
  });

  it('reports a broken file: unknown metadata, unknown variable, duplicate @name, chained reference to no request', async () => {
    const api = await activateExtension();
    const diagnostics = await api.refreshDiagnostics(workspaceUri('requests', 'broken.thredd'));
    const messages = diagnostics.map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`).join('\n');
    assert.match(messages, /^1: .*@nmae.*did you mean "@name"\?/m);
    assert.match(messages, /^2: .*nope/m);
    assert.match(messages, /^9: .*first/m, 'the second @name first is a duplicate');
    assert.match(messages, /^10: .*missing/m);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'thredd'));
    const clean = await api.refreshDiagnostics(cards);
    assert.deepEqual(
      clean.map((diagnostic) => diagnostic.message),
      [],
      'the good file has no problems',
    );
  });

  it('follows edits: CodeLens, problems and the outline come from each new version, re-parsed from the last', async () => {
    const api = await activateExtension();
    const text = ['### one', '# @name first', 'GET /a', '', '### two', '# @name second', 'GET /b', '', '### three', 'GET /c', ''].join(
      '\n',
    );
    const document = await vscode.workspace.openTextDocument({ language: 'thredd', content: text });
    const edit = async (line: number, column: number, insert: string) => {
      const change = new vscode.WorkspaceEdit();
      change.insert(document.uri, new vscode.Position(line, column), insert);
      assert.ok(await vscode.workspace.applyEdit(change));
    };
    const outline = async () =>
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)).map(
        (symbol) => symbol.name,
      );
    assert.deepEqual(await outline(), ['first', 'second', 'three']);
    await edit(5, 14, 'ary'); // typing within a line: "# @name secondary"
    assert.deepEqual(await outline(), ['first', 'secondary', 'three']);
    await edit(9, 6, '?id={{first.response.body.$.id}}&x={{nobody.response.body.$.x}}');
    const messages = (await api.refreshDiagnostics(document.uri)).map(
      (diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`,
    );
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^9: No request is named "nobody"/);
    await edit(4, 0, '### inserted\nPOST /new\n\n'); // lines added: the requests below move
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(
      lenses.filter((lens) => lens.command?.command === 'thredd.sendRequest').map((lens) => lens.range.start.line),
      [2, 5, 9, 12],
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completes variables in scope, directives and their values, headers, X-Region values and methods', async () => {
    const content = '@who = me\nGET {{\n# @\nX-Region: \n# @expect \n# @env \n';
    const document = await vscode.workspace.openTextDocument({ language: 'thredd', content });
    const labels = async (line: number, character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(line, character),
      );
      return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    const variables = await labels(1, 6);
    for (const name of ['who', 'baseUrl', 'region', 'cardProduct', '$guid', '$timestamp'])
      assert.ok(variables.includes(name), `{{ offers ${name}`);
    const metadata = await labels(2, 3);
    for (const name of ['name', 'no-auth', 'env', 'timeout', 'expect']) assert.ok(metadata.includes(name), `# @ offers ${name}`);
    const regions = await labels(3, 10);
    for (const value of ['0', '1', '2']) assert.ok(regions.includes(value), `X-Region offers ${value}`);
    const subjects = await labels(4, 10);
    for (const subject of ['status', 'header', 'body', 'duration']) assert.ok(subjects.includes(subject), `@expect offers ${subject}`);
    const environments = await labels(5, 7);
    for (const name of ['sandbox-tls', 'uat']) assert.ok(environments.includes(name), `@env offers ${name}`);
  });

  it('says what a directive does on hover over its # @key', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cards, new vscode.Position(4, 5));
    const text = hovers.flatMap((item) => item.contents.map((content) => (content as vscode.MarkdownString).value)).join('\n');
    assert.match(text, /@expect/);
    assert.match(text, /Checks the response/);
    assert.match(text, /applies to every request of the file/);
    assert.equal(hovers[0].range?.start.character, 2);
  });

  it("shows a variable's value on hover, masking secrets", async () => {
    const hover = async (line: number, character: number) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        cards,
        new vscode.Position(line, character),
      );
      return hovers.flatMap((item) => item.contents.map((content) => (content as vscode.MarkdownString).value)).join('\n');
    };
    const document = await vscode.workspace.openTextDocument(cards);
    const bodyLine = 13;
    const text = document.lineAt(bodyLine).text;
    assert.match(await hover(bodyLine, text.indexOf('cardholder}}') + 2), /Ada Lovelace/);
    assert.match(await hover(bodyLine, text.indexOf('cardProduct}}') + 2), /1234/);
    const secret = await hover(bodyLine, text.indexOf('apiToken}}') + 2);
    assert.match(secret, /••••••/);
    assert.doesNotMatch(secret, /do-not-show-me/);
    assert.match(await hover(5, 8), /https:\/\/127\.0\.0\.1:8443/, '{{baseUrl}} comes from the active environment');
  });

  it('lists one outline symbol per request and folds each request', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', cards);
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['products', 'createCard', 'Read it back'],
    );
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', cards);
    assert.ok(
      folds.some((fold) => fold.start === 2 && fold.end === 6),
      'the first request folds from ### to its last line',
    );
  });

  it('goes from {{var}} to its @var line and from a chained reference to the named request', async () => {
    const definitions = async (line: number, character: number) =>
      vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        cards,
        new vscode.Position(line, character),
      );
    const document = await vscode.workspace.openTextDocument(cards);
    const local = await definitions(13, document.lineAt(13).text.indexOf('cardholder}}') + 2);
    assert.equal((local[0] as vscode.Location).range.start.line, 0);
    const chained = await definitions(16, document.lineAt(16).text.indexOf('createCard.') + 2);
    assert.equal((chained[0] as vscode.Location).range.start.line, 9);
    const environment = await definitions(13, document.lineAt(13).text.indexOf('cardProduct}}') + 2);
    assert.equal((environment[0] as vscode.Location).uri.fsPath, workspaceUri('thredd.json').fsPath);
  });

  it("copies a request as cURL with the environment's X-Region and the variables resolved", async () => {
    const curl = await vscode.commands.executeCommand<string>('thredd.copyAsCurl', { uri: cards.toString(), index: 1 });
    assert.match(curl, /^curl -X POST https:\/\/127\.0\.0\.1:8443\/core\/api\/v1\/cards/);
    assert.match(curl, /-H 'X-Region: 0'/);
    assert.match(curl, /"nameOnCard": "Ada Lovelace"/);
    assert.doesNotMatch(curl, /do-not-show-me/, 'secret variables stay masked, as in every copy of a request');
    assert.equal(await vscode.env.clipboard.readText(), curl);
  });

  it('switches the active environment and the CodeLens follows', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'uat');
    assert.equal(await api.activeEnvironment(), 'uat');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cards);
    assert.equal(lenses[1].command?.title, '$(server-environment) uat');
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-tls');
  });

  it('opens a new request file with a first Thredd call', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('thredd.newRequestFile');
    assert.equal(document.languageId, 'thredd');
    assert.match(document.getText(), /GET \{\{baseUrl\}\}\/core\/api\/v1\/products/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
