/**
 * The import report as data: the CLI prints it as text or JSON, VS Code renders it as markdown. Every item the
 * import did not bring over as it was is in `dropped` (with why) or `notes`; script lines kept as comments are
 * listed per request. Secret values never appear here, only the names of the variables that now hold them.
 */
import type { ConfigChange } from '../config/configEditor';

export interface DroppedItem {
  /** Slash-separated path of the folder / request, or the collection name. */
  name: string;
  reason: string;
}

export interface ImportNote {
  name: string;
  message: string;
}

export interface KeptScript {
  name: string;
  listen: 'prerequest' | 'test';
  lines: number;
}

export interface ImportReport {
  collection: string;
  /** Where the files went (as given or resolved). */
  outDir: string;
  /** Requests written to `.thredd` files. */
  requests: number;
  /** `.thredd` files written, relative to outDir, in collection order. */
  files: string[];
  /** Script statements turned into `# @expect` / chained references. */
  translated: number;
  /** Script statements kept as comments (not run). */
  keptAsComments: number;
  dropped: DroppedItem[];
  notes: ImportNote[];
  keptScripts: KeptScript[];
  /** Process environment variables that must hold the secrets the import kept out of the files. */
  secretVariables: string[];
  /** What happened to each thredd.json entry. */
  config: ConfigChange[];
}

export function emptyReport(collection: string, outDir: string): ImportReport {
  return {
    collection,
    outDir,
    requests: 0,
    files: [],
    translated: 0,
    keptAsComments: 0,
    dropped: [],
    notes: [],
    keptScripts: [],
    secretVariables: [],
    config: [],
  };
}

/** What `--json` prints. */
export function reportJson(report: ImportReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

function configLine({ path, action }: ConfigChange): string {
  const what =
    path[0] === 'defaultEnvironment' ? 'defaultEnvironment' : `${path[0] === 'environments' ? 'environment' : 'application'} "${path[1]}"`;
  return action === 'skipped' ? `kept existing ${what} (pass --force to replace it)` : `${action} ${what}`;
}

/** The plain-text report the CLI prints. */
export function reportText(report: ImportReport): string {
  const lines = [
    `Imported "${report.collection}" into ${report.outDir}`,
    `  requests imported:        ${report.requests} in ${report.files.length} file(s)`,
    `  scripts translated:       ${report.translated} statement(s)`,
    `  scripts kept as comments: ${report.keptAsComments} statement(s), marked "not run"`,
    `  items dropped:            ${report.dropped.length}`,
  ];
  for (const file of report.files) lines.push(`  wrote ${file}`);
  for (const change of report.config) lines.push(`  thredd.json: ${configLine(change)}`);
  if (report.dropped.length) lines.push('Dropped:', ...report.dropped.map((item) => `  - ${item.name}: ${item.reason}`));
  if (report.notes.length) lines.push('Notes:', ...report.notes.map((item) => `  - ${item.name}: ${item.message}`));
  if (report.secretVariables.length) {
    lines.push(`Secrets were not written: set ${report.secretVariables.join(', ')} in the environment before running.`);
  }
  return lines.join('\n') + '\n';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The report as markdown, for VS Code's preview. */
export function reportMarkdown(report: ImportReport): string {
  const out = [
    `# Postman import: ${cell(report.collection)}`,
    '',
    `Written to \`${report.outDir}\`.`,
    '',
    '| | count |',
    '| --- | --- |',
    `| Requests imported | ${report.requests} |`,
    `| Files written | ${report.files.length} |`,
    `| Script statements translated | ${report.translated} |`,
    `| Script statements kept as comments (not run) | ${report.keptAsComments} |`,
    `| Items dropped | ${report.dropped.length} |`,
    '',
    '## Files',
    '',
    ...report.files.map((file) => `- \`${file}\``),
  ];
  if (report.config.length) out.push('', '## thredd.json', '', ...report.config.map((change) => `- ${configLine(change)}`));
  out.push('', '## Dropped', '');
  out.push(
    ...(report.dropped.length
      ? ['| Item | Reason |', '| --- | --- |', ...report.dropped.map((item) => `| ${cell(item.name)} | ${cell(item.reason)} |`)]
      : ['Nothing was dropped.']),
  );
  out.push('', '## Kept as comments (not run)', '');
  out.push(
    ...(report.keptScripts.length
      ? [
          '| Request or folder | Script | Lines |',
          '| --- | --- | --- |',
          ...report.keptScripts.map((item) => `| ${cell(item.name)} | ${item.listen} | ${item.lines} |`),
        ]
      : ['No script lines were kept as comments.']),
  );
  if (report.notes.length) out.push('', '## Notes', '', ...report.notes.map((item) => `- **${cell(item.name)}**: ${cell(item.message)}`));
  if (report.secretVariables.length) {
    out.push(
      '',
      '## Secrets',
      '',
      'Set these environment variables before running (their values were not written anywhere): ' +
        `${report.secretVariables.map((name) => `\`${name}\``).join(', ')}.`,
    );
  }
  return out.join('\n') + '\n';
}
