import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../errors/userError';
import { resolveText } from './resolveRequest';
import type { ResolveContext, ResolvedBody, ResolvedBodyPart, SecretUse, Unresolved } from './resolveTypes';
import type { ParsedRequest, ParsedRequestFile } from './types';

/** A `< path` body that cannot be read, with the path as written and where it was looked for. */
export class BodyFileError extends UserError {
  static override readonly kind: string = 'BodyFileError';

  constructor(
    message: string,
    readonly writtenPath: string,
    readonly absolutePath: string,
  ) {
    super(message);
  }
}

/** Reads a `< path` body, relative to the request file unless absolute. Throws BodyFileError with a plain message. */
export async function readBodyFile(requestFilePath: string, reference: { path: string }): Promise<Buffer> {
  const absolute = path.resolve(path.dirname(requestFilePath), reference.path);
  try {
    return await fs.readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const relativeTo = path.basename(requestFilePath);
    const reason =
      code === 'ENOENT'
        ? `Body file not found: ${reference.path} (looked for ${absolute}, relative to ${relativeTo}). ` +
          'Check the path after "<", or create the file.'
        : code === 'EISDIR'
          ? `The body file ${reference.path} is a folder (${absolute}): name a file after "<".`
          : code === 'EACCES' || code === 'EPERM'
            ? `The body file ${absolute} cannot be read: permission denied. Allow your user to read it.`
            : `The body file ${absolute} cannot be read: ${(error as Error).message}`;
    throw new BodyFileError(reason, reference.path, absolute);
  }
}

export interface BodyContent {
  data: Buffer;
  unresolved: Unresolved[];
  needs: string[];
  secretsUsed: SecretUse[];
}

/**
 * The bytes to send for a resolved body: text as UTF-8, `< file` as read, `<@ file` decoded (UTF-8 or
 * the given encoding) with its variables substituted. Throws BodyFileError for unreadable files.
 */
export async function readResolvedBody(
  file: ParsedRequestFile,
  request: ParsedRequest,
  body: ResolvedBody,
  context: ResolveContext & { filePath: string },
): Promise<BodyContent> {
  const content: BodyContent = { data: Buffer.alloc(0), unresolved: [], needs: [], secretsUsed: [] };
  const parts: ResolvedBodyPart[] = body.kind === 'mixed' ? body.parts : [body];
  const chunks: Buffer[] = [];
  for (const [index, part] of parts.entries()) {
    if (index > 0 && body.kind === 'mixed') chunks.push(Buffer.from(body.lineBreak));
    if (part.kind === 'text') {
      chunks.push(Buffer.from(part.text, 'utf8'));
      continue;
    }
    const bytes = await readBodyFile(context.filePath, part);
    if (!part.processVariables) {
      chunks.push(bytes);
      continue;
    }
    const encoding = (part.encoding ?? 'utf8') as BufferEncoding;
    if (!Buffer.isEncoding(encoding)) {
      throw new BodyFileError(`Unknown encoding "${part.encoding}" in "<@${part.encoding}": use utf8 or latin1.`, part.path, part.path);
    }
    const resolved = resolveText(file, bytes.toString(encoding), context, request);
    content.unresolved.push(...resolved.unresolved);
    content.needs.push(...resolved.needs.filter((name) => !content.needs.includes(name)));
    content.secretsUsed.push(...resolved.secretsUsed);
    chunks.push(Buffer.from(resolved.value, 'utf8'));
  }
  content.data = Buffer.concat(chunks);
  return content;
}
