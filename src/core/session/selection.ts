import * as path from 'node:path';
import { UserError } from '../errors/userError';
import { closestMatch } from '../text/suggest';
import type { ParsedRequestFile } from '../requestFile/types';
import type { SessionFile } from './types';

/** `--folder` / `--request` names that match nothing in the files given. */
export class SelectionError extends UserError {
  static override readonly kind: string = 'SelectionError';
}

/**
 * A section of a request file: the requests from a `# folder: NAME` comment line (or `// folder: NAME`)
 * to the next one or the end of the file. This is what a Postman folder becomes inside one file, and what
 * `--folder NAME` selects besides whole files.
 */
export interface FileSection {
  name: string;
  /** Zero-based line of the `# folder:` comment. */
  line: number;
  /** Indexes of the requests in it, in file order. */
  requests: number[];
}

const SECTION = /^folder:\s*(\S.*)$/i;

export function sectionsOf(parsed: ParsedRequestFile): FileSection[] {
  const sections: FileSection[] = [];
  for (const comment of parsed.comments) {
    const match = SECTION.exec(comment.text);
    if (match) sections.push({ name: match[1].trim(), line: comment.range.start.line, requests: [] });
  }
  // Both lists are in line order: walk them together.
  let current = -1;
  for (const request of parsed.requests) {
    while (current + 1 < sections.length && sections[current + 1].line < request.requestLineRange.start.line) current += 1;
    if (current >= 0) sections[current].requests.push(request.index);
  }
  return sections;
}

/** The names a whole file answers to as a folder: its name without extension, and the path as shown (with and without). */
export function fileFolderNames(file: Pick<SessionFile, 'path' | 'shown'>): string[] {
  const extension = path.extname(file.shown);
  const shown = file.shown.split(path.sep).join('/');
  return [...new Set([path.basename(file.path, path.extname(file.path)), shown, shown.slice(0, shown.length - extension.length)])];
}

export interface RequestSelection {
  /** Files (see fileFolderNames) or sections (see sectionsOf). */
  folders?: readonly string[];
  /** A request's `# @name` or its `###` title. */
  requests?: readonly string[];
}

/**
 * Each file with only the requests that a `--folder` or a `--request` names (newman's --folder, which
 * takes folders and requests alike): every name adds to the selection. Named requests that selected ones
 * read from still run first (the runner sends them). A name that matches nothing anywhere is refused with
 * the nearest name there is; with no names, the files are returned as they are.
 */
export function selectRequests(files: readonly SessionFile[], selection: RequestSelection): SessionFile[] {
  const folders = selection.folders ?? [];
  const requests = selection.requests ?? [];
  if (folders.length === 0 && requests.length === 0) return [...files];
  const used = new Set<string>();
  const selected = files.map((file) => {
    const chosen = new Set<number>();
    const fileNames = fileFolderNames(file);
    for (const folder of folders) {
      if (fileNames.includes(folder)) {
        used.add(`folder\u0000${folder}`);
        file.parsed.requests.forEach((request) => chosen.add(request.index));
      }
    }
    for (const section of sectionsOf(file.parsed)) {
      if (!folders.includes(section.name)) continue;
      used.add(`folder\u0000${section.name}`);
      section.requests.forEach((index) => chosen.add(index));
    }
    for (const request of file.parsed.requests) {
      const matched = requests.filter((name) => name === request.name || name === request.title);
      matched.forEach((name) => used.add(`request\u0000${name}`));
      if (matched.length > 0) chosen.add(request.index);
    }
    return { ...file, requests: [...chosen].sort((a, b) => a - b) };
  });
  const unknownFolder = folders.find((name) => !used.has(`folder\u0000${name}`));
  if (unknownFolder !== undefined) throw unknownName('folder', unknownFolder, files);
  const unknownRequest = requests.find((name) => !used.has(`request\u0000${name}`));
  if (unknownRequest !== undefined) throw unknownName('request', unknownRequest, files);
  return selected;
}

function unknownName(kind: 'folder' | 'request', name: string, files: readonly SessionFile[]): SelectionError {
  const where = files.map((file) => file.shown).join(', ');
  const known =
    kind === 'folder'
      ? [
          ...new Set(
            files.flatMap((file) => [path.basename(file.path, path.extname(file.path)), ...sectionsOf(file.parsed).map((s) => s.name)]),
          ),
        ]
      : [...new Set(files.flatMap((file) => file.parsed.requests.flatMap((request) => [request.name, request.title])))].filter(
          (known): known is string => known !== undefined,
        );
  const close = closestMatch(name, known);
  const list = known.length ? `${kind === 'folder' ? 'Folders' : 'Requests'} there: ${known.map((item) => `"${item}"`).join(', ')}.` : '';
  const how =
    kind === 'folder'
      ? 'A folder is a file (its name without extension) or a section that starts at a "# folder: NAME" line.'
      : 'A request is named by "# @name NAME" or its "### Title".';
  return new SelectionError(`No ${kind} named "${name}" in ${where}${close ? `: did you mean "${close}"?` : '.'}`, `${list} ${how}`.trim());
}
