import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, screenshot, waitFor, workspaceUri } from './helpers';

/** The fixture's positions (zero-based): its create-card request line, the cardHolder key, its firstName. */
const CREATE_LINE = 5;
const CARD_HOLDER_LINE = 13;
const FIRST_NAME_LINE = 14;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  return (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position)).items;
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n---\n');
}

/** The API warnings of a document, once the debounced check has published them. */
async function apiWarnings(uri: vscode.Uri, what: string, check: (found: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'thredd api');
    return check(found) && found;
  });
}

/** Closes every editor, earlier suites' too, dropping unsaved text (a dirty untitled editor would ask to be saved). */
async function closeEditors(): Promise<void> {
  for (const tab of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText)) continue;
    await vscode.window.showTextDocument(tab.input.uri, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Shows `document` with the cursor at `position` and runs an editor command there (suggest, hover), for a screenshot. */
async function showAt(document: vscode.TextDocument | vscode.Uri, position: vscode.Position, command: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document as vscode.TextDocument);
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand(command);
}

let detailsShown = false;

/** Opens the suggestions at `position` with the focused one's documentation beside them (a toggle, which stays on). */
async function suggestWithDetailsAt(document: vscode.TextDocument, position: vscode.Position): Promise<void> {
  await showAt(document, position, 'editor.action.triggerSuggest');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  if (!detailsShown) await vscode.commands.executeCommand('toggleSuggestionDetails');
  detailsShown = true;
}

describe("the editor knows Thredd's API (catalogue completion, checks, hover, New Request from API)", () => {
  const fixture = workspaceUri('requests', 'api-editing.thredd');
  // Files the tests write (a document stays loaded once opened, so each test has its own).
  const paths = workspaceUri('requests', 'paths.thredd');
  const newCard = workspaceUri('requests', 'new-card.thredd');
  const idempotent = workspaceUri('requests', 'idempotent.thredd');

  before(async () => {
    await activateExtension();
    await closeEditors();
    await vscode.workspace.openTextDocument(fixture);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('hideSuggestWidget');
    await closeEditors();
    for (const file of [paths, newCard, idempotent]) fs.rmSync(file.fsPath, { force: true });
  });

  it("completes the catalogue's paths after the method and after {{baseUrl}}, parameters as placeholders", async () => {
    fs.writeFileSync(paths.fsPath, 'GET \n\n###\nPUT {{baseUrl}}\n');
    const document = await vscode.workspace.openTextDocument(paths);
    const gets = await completionsAt(paths, new vscode.Position(0, 4));
    const card = gets.find((item) => labelOf(item) === '{{baseUrl}}/core/api/v1/cards/{{publicToken}}');
    assert.ok(card, `GET offers the card read: ${gets.map(labelOf).join(', ')}`);
    // SnippetString escapes each } of the text: the placeholder holds {{publicToken}}.
    assert.equal((card.insertText as vscode.SnippetString).value, '{{baseUrl\\}\\}/core/api/v1/cards/${1:{{publicToken\\}\\}}');
    assert.equal((card.label as vscode.CompletionItemLabel).description, 'cards.get');
    assert.ok(!gets.some((item) => labelOf(item).endsWith('/cards')), 'POST /cards is not offered after GET');

    const puts = await completionsAt(paths, new vscode.Position(3, 15));
    const status = puts.find((item) => labelOf(item) === '/core/api/v1/cards/{{publicToken}}/status');
    assert.ok(status, `PUT {{baseUrl}} offers the status change: ${puts.map(labelOf).join(', ')}`);
    assert.deepEqual(status.range, new vscode.Range(3, 15, 3, 15));
    assert.match((status.documentation as vscode.MarkdownString).value, /Scope `cards\.write`/);
    await suggestWithDetailsAt(document, new vscode.Position(0, 4));
    await screenshot('path-completion');
  });

  it('offers a fresh GUID, or {{$guid}}, as the value of an idempotencyKey header', async () => {
    fs.writeFileSync(idempotent.fsPath, 'POST {{baseUrl}}/core/api/v1/cards\nidempotencyKey: ');
    const labels = (await completionsAt(idempotent, new vscode.Position(1, 16))).map(labelOf);
    const guid = labels.find((label) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(label));
    assert.ok(guid, `a GUID is offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('{{$guid}}'));
    const again = (await completionsAt(idempotent, new vscode.Position(1, 16))).map(labelOf);
    assert.ok(!again.includes(guid), 'each completion offers a new one');
  });

  it("completes JSON body properties with their descriptions, and enum values, from the operation's schema", async () => {
    const body = [
      'POST {{baseUrl}}/core/api/v1/cards',
      'Content-Type: application/json',
      '',
      '{',
      '  "cardType": "",',
      '  "cardHolder": {',
      '    "firstName": "Ben",',
      '    ',
      '  }',
      '}',
    ];
    fs.writeFileSync(newCard.fsPath, body.join('\n') + '\n');
    const document = await vscode.workspace.openTextDocument(newCard);
    const properties = await completionsAt(newCard, new vscode.Position(7, 4));
    const dateOfBirth = properties.find((item) => labelOf(item) === 'dateOfBirth');
    assert.ok(dateOfBirth, `cardHolder offers dateOfBirth: ${properties.map(labelOf).join(', ')}`);
    assert.equal(dateOfBirth.kind, vscode.CompletionItemKind.Property);
    assert.match(JSON.stringify(dateOfBirth.documentation), /Date of birth, YYYY-MM-DD/);
    assert.ok(!properties.some((item) => labelOf(item) === 'firstName'), 'a property written is not offered again');
    assert.ok(!properties.some((item) => labelOf(item) === 'GET'), 'no methods inside a body');

    const cardTypes = (await completionsAt(newCard, new vscode.Position(4, 15))).map(labelOf);
    for (const value of ['"Physical"', '"Virtual"', '"MasterVirtual"']) assert.ok(cardTypes.includes(value), `cardType offers ${value}`);
    await suggestWithDetailsAt(document, new vscode.Position(7, 4));
    await screenshot('body-completion');
  });

  it('warns of a missing cardHolder.dateOfBirth on the key that lacks it, and never of the {{productId}} variable', async () => {
    await vscode.window.showTextDocument(fixture);
    const [missing, ...others] = await apiWarnings(fixture, 'the missing dateOfBirth warning', (found) => found.length > 0);
    assert.deepEqual(
      others.map((diagnostic) => diagnostic.message),
      [],
      'cardProduct: {{productId}} is any value',
    );
    assert.equal(missing.message, 'Missing property "dateOfBirth".');
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(missing.code, 'body-schema');
    assert.deepEqual(missing.range, new vscode.Range(CARD_HOLDER_LINE, 2, CARD_HOLDER_LINE, 14));
    await showAt(fixture, new vscode.Position(CARD_HOLDER_LINE, 6), 'editor.action.showHover');
    await screenshot('body-diagnostics');
  });

  it('describes the operation on hover over the path, and a body field with its type and constraints', async () => {
    const path = await hoverText(fixture, new vscode.Position(CREATE_LINE, 20));
    assert.match(path, /\*\*POST \/cards\*\* · `cards\.create`/);
    assert.match(path, /Creates a card/);
    assert.match(path, /Scope `cards\.write` · idempotent with an `idempotencyKey` header/);
    assert.doesNotMatch(await hoverText(fixture, new vscode.Position(CREATE_LINE, 8)), /cards\.create/, '{{baseUrl}} keeps its own hover');

    const field = await hoverText(fixture, new vscode.Position(FIRST_NAME_LINE, 7));
    assert.match(field, /\*\*cardHolder\\\.firstName\*\*/);
    assert.match(field, /The cardholder's first name/);
    assert.match(field, /`string` · required/);
    assert.match(field, /Up to 30 characters/);
    await showAt(fixture, new vscode.Position(FIRST_NAME_LINE, 7), 'editor.action.showHover');
    await screenshot('body-hover');
  });

  it('opens New Request from API as a keyboard-driven pick, and appends the chosen call with its example and # @expect', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'thredd',
      content: '### Mine\nGET {{baseUrl}}/core/api/v1/groups\n',
    });
    await vscode.window.showTextDocument(document);
    const picked = vscode.commands.executeCommand<vscode.TextDocument | undefined>('thredd.newRequestFromApi');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await screenshot('new-request-from-api');
    // The first entry, under the Products separator, is the product list.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await picked, document);
    assert.match(document.getText(), /^### Mine\nGET \{\{baseUrl\}\}\/core\/api\/v1\/groups\n\n### .+\n# GET \/products: products\.list/);
    assert.match(document.getText(), /# @expect status 200\nGET \{\{baseUrl\}\}\/core\/api\/v1\/products\n/);
  });

  it('inserts a chosen operation and example in a new .thredd document when no .thredd editor is active', async () => {
    // afterEach closed every editor.
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('thredd.newRequestFromApi', {
      operationId: 'cards.create',
      exampleId: 'missing-date-of-birth',
    });
    assert.equal(document.languageId, 'thredd');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.match(text, /^### .+\n# POST \/cards: cards\.create, scope cards\.write\n/);
    assert.match(text, /# @expect status 400\nPOST \{\{baseUrl\}\}\/core\/api\/v1\/cards\n/);
    assert.match(text, /idempotencyKey: \{\{\$guid\}\}\n\n\{\n {2}"cardType": "Physical"/);
    const refusal = async (args: object) => {
      const error = await Promise.resolve(vscode.commands.executeCommand('thredd.newRequestFromApi', args)).then(
        () => undefined,
        (thrown) => thrown,
      );
      return `${error?.message} ${error?.fix}`;
    };
    assert.match(
      await refusal({ operationId: 'cards.delete' }),
      /^The catalogue has no operation "cards\.delete"\. Use one of: products\.list, /,
    );
    const example = await refusal({ operationId: 'cards.create', exampleId: 'nope' });
    assert.match(example, /^cards\.create has no example "nope"\. Its examples: physical-card, virtual-card, /);
    // The example leaves dateOfBirth out on purpose, and the editor says so.
    const [missing] = await apiWarnings(document.uri, "the example's missing dateOfBirth", (found) => found.length > 0);
    assert.equal(missing.message, 'Missing property "dateOfBirth".');
  });

  describe('with an application that may only read', () => {
    const configUri = workspaceUri('thredd.json');
    let original: string;

    before(async () => {
      original = fs.readFileSync(configUri.fsPath, 'utf8');
      const config = JSON.parse(original);
      config.environments['sandbox-readonly'] = { ...config.environments['sandbox-tls'], application: 'reader-app' };
      config.applications = { 'reader-app': { clientId: 'reader-app', auth: { method: 'client_secret_post' }, scopes: ['cards.read'] } };
      fs.writeFileSync(configUri.fsPath, JSON.stringify(config, null, 2));
      const api = await activateExtension();
      await waitFor('the read-only environment to load', async () => (await api.getConfig(true))?.config?.environments['sandbox-readonly']);
    });

    after(async () => {
      fs.writeFileSync(configUri.fsPath, original);
      const api = await activateExtension();
      await waitFor('the fixture config to load again', async () => !(await api.getConfig(true))?.config?.environments['sandbox-readonly']);
      await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-tls');
    });

    it('warns on a write that the application lacks the scope, naming where to add it, and follows a pinned # @env', async () => {
      await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-readonly');
      await vscode.window.showTextDocument(fixture);
      const warnings = await apiWarnings(fixture, 'the scope warning', (found) =>
        found.some((diagnostic) => diagnostic.code === 'missing-scope'),
      );
      const scope = warnings.filter((diagnostic) => diagnostic.code === 'missing-scope');
      assert.equal(scope.length, 1, 'the read of the card needs only cards.read');
      assert.equal(scope[0].range.start.line, CREATE_LINE);
      assert.match(
        scope[0].message,
        /^cards\.create needs the scope cards\.write, which application "reader-app" of environment "sandbox-readonly" does not ask for/,
      );
      assert.match(scope[0].message, /Add "cards\.write" to "scopes" of applications\."reader-app" in thredd\.json\./);
      assert.equal(scope[0].relatedInformation?.[0].location.uri.fsPath, configUri.fsPath);
      await showAt(fixture, new vscode.Position(CREATE_LINE, 2), 'editor.action.showHover');
      await screenshot('scope-warning');

      await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-tls');
      await apiWarnings(
        fixture,
        'the scope warning to go with the environment',
        (found) => !found.some((diagnostic) => diagnostic.code === 'missing-scope'),
      );
      const pinned = await vscode.workspace.openTextDocument({
        language: 'thredd',
        content: '# @env sandbox-readonly\nPUT {{baseUrl}}/core/api/v1/cards/1/status\n\n{ "cardStatusCode": "G1" }\n',
      });
      const [pinnedWarning] = await apiWarnings(pinned.uri, "the pinned environment's scope warning", (found) => found.length > 0);
      assert.equal(pinnedWarning.code, 'missing-scope');
      assert.equal(pinnedWarning.range.start.line, 1);
    });
  });
});
