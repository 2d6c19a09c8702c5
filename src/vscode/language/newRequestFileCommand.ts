import * as vscode from 'vscode';

const STARTER = `# Thredd requests: Send Request runs one, Send All runs them in order.
# Variables: {{baseUrl}}, {{region}} and the environment's "variables" come from thredd.json.

### List products
# @name products
# @expect status 200
GET {{baseUrl}}/core/api/v1/products
Accept: application/json
`;

/** `Thredd: New Request File`: an untitled .thredd document with a first Thredd call. */
export async function newRequestFileCommand(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'thredd', content: STARTER });
  await vscode.window.showTextDocument(document);
  return document;
}
