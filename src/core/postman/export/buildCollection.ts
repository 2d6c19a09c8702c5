import * as path from 'node:path';
import { isSecretName } from '../../requestFile/secrets';
import type { ParsedRequest, ParsedRequestFile } from '../../requestFile/types';
import { sectionsOf } from '../../session/selection';
import type { PostmanCollection, PostmanFolder, PostmanItem, PostmanRequest, PostmanScript, PostmanVariable } from '../model';
import { isOnlyReference } from '../references';
import { exportBody } from './exportBody';
import { exportFieldValue, exportHeaderValue, exportJsonSecrets } from './exportSecrets';
import { chainScriptLine, exportText, newExportScope, type ExportScope } from './exportText';

/** A request file to export: parsed, with the name its folder gets. */
export interface ExportFile {
  path: string;
  parsed: ParsedRequestFile;
}

export interface ExportNote {
  where: string;
  message: string;
}

export interface BuiltCollection {
  collection: PostmanCollection;
  notes: ExportNote[];
}

/**
 * The Postman collection of some .thredd files: one folder per file (named after it), one sub-folder per
 * `# folder: NAME` section, requests in file order named by their `# @name` (else title, else method and URL).
 * File variables become collection variables (a file whose value differs from an earlier file's keeps its own on
 * its folder); `# @expect status N` becomes a test; `# @no-auth` becomes auth "noauth". Secrets are never written:
 * what reads the environment or holds a credential becomes a `{{variable}}` declared with no value.
 */
export function buildCollection(name: string, files: readonly ExportFile[]): BuiltCollection {
  const scope = newExportScope();
  const notes: ExportNote[] = [];
  const variables = new Map<string, PostmanVariable>();
  const folders = files.map((file) => {
    const folder = fileFolder(file, scope, notes);
    for (const variable of fileVariables(file, scope)) {
      const known = variables.get(variable.key);
      if (!known) variables.set(variable.key, variable);
      else if (known.value !== variable.value) folder.variables.push(variable);
    }
    return folder;
  });
  addChainScripts(folders, scope, notes);
  for (const secret of scope.secretVariables) {
    variables.set(secret, {
      key: secret,
      value: '',
      disabled: false,
      secret: true,
      description: 'Set this in Postman: it is not exported.',
    });
  }
  for (const unmapped of scope.unmapped) {
    notes.push({ where: name, message: `{{${unmapped} …}} has no Postman equivalent: it is left as written.` });
  }
  // Thredd adds the environment's access token to every request unless it says # @no-auth; in Postman that is the
  // collection's bearer auth over {{accessToken}}, which the user fills in (or sets from a token request).
  variables.set('accessToken', { key: 'accessToken', value: '', disabled: false, secret: true, description: 'The access token.' });
  const auth = { type: 'bearer' as const, token: '{{accessToken}}' };
  const collection: PostmanCollection = {
    name,
    schemaVersion: '2.1.0',
    variables: [...variables.values()],
    auth,
    scripts: [],
    items: folders,
  };
  return { collection, notes };
}

function fileVariables(file: ExportFile, scope: ExportScope): PostmanVariable[] {
  const latest = new Map(file.parsed.fileVariables.map((variable) => [variable.name, variable]));
  return [...latest.values()].map((variable) => {
    const secret = isSecretName(variable.name) && !isOnlyReference(variable.value.trim());
    if (secret) scope.secretVariables.add(variable.name);
    return { key: variable.name, value: secret ? '' : exportText(variable.value, scope), disabled: false, secret };
  });
}

function fileFolder(file: ExportFile, scope: ExportScope, notes: ExportNote[]): PostmanFolder {
  const name = path.basename(file.path, path.extname(file.path));
  const folder: PostmanFolder = { kind: 'folder', name, variables: [], scripts: [], items: [] };
  const sections = sectionsOf(file.parsed);
  const sectionOf = new Map<number, PostmanFolder>();
  for (const section of sections) {
    const sub: PostmanFolder = { kind: 'folder', name: section.name, variables: [], scripts: [], items: [] };
    section.requests.forEach((index) => sectionOf.set(index, sub));
  }
  const added = new Set<PostmanFolder>();
  for (const request of file.parsed.requests) {
    const item = exportRequest(request, scope, (message) => notes.push({ where: `${name}/${labelOf(request)}`, message }));
    const sub = sectionOf.get(request.index);
    if (!sub) folder.items.push(item);
    else {
      if (!added.has(sub)) folder.items.push(sub);
      added.add(sub);
      sub.items.push(item);
    }
  }
  return folder;
}

function labelOf(request: ParsedRequest): string {
  return request.name ?? request.title ?? `${request.method} ${request.url}`;
}

function exportRequest(request: ParsedRequest, scope: ExportScope, note: (message: string) => void): PostmanRequest {
  const exported = exportBody(request.body, request.headers, scope);
  if (exported.note) note(`${exported.note} is exported as raw text.`);
  const body = exported.body;
  if (body?.mode === 'raw') body.raw = exportJsonSecrets(body.raw, scope);
  if (body?.mode === 'urlencoded') body.fields.forEach((field) => (field.value = exportFieldValue(field.key, field.value, scope)));
  if (body?.mode === 'formdata') body.fields.forEach((field) => (field.value = exportFieldValue(field.key, field.value, scope)));
  const headers = request.headers
    .filter((header) => !(exported.dropContentType && header.name.toLowerCase() === 'content-type'))
    .map((header) => ({
      key: header.name,
      value: exportHeaderValue(header.name, exportText(header.value, scope), scope),
      disabled: false,
    }));
  const tests: string[] = [];
  for (const expectation of request.metadata.expectations) {
    if (expectation.subject.kind === 'status' && expectation.operator === '==' && /^\d{3}$/.test(expectation.value ?? '')) {
      tests.push(`pm.test("status ${expectation.value}", function () {`, `    pm.response.to.have.status(${expectation.value});`, '});');
    } else {
      tests.push(`// @expect ${expectation.text} (not translated: check it by hand)`);
      note(`"# @expect ${expectation.text}" is kept as a comment in the test script.`);
    }
  }
  const scripts: PostmanScript[] = tests.length ? [{ listen: 'test', lines: tests }] : [];
  const ownAuthorization = request.headers.some((header) => header.name.toLowerCase() === 'authorization');
  return {
    kind: 'request',
    name: labelOf(request),
    ...(request.name && request.title && request.title !== request.name ? { description: request.title } : {}),
    variables: [],
    // Requests inherit the collection's bearer token; # @no-auth, or an Authorization header of its own, sends none of it.
    ...(request.metadata.noAuth || ownAuthorization ? { auth: { type: 'noauth' as const } } : {}),
    scripts,
    method: request.method,
    url: { raw: exportText(request.url, scope), query: [], pathVariables: [] },
    headers,
    ...(body ? { body } : {}),
    exampleCount: 0,
  };
}

/** Each request another reads from gets test script lines that set the values read, under the names used. */
function addChainScripts(folders: PostmanFolder[], scope: ExportScope, notes: ExportNote[]): void {
  const requests = folders.flatMap(function walk(item: PostmanItem): PostmanRequest[] {
    return item.kind === 'folder' ? item.items.flatMap(walk) : [item];
  });
  for (const [name, uses] of scope.chains) {
    const target = requests.find((request) => request.name === name);
    const lines = [...uses].map((use) => chainScriptLine(use) ?? `// {{${use}}} cannot be set by a simple script: set it by hand`);
    if (!target) continue;
    const test = target.scripts.find((script) => script.listen === 'test');
    if (test) test.lines.push(...lines);
    else target.scripts.push({ listen: 'test', lines });
    for (const use of uses) if (!chainScriptLine(use)) notes.push({ where: name, message: `{{${use}}} is not set in Postman.` });
  }
}
