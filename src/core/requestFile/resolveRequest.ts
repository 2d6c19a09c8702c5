import * as path from 'node:path';
import type { ResolveContext, ResolvedBody, ResolvedBodyPart, ResolvedHeader, ResolveResult, SecretUse, Unresolved } from './resolveTypes';
import { findReferenceSpans } from './references';
import { VariableResolver } from './variableResolver';
import type { BodyFileReference, ParsedRequest, ParsedRequestFile, TextPosition, TextRange } from './types';

/**
 * Substitutes the variables of one request: file variables (recursively), the environment, system
 * variables and chained values. Nothing is sent or read here except `.env` files; body files stay
 * references (read them with readResolvedBody).
 */
export function resolveRequest(file: ParsedRequestFile, request: ParsedRequest, context: ResolveContext): ResolveResult {
  const resolver = new VariableResolver(file, context, request);
  let url = request.urlLines.map((piece) => resolver.substitute(piece.text, piece.range.start).value).join('');
  let headers: ResolvedHeader[] = request.headers.map((header) => ({
    name: resolver.substitute(header.name, header.nameRange.start).value,
    value: resolver.substitute(header.value, header.valueRange.start).value,
  }));
  headers = headers.map(encodeBasicCredentials);
  let body = resolveBody(resolver, request, context);
  const problems: Unresolved[] = [];

  const contentType = headerValue(headers, 'content-type')?.toLowerCase() ?? '';
  if (headerValue(headers, 'x-request-type')?.toLowerCase() === 'graphql' && body?.kind === 'text') {
    // REST Client's GraphQL requests: the query, a blank line, then the variables as JSON.
    headers = headers.filter((header) => header.name.toLowerCase() !== 'x-request-type');
    const graphQl = graphQlBody(body.text);
    if ('problem' in graphQl) problems.push({ name: 'GraphQL variables', range: request.body?.range, reason: graphQl.problem });
    else body = { kind: 'text', text: graphQl.text };
  } else if (contentType.startsWith('application/x-www-form-urlencoded') && body?.kind === 'text') {
    // REST Client: form fields may continue on lines starting with &, joined without a line break.
    body = { kind: 'text', text: body.text.replace(/\r?\n(?=&)|\r(?=&)/g, '') };
  }
  const host = headerValue(headers, 'host');
  if (host && url.startsWith('/')) {
    // REST Client: a relative URL goes to the Host header's server; https when the port says so.
    const port = host.split(':')[1];
    url = `${port === '443' || port === '8443' ? 'https' : 'http'}://${host}${url}`;
  }
  return {
    request: { name: request.name, method: request.method, url, httpVersion: request.httpVersion, headers, body },
    unresolved: [...resolver.unresolved, ...problems],
    needs: [...resolver.needs],
    secretsUsed: resolver.secretsUsed,
  };
}

export interface ResolvedText {
  value: string;
  /** True when a secret went into the value: mask it before showing. */
  secret: boolean;
  unresolved: Unresolved[];
  needs: string[];
  secretsUsed: SecretUse[];
}

/**
 * Substitutes variables in any text in the scope of `request` (an `@expect` value, a `<@` body file's
 * content). `origin` is where the text starts in the document, when it comes from there.
 */
export function resolveText(
  file: ParsedRequestFile,
  text: string,
  context: ResolveContext,
  request?: ParsedRequest,
  origin?: TextPosition,
): ResolvedText {
  const resolver = new VariableResolver(file, context, request);
  const { value, secret } = resolver.substitute(text, origin);
  return { value, secret, unresolved: resolver.unresolved, needs: [...resolver.needs], secretsUsed: resolver.secretsUsed };
}

function resolveBody(resolver: VariableResolver, request: ParsedRequest, context: ResolveContext): ResolvedBody | undefined {
  const body = request.body;
  if (!body) return undefined;
  if (body.kind === 'file') return resolveFilePart(resolver, body, context);
  // Parsed bodies drop comment lines, so their text is not a verbatim slice: place references by the parser's ranges.
  const ranges: TextRange[] = request.variables.filter((reference) => reference.location === 'body').map((reference) => reference.range);
  let next = 0;
  const textPart = (text: string): ResolvedBodyPart => {
    const count = countReferences(text);
    const value = resolver.substitute(text, ranges.slice(next, next + count)).value;
    next += count;
    return { kind: 'text', text: value };
  };
  if (body.kind === 'text') return textPart(body.text);
  // Multipart bodies need CRLF between lines (RFC 2046 §5.1.1), as REST Client sends them.
  const multipart = request.headers.some(
    (header) => header.name.toLowerCase() === 'content-type' && header.value.toLowerCase().startsWith('multipart/'),
  );
  const parts = body.parts.map((part) => {
    if (part.kind !== 'text') return resolveFilePart(resolver, part, context);
    const resolved = textPart(part.text);
    return multipart && resolved.kind === 'text' ? { kind: 'text' as const, text: resolved.text.replace(/\r\n|\n|\r/g, '\r\n') } : resolved;
  });
  return { kind: 'mixed', parts, lineBreak: multipart ? '\r\n' : '\n' };
}

function resolveFilePart(resolver: VariableResolver, reference: BodyFileReference, context: ResolveContext): ResolvedBodyPart {
  const written = resolver.substitute(reference.path, reference.pathRange.start).value;
  const absolute = context.filePath && !path.isAbsolute(written) ? path.resolve(path.dirname(context.filePath), written) : written;
  return { kind: 'file', path: absolute, processVariables: reference.processVariables, encoding: reference.encoding };
}

function countReferences(text: string): number {
  return text.split(/\r\n|\n|\r/).reduce((count, line) => count + findReferenceSpans(line).length, 0);
}

/**
 * REST Client's `Authorization: Basic user:password` (or `Basic user password`): encoded as RFC 7617 asks, after
 * substitution. An already encoded value has neither a colon nor a blank (base64 uses neither), so it is left alone.
 */
function encodeBasicCredentials(header: ResolvedHeader): ResolvedHeader {
  if (header.name.toLowerCase() !== 'authorization') return header;
  const match = /^Basic\s+(.*)$/i.exec(header.value);
  if (!match || !/[:\s]/.test(match[1].trim())) return header;
  const credentials = match[1].trim();
  const colon = credentials.indexOf(':');
  const pair = colon >= 0 ? credentials : credentials.replace(/\s+/, ':');
  return { name: header.name, value: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` };
}

export function headerValue(headers: readonly ResolvedHeader[], name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}

function graphQlBody(text: string): { text: string } | { problem: string } {
  const lines = text.split(/\r\n|\n|\r/);
  const blank = lines.findIndex((line) => line.trim() === '');
  const query = (blank < 0 ? lines : lines.slice(0, blank)).join('\n');
  const variablesText =
    blank < 0
      ? ''
      : lines
          .slice(blank + 1)
          .join('\n')
          .trim();
  try {
    const variables = variablesText ? JSON.parse(variablesText) : {};
    return { text: JSON.stringify({ query, variables }) };
  } catch (error) {
    return { problem: `The GraphQL variables after the blank line are not valid JSON: ${(error as Error).message}` };
  }
}
