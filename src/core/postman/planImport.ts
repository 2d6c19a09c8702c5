/**
 * The whole mapping, as a pure function: the model (collection + environments) in, the text of every file and the
 * thredd.json entries out, with the report. Nothing here touches the disk (see importPostman).
 */
import { checkDraft, DraftError } from '../requestFile/checkDraft';
import type { DraftBody, DraftDirective, RequestDraft } from '../requestFile/draft';
import { printRequestFile } from '../requestFile/printRequestFile';
import { planEnvironments, type ConfigEntry } from './environments';
import { FileVariables, SecretNames } from './fileVariables';
import {
  capturesCrossFolders,
  requestGroups,
  scopeScripts,
  scopeVariables,
  singleGroup,
  type PlacedRequest,
  type RequestGroup,
} from './groups';
import type { PostmanCollection, PostmanEnvironment, PostmanReadNote } from './model';
import { oneLine, requestName, safeFileName, UniqueNames, variableName } from './names';
import { dynamicVariable } from './references';
import { emptyReport, type ImportReport } from './report';
import { commentLine, requestDraft } from './requestDraft';
import { scriptComments } from './scriptComments';
import { translateScript, type ScriptTranslation } from './scripts/translateScript';
import { oauth2TokenSettings, type TokenRequest } from './tokenPattern';
import { findTokenRequest, type Translated } from './tokenSearch';

export interface ImportPlanInput {
  collection: PostmanCollection;
  environments: readonly PostmanEnvironment[];
  readNotes?: readonly PostmanReadNote[];
  outDir: string;
}

export interface PlannedFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  text: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  environments: ConfigEntry[];
  applications: ConfigEntry[];
  report: ImportReport;
}

class Planner {
  readonly report: ImportReport;
  readonly secrets = new SecretNames();
  readonly files: PlannedFile[] = [];
  private readonly fileNames = new UniqueNames((count) => ` (${count})`, true);
  private readonly unknownDynamic = new Set<string>();
  /** Captured variable → the file whose request captures it, for a note when another file uses it. */
  private readonly capturedIn = new Map<string, string>();
  private firstFile = '';

  constructor(
    readonly input: ImportPlanInput,
    private readonly overridden: ReadonlySet<string>,
    private readonly token: TokenRequest | undefined,
    private readonly tokenRequest: Translated | undefined,
    private readonly builtInAuth: boolean,
  ) {
    this.report = emptyReport(input.collection.name, input.outDir);
  }

  /** `{{…}}` rewriting shared by a file's requests: captured values, dynamic variables and safe names. */
  private replacer(captures: ReadonlyMap<string, string>, fileName: string, where: () => string) {
    return (name: string): string | undefined => {
      const captured = captures.get(name);
      if (captured) return captured;
      if (name.startsWith('$')) {
        const mapped = dynamicVariable(name);
        if (!mapped && !this.unknownDynamic.has(name)) {
          this.unknownDynamic.add(name);
          this.report.notes.push({
            name: where(),
            message: `{{${name}}} is not a Postman dynamic variable Thredd knows; it is left as written`,
          });
        }
        return mapped;
      }
      const file = this.capturedIn.get(name);
      if (file && file !== fileName && name !== this.token?.variable) {
        this.report.notes.push({
          name: where(),
          message:
            `{{${name}}} is set by a script in ${file}; chained values reach only the requests of their own file, ` +
            `so it stays {{${name}}}`,
        });
        this.capturedIn.delete(name); // once
      }
      const safe = variableName(name);
      return safe === name ? undefined : safe;
    };
  }

  group(group: RequestGroup, requests: Translated[], first: boolean): void {
    const collection = this.input.collection;
    const fileBase = this.fileNames.take(safeFileName(group.path.join(' - ') || collection.name));
    const fileName = `${fileBase}.thredd`;
    this.firstFile ||= fileName;
    const variables = new FileVariables(this.secrets, (message) => this.report.notes.push({ name: fileName, message }));
    const comments: string[] = [];
    const description = group.folders.length ? group.folders[group.folders.length - 1].description : undefined;
    if (first && collection.description) comments.push(...collection.description.split(/\r?\n/));
    if (description) comments.push(...description.split(/\r?\n/));
    for (const variable of scopeVariables(collection, group.folders)) {
      if (this.overridden.has(variable.key)) continue; // in thredd.json, where the environment's value wins as in Postman
      if (variable.disabled) comments.push(`disabled variable (not set): ${variable.key} = ${variable.value}`);
      else variables.defineVariable(variable);
    }
    const directives: DraftDirective[] = [];
    for (const { owner, script } of scopeScripts(collection, group.folders)) {
      const translation = translateScript(script, { allowCaptures: false });
      directives.push(...translation.statuses.map((status) => ({ key: 'expect', value: `status ${status}` })));
      if (first || !owner.startsWith('Collection')) {
        comments.push(...scriptComments(translation, owner));
        this.count(owner, translation);
      } else if (translation.keptLines.length) {
        comments.push(`${owner} ${script.listen} script: kept as comments in ${this.firstFile}, NOT RUN by Thredd.`);
      }
    }
    const names = new UniqueNames((count) => `_${count}`);
    const captures = new Map<string, string>();
    const drafts: RequestDraft[] = [];
    // Each body passes the request's own check below; the file's print then does not scan it again.
    const checkedBodies = new Set<DraftBody>();
    const sideFiles: PlannedFile[] = [];
    let section = '';
    for (const placed of requests) {
      const sectionParts = this.section(placed, group, variables, section);
      section = sectionParts.path;
      if (placed === this.tokenRequest) {
        this.report.dropped.push({
          name: placed.where,
          reason:
            "Generate Token request: its URL became the environment's tokenUrl and its client the application; " +
            `requests use the built-in token instead of {{${this.token!.variable}}}`,
        });
        continue;
      }
      const name = names.take(requestName(placed.request.name));
      const tests = [...placed.tests];
      const scripts = placed.request.scripts.map((script) => (script.listen === 'test' ? tests.shift()! : translateScript(script)));
      const result = requestDraft(placed.request, {
        where: placed.where,
        name,
        variables,
        secrets: this.secrets,
        auth: placed.auth,
        builtInAuth: this.builtInAuth,
        tokenVariable: this.token?.variable,
        replace: this.replacer(captures, fileName, () => placed.where),
        scripts,
        sideFileBase: `${fileBase}.bodies/${name}`,
        note: (message) => this.report.notes.push({ name: placed.where, message }),
        drop: (what, reason) => this.report.dropped.push({ name: what, reason }),
      });
      try {
        checkDraft({ comments: [], variables: [], directives: [], requests: [result.draft] });
      } catch (error) {
        if (!(error instanceof DraftError)) throw error;
        this.report.dropped.push({ name: placed.where, reason: `cannot be written as a .thredd request: ${error.message}` });
        continue;
      }
      if (result.draft.body) checkedBodies.add(result.draft.body);
      result.draft.comments.unshift(...sectionParts.comments.map(commentLine));
      result.draft.directives.push(...sectionParts.directives);
      drafts.push(result.draft);
      sideFiles.push(...result.sideFiles);
      this.report.requests++;
      for (const capture of scripts.flatMap((script) => script.captures)) {
        captures.set(capture.variable, `${name}.response.body.${capture.path}`);
        if (!this.capturedIn.has(capture.variable)) this.capturedIn.set(capture.variable, fileName);
      }
      for (const translation of scripts) this.count(placed.where, translation);
    }
    if (drafts.length === 0) return;
    const file = { comments: comments.map(commentLine), variables: variables.entries, directives, requests: drafts };
    const text = printRequestFile(file, { checkedBodies });
    this.files.push({ path: fileName, text }, ...sideFiles);
    this.report.files.push(fileName);
  }

  /**
   * In a file that holds several folders (see singleGroup), a request's folders below the file's own: a heading at
   * the first request of each, their variables, and their scripts (status checks apply to each of their requests).
   */
  private section(placed: PlacedRequest, group: RequestGroup, variables: FileVariables, previous: string) {
    const folders = placed.folders.slice(group.folders.length);
    // A heading is one comment line: a folder name written on several lines in Postman is joined onto one.
    const path = folders.map((folder) => oneLine(folder.name)).join(' / ');
    const comments: string[] = [];
    const directives: DraftDirective[] = [];
    const starts = path !== previous && folders.length > 0;
    if (starts) {
      // The line `thredd run --folder` selects by, and `thredd export postman` turns back into a folder.
      comments.push(`folder: ${path}`);
      const description = folders[folders.length - 1].description;
      if (description) comments.push(...description.split(/\r?\n/));
    }
    for (const folder of folders) {
      for (const variable of folder.variables)
        if (!this.overridden.has(variable.key) && !variable.disabled) variables.defineVariable(variable);
      for (const script of folder.scripts) {
        const translation = translateScript(script, { allowCaptures: false });
        directives.push(...translation.statuses.map((status) => ({ key: 'expect', value: `status ${status}` })));
        if (!starts) continue;
        comments.push(...scriptComments(translation, `Folder "${oneLine(folder.name)}"`));
        this.count(`${path} (folder)`, translation);
      }
    }
    return { path, comments, directives };
  }

  private count(name: string, translation: ScriptTranslation): void {
    this.report.translated += translation.translated;
    this.report.keptAsComments += translation.kept;
    if (translation.keptLines.length)
      this.report.keptScripts.push({ name, listen: translation.listen, lines: translation.keptLines.length });
  }
}

/** Maps a read collection and its environments to files, thredd.json entries and the report. */
export function planImport(input: ImportPlanInput): ImportPlan {
  const folderGroups = requestGroups(input.collection);
  // Test scripts translated once: the token search, the layout choice and the files all read them.
  const tests = new Map(
    folderGroups
      .flatMap((group) => group.requests)
      .map((placed) => [placed.request, placed.request.scripts.filter((s) => s.listen === 'test').map((s) => translateScript(s))]),
  );
  const translate = (placed: PlacedRequest): Translated => ({ ...placed, tests: [...tests.get(placed.request)!] });
  const all = folderGroups.flatMap((group) => group.requests.map(translate));
  const { token, request: tokenRequest } = findTokenRequest(all, input);
  const sections = capturesCrossFolders(folderGroups, token?.variable, tests);
  const groups = sections ? singleGroup(folderGroups) : folderGroups;
  const byRequest = new Map(all.map((placed) => [placed.request, placed]));
  const translated = new Map(groups.map((group) => [group, group.requests.map((placed) => byRequest.get(placed.request)!)]));
  const oauth2 = all.map((placed) => oauth2TokenSettings(placed.auth)).find(Boolean) ?? oauth2TokenSettings(input.collection.auth);
  const settings = token ?? oauth2;
  const overridden = new Set(input.environments.flatMap((environment) => environment.values.map((variable) => variable.key)));
  const planner = new Planner(
    input,
    new Set(input.collection.variables.map((v) => v.key).filter((key) => overridden.has(key))),
    token,
    tokenRequest,
    Boolean(settings),
  );
  for (const note of input.readNotes ?? []) planner.report.dropped.push({ name: note.where, reason: note.message });
  groups.forEach((group, index) => planner.group(group, translated.get(group)!, index === 0));
  const environmentPlan = planEnvironments({
    collection: input.collection,
    environments: input.environments,
    overridden,
    token: settings,
    requestUrls: all.map((placed) => placed.request.url.raw),
    secrets: planner.secrets,
  });
  planner.report.notes.push(...environmentPlan.notes.map(({ name, message }) => ({ name, message })));
  for (const placed of all) {
    for (const example of placed.request.exampleCount ? [placed.request.exampleCount] : []) {
      planner.report.dropped.push({ name: placed.where, reason: `${example} saved example response(s): .thredd files hold requests only` });
    }
  }
  if (sections && folderGroups.length > 1) {
    planner.report.notes.push({
      name: input.collection.name,
      message:
        'scripts pass values from one folder to another, so the folders are sections of one file: ' +
        'chained values reach only the requests of their own file',
    });
  }
  planner.report.secretVariables = [...planner.secrets.names].sort();
  return {
    files: planner.files,
    environments: environmentPlan.environments,
    applications: environmentPlan.applications,
    report: planner.report,
  };
}
