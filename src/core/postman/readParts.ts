/**
 * Normalisers for the pieces of a v2.0 / v2.1 collection that the format allows in several shapes (strings or
 * objects, arrays or single values). Each returns the model's one shape and never throws on odd input: what
 * it cannot read is reported through `note`.
 */
import type { PostmanAuth, PostmanBody, PostmanFormField, PostmanKeyValue, PostmanScript, PostmanUrl, PostmanVariable } from './model';

export type Json = Record<string, unknown>;
export type Note = (message: string) => void;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any scalar as text: Postman writes numbers and booleans for variable values as often as strings. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/** A description is a string or `{content, type}`. */
export function description(value: unknown): string | undefined {
  const content = isObject(value) ? text(value.content) : text(value);
  return content.trim() ? content : undefined;
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** `"Name: value\nOther: v"`: the v2.0 way to give headers as one string. */
function headersFromString(value: string): PostmanKeyValue[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const disabled = line.startsWith('//');
      const body = disabled ? line.slice(2).trim() : line;
      const colon = body.indexOf(':');
      const key = (colon < 0 ? body : body.slice(0, colon)).trim();
      return { key, value: colon < 0 ? '' : body.slice(colon + 1).trim(), disabled };
    });
}

export function keyValues(value: unknown): PostmanKeyValue[] {
  if (typeof value === 'string') return headersFromString(value);
  return list(value)
    .filter(isObject)
    .map((entry) => ({
      key: text(entry.key),
      value: text(entry.value),
      disabled: entry.disabled === true || entry.enabled === false,
      ...(description(entry.description) ? { description: description(entry.description) } : {}),
    }));
}

/** Variables are keyed by `key`, or by `id` in older exports (and then `key` may be missing). */
export function variables(value: unknown): PostmanVariable[] {
  return list(value)
    .filter(isObject)
    .map((entry) => ({
      key: text(entry.key ?? entry.id ?? entry.name),
      value: text(entry.value ?? entry.currentValue ?? ''),
      disabled: entry.disabled === true || entry.enabled === false,
      secret: entry.type === 'secret',
      ...(description(entry.description) ? { description: description(entry.description) } : {}),
    }))
    .filter((variable) => variable.key !== '');
}

function joined(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map((part) => (isObject(part) ? text(part.value) : text(part))).join(separator) : text(value);
}

/** A URL object without `raw`: rebuilt from its parts as Postman would send it (enabled query parameters only). */
function rebuildUrl(url: Json, query: PostmanKeyValue[]): string {
  const protocol = text(url.protocol);
  const host = joined(url.host, '.');
  const port = text(url.port);
  const path = joined(url.path, '/');
  const enabled = query
    .filter((entry) => !entry.disabled)
    .map((entry) => (entry.value === '' && entry.key ? entry.key : `${entry.key}=${entry.value}`));
  let raw = `${protocol ? protocol + '://' : ''}${host}${port ? ':' + port : ''}`;
  if (path) raw += (path.startsWith('/') ? '' : '/') + path;
  if (enabled.length > 0) raw += '?' + enabled.join('&');
  return raw;
}

export function url(value: unknown): PostmanUrl {
  if (!isObject(value)) return { raw: text(value), query: [], pathVariables: [] };
  const query = keyValues(value.query);
  const raw = typeof value.raw === 'string' && value.raw.trim() ? value.raw : rebuildUrl(value, query);
  return { raw: raw.trim(), query, pathVariables: variables(value.variable) };
}

function formField(entry: Json): PostmanFormField {
  const file = entry.type === 'file';
  const src = Array.isArray(entry.src) ? text(entry.src[0]) : text(entry.src);
  return {
    key: text(entry.key),
    value: file ? '' : text(entry.value),
    ...(file ? { src } : {}),
    type: file ? 'file' : 'text',
    ...(typeof entry.contentType === 'string' && entry.contentType ? { contentType: entry.contentType } : {}),
    disabled: entry.disabled === true,
  };
}

export function body(value: unknown, note: Note): PostmanBody | undefined {
  if (!isObject(value) || value.disabled === true) return undefined;
  switch (value.mode) {
    case 'raw': {
      const options = isObject(value.options) && isObject(value.options.raw) ? value.options.raw : {};
      const raw = text(value.raw);
      if (!raw) return undefined;
      return { mode: 'raw', raw, ...(typeof options.language === 'string' ? { language: options.language } : {}) };
    }
    case 'urlencoded':
      return { mode: 'urlencoded', fields: keyValues(value.urlencoded) };
    case 'formdata':
      return { mode: 'formdata', fields: list(value.formdata).filter(isObject).map(formField) };
    case 'file': {
      const src = isObject(value.file) ? text(value.file.src) : '';
      return { mode: 'file', src };
    }
    case 'graphql': {
      const graphql = isObject(value.graphql) ? value.graphql : {};
      return { mode: 'graphql', query: text(graphql.query), variables: text(graphql.variables) };
    }
    case undefined:
      return undefined;
    default:
      note(`its body mode "${text(value.mode)}" is not one Postman documents; the body was not imported`);
      return undefined;
  }
}

/** Auth parameters: a list of {key, value} in v2.1, an object of values in v2.0. */
function authParams(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(value.filter(isObject).map((entry) => [text(entry.key), text(entry.value)]));
  }
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, text(item)])) : {};
}

/** Undefined means inherit (no auth object, or `type: "inherit"`). */
export function auth(value: unknown): PostmanAuth | undefined {
  if (!isObject(value) || typeof value.type !== 'string' || value.type === 'inherit') return undefined;
  const type = value.type;
  const params = authParams(value[type]);
  switch (type) {
    case 'noauth':
      return { type: 'noauth' };
    case 'bearer':
      return { type: 'bearer', token: params.token ?? '' };
    case 'basic':
      return { type: 'basic', username: params.username ?? '', password: params.password ?? '' };
    case 'apikey':
      return { type: 'apikey', key: params.key || 'X-API-Key', value: params.value ?? '', in: params.in === 'query' ? 'query' : 'header' };
    case 'oauth2':
      return {
        type: 'oauth2',
        grantType: params.grant_type || 'authorization_code',
        accessTokenUrl: params.accessTokenUrl ?? '',
        clientId: params.clientId ?? '',
        clientSecret: params.clientSecret ?? '',
        scope: params.scope ?? '',
        addTokenTo: params.addTokenTo || 'header',
        ...(params.client_authentication ? { clientAuthentication: params.client_authentication } : {}),
      };
    default:
      return { type: 'other', name: type, params };
  }
}

export function scripts(value: unknown): PostmanScript[] {
  return list(value)
    .filter(isObject)
    .filter((event) => (event.listen === 'prerequest' || event.listen === 'test') && event.disabled !== true)
    .map((event) => {
      const script = isObject(event.script) ? event.script : {};
      const exec = script.exec;
      const lines = (Array.isArray(exec) ? exec.map(text) : text(exec).split(/\r?\n/)).flatMap((line) => line.split(/\r?\n/));
      return { listen: event.listen as PostmanScript['listen'], lines };
    })
    .filter((script) => script.lines.some((line) => line.trim()));
}
