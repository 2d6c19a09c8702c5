/** One Postman request as a `.thredd` request draft: URL, headers, auth, body, translated scripts and kept comments. */
import { isHeaderName } from '../requestFile/checkDraft';
import type { DraftDirective, DraftHeader, RequestDraft } from '../requestFile/draft';
import { isMetadataStart } from '../requestFile/metadata';
import { bodyDraft } from './bodyDraft';
import type { FileVariables, SecretNames } from './fileVariables';
import type { PostmanAuth, PostmanRequest } from './model';
import { oneLine } from './names';
import { bareReference, rewriteReferences } from './references';
import type { ScriptTranslation } from './scripts/translateScript';
import { scriptComments } from './scriptComments';

export interface RequestContext {
  where: string;
  /** The `# @name`, unique in the file. */
  name: string;
  variables: FileVariables;
  secrets: SecretNames;
  /** The auth in effect after inheritance (undefined: none anywhere). */
  auth: PostmanAuth | undefined;
  /** The environment's application supplies the token (OAuth2 client credentials or the Generate Token pattern). */
  builtInAuth: boolean;
  /** The variable the Generate Token request stores: a `Bearer {{it}}` header is left to the built-in auth. */
  tokenVariable?: string;
  /** Rewrites `{{…}}` of this file (dynamic variables, safe names, captured values). */
  replace: (name: string) => string | undefined;
  scripts: ScriptTranslation[];
  /** Side files are named from this (file name + request name). */
  sideFileBase: string;
  note: (message: string) => void;
  drop: (what: string, reason: string) => void;
}

export interface RequestDraftResult {
  draft: RequestDraft;
  sideFiles: { path: string; text: string }[];
}

/** A credential written in the collection itself: kept out of the file, read from the process environment. */
function secretValue(value: string, label: string, context: RequestContext): string {
  if (!value || value.includes('{{')) return value;
  return `{{$processEnv ${context.secrets.take(`postman_${label}`)}}}`;
}

/**
 * Auth as headers, query parameters or `# @no-auth`. With no auth anywhere, a request gets `# @no-auth` when the
 * environment has a token to add (Postman would send none), unless it sent the Generate Token's token itself.
 */
function authParts(context: RequestContext, sendsToken: boolean): { headers: DraftHeader[]; query?: string; noAuth: boolean } {
  const auth = context.auth;
  if (!auth) return { headers: [], noAuth: context.builtInAuth && !sendsToken };
  switch (auth.type) {
    case 'noauth':
      return { headers: [], noAuth: true };
    case 'bearer': {
      if (context.tokenVariable && auth.token.replace(/\s/g, '') === `{{${context.tokenVariable}}}`) return { headers: [], noAuth: false };
      return { headers: [{ name: 'Authorization', value: `Bearer ${secretValue(auth.token, 'bearer_token', context)}` }], noAuth: false };
    }
    case 'basic': {
      // "Basic user:password" is encoded when sent (REST Client's form, see resolveRequest).
      const password = secretValue(auth.password, 'basic_password', context);
      return { headers: [{ name: 'Authorization', value: `Basic ${auth.username}:${password}` }], noAuth: false };
    }
    case 'apikey': {
      const value = secretValue(auth.value, 'api_key', context);
      return auth.in === 'query'
        ? { headers: [], query: `${auth.key}=${value}`, noAuth: false }
        : { headers: [{ name: auth.key, value }], noAuth: false };
    }
    case 'oauth2':
      if (auth.grantType === 'client_credentials') return { headers: [], noAuth: false };
      context.drop(
        `${context.where} (auth)`,
        `OAuth 2.0 with the ${auth.grantType} grant is not supported; the request is sent without it`,
      );
      return { headers: [], noAuth: true };
    case 'other':
      context.drop(`${context.where} (auth)`, `"${auth.name}" auth is not supported; the request is sent without it`);
      return { headers: [], noAuth: true };
  }
}

/** `/:id` path segments whose values the URL object gives become `{{id}}`, their values file variables. */
function pathVariables(request: PostmanRequest, context: RequestContext, local: Map<string, string>): string {
  let url = request.url.raw;
  for (const variable of request.url.pathVariables) {
    const segment = new RegExp(`/:${variable.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`);
    if (!segment.test(url)) continue;
    if (variable.value === '') {
      context.note(`path variable :${variable.key} has no value in the collection; it is written as {{${variable.key}}} for you to set`);
      url = url.replace(segment, `/{{${variable.key}}}`);
      continue;
    }
    const name = context.variables.defineVariable(variable);
    if (name !== variable.key) local.set(variable.key, name);
    url = url.replace(segment, `/{{${variable.key}}}`);
  }
  return url;
}

function urlText(url: string): string {
  // Blanks cannot stand in a request line; Postman sends them percent-encoded.
  return url.replace(/(\{\{[^{}]*\}\})|\s/g, (match, reference: string | undefined) => reference ?? encodeURIComponent(match));
}

/** `Authorization: Bearer {{token}}` with the Generate Token request's variable. */
function isTokenHeader(name: string, value: string, context: RequestContext): boolean {
  if (!context.tokenVariable || name.trim().toLowerCase() !== 'authorization') return false;
  const token = /^Bearer\s+(.+)$/i.exec(value.trim())?.[1];
  return token !== undefined && bareReference(token) === context.tokenVariable;
}

export function requestDraft(request: PostmanRequest, context: RequestContext): RequestDraftResult {
  const local = new Map<string, string>();
  for (const variable of request.variables) {
    const name = context.variables.defineVariable(variable);
    if (name !== variable.key) local.set(variable.key, name);
  }
  let url = pathVariables(request, context, local);
  const replace = (text: string) => rewriteReferences(text, (name) => local.get(name) ?? context.replace(name));
  const comments: string[] = [];
  const directives: DraftDirective[] = [{ key: 'name', value: context.name }];
  if (request.description) comments.push(...request.description.split(/\r?\n/));
  const sendsToken = request.headers.some((header) => !header.disabled && isTokenHeader(header.key, header.value, context));
  const auth = authParts(context, sendsToken);
  if (auth.noAuth) directives.push({ key: 'no-auth', value: '' });
  if (auth.query) url += (url.includes('?') ? '&' : '?') + auth.query;
  for (const query of request.url.query.filter((entry) => entry.disabled))
    comments.push(`disabled query parameter (not sent): ${query.key}=${query.value}`);

  const headers: DraftHeader[] = [...auth.headers];
  for (const header of request.headers) {
    const name = header.key.trim();
    if (!isHeaderName(name)) {
      context.drop(`${context.where} (header "${oneLine(header.key)}")`, 'not a valid HTTP header name');
      continue;
    }
    const value = oneLine(header.value);
    if (!header.disabled && isTokenHeader(name, value, context)) continue; // the environment's token
    headers.push({ name, value: replace(value), ...(header.disabled ? { disabled: true as const } : {}) });
  }

  const body = bodyDraft(request.body, context.sideFileBase);
  body.notes.forEach(context.note);
  if (body.contentType && !headers.some((header) => !header.disabled && header.name.toLowerCase() === 'content-type')) {
    headers.push({ name: 'Content-Type', value: body.contentType });
  }
  for (const field of body.disabledFields) comments.push(`disabled body field (not sent): ${field}`);
  const draftBody = body.body && rewriteBody(body.body, replace);
  const sideFiles = body.sideFiles.map((file) => ({ path: file.path, text: replace(file.text) }));

  for (const script of context.scripts) {
    directives.push(...script.statuses.map((status) => ({ key: 'expect', value: `status ${status}` })));
    comments.push(...scriptComments(script));
  }
  const draft: RequestDraft = {
    title: oneLine(request.name).replace(/^#+\s*/, '') || 'Request',
    comments: comments.map(commentLine),
    directives,
    method: request.method,
    url: urlText(replace(url)),
    query: [],
    headers,
    ...(draftBody ? { body: draftBody } : {}),
  };
  return { draft, sideFiles };
}

function rewriteBody(body: NonNullable<RequestDraft['body']>, replace: (text: string) => string): RequestDraft['body'] {
  if (body.kind === 'text') return { kind: 'text', text: replace(body.text) };
  if (body.kind === 'file') return { ...body, path: replace(body.path) };
  return {
    kind: 'mixed',
    parts: body.parts.map((part) =>
      part.kind === 'text' ? { kind: 'text', text: replace(part.text) } : { ...part, path: replace(part.path) },
    ),
  };
}

/** A comment line the printer accepts: one line, no trailing blanks, never read as a `# @directive`. */
export function commentLine(text: string): string {
  const line = text.replace(/[\r\0]/g, '').trimEnd();
  // Leading blanks as JavaScript counts them, a few more than the parser skips: a line led by U+3000 is escaped too, harmlessly.
  return isMetadataStart(line, line.search(/\S/)) ? line.replace('@', '(at)') : line;
}
