import type { PostmanAuth, PostmanBody, PostmanCollection, PostmanItem, PostmanKeyValue, PostmanScript, PostmanVariable } from '../model';
import { urlParts } from './urlParts';

/** The schema URL a v2.1 collection declares in `info.schema` (Postman Collection Format v2.1.0). */
export const COLLECTION_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

type Json = Record<string, unknown>;

/**
 * The v2.1 collection file of a collection model: `info`, `item` (folders with `item`, requests with `request`),
 * `variable`, `auth` and `event`, in the shapes the v2.1 schema gives them. `postmanId` fills `info._postman_id`.
 */
export function collectionJson(collection: PostmanCollection, postmanId: string): Json {
  return {
    info: {
      _postman_id: postmanId,
      name: collection.name,
      ...(collection.description ? { description: collection.description } : {}),
      schema: COLLECTION_SCHEMA_V21,
    },
    item: collection.items.map(itemJson),
    ...(collection.auth ? { auth: authJson(collection.auth) } : {}),
    ...events(collection.scripts),
    ...variables(collection.variables),
  };
}

function itemJson(item: PostmanItem): Json {
  const common = {
    name: item.name,
    ...(item.description ? { description: item.description } : {}),
    ...variables(item.variables),
    ...events(item.scripts),
  };
  // v2.1: a folder's auth is on the folder, a request's inside its `request`.
  const auth = item.auth ? { auth: authJson(item.auth) } : {};
  if (item.kind === 'folder') return { ...common, ...auth, item: item.items.map(itemJson) };
  return {
    ...common,
    request: {
      ...auth,
      method: item.method,
      header: item.headers.map(keyValueJson),
      ...(item.body ? { body: bodyJson(item.body) } : {}),
      url: urlParts(item.url.raw),
    },
    response: [],
  };
}

function keyValueJson(entry: PostmanKeyValue): Json {
  return { key: entry.key, value: entry.value, type: 'text', ...(entry.disabled ? { disabled: true } : {}) };
}

function bodyJson(body: PostmanBody): Json {
  switch (body.mode) {
    case 'raw':
      return { mode: 'raw', raw: body.raw, ...(body.language ? { options: { raw: { language: body.language } } } : {}) };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.fields.map(keyValueJson) };
    case 'formdata':
      return {
        mode: 'formdata',
        formdata: body.fields.map((field) =>
          field.type === 'file'
            ? { key: field.key, type: 'file', src: field.src ?? '', ...(field.contentType ? { contentType: field.contentType } : {}) }
            : { key: field.key, value: field.value, type: 'text', ...(field.contentType ? { contentType: field.contentType } : {}) },
        ),
      };
    case 'file':
      return { mode: 'file', file: { src: body.src } };
    case 'graphql':
      return { mode: 'graphql', graphql: { query: body.query, variables: body.variables } };
  }
}

/** v2.1 auth: `{type, <type>: [{key, value, type: "string"}]}`. */
function authJson(auth: PostmanAuth): Json {
  const attributes = (type: string, values: Record<string, string>) => ({
    type,
    [type]: Object.entries(values).map(([key, value]) => ({ key, value, type: 'string' })),
  });
  switch (auth.type) {
    case 'noauth':
      return { type: 'noauth' };
    case 'bearer':
      return attributes('bearer', { token: auth.token });
    case 'basic':
      return attributes('basic', { username: auth.username, password: auth.password });
    case 'apikey':
      return attributes('apikey', { key: auth.key, value: auth.value, in: auth.in });
    case 'oauth2':
      return attributes('oauth2', {
        grant_type: auth.grantType,
        accessTokenUrl: auth.accessTokenUrl,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        scope: auth.scope,
        addTokenTo: auth.addTokenTo,
      });
    case 'other':
      return attributes(auth.name, auth.params);
  }
}

function events(scripts: readonly PostmanScript[]): { event?: Json[] } {
  if (scripts.length === 0) return {};
  return { event: scripts.map((script) => ({ listen: script.listen, script: { type: 'text/javascript', exec: script.lines } })) };
}

function variables(list: readonly PostmanVariable[]): { variable?: Json[] } {
  if (list.length === 0) return {};
  return {
    variable: list.map((variable) => ({
      key: variable.key,
      // v2.1 variable types are string, boolean, any and number: a secret is a string left empty.
      value: variable.secret ? '' : variable.value,
      type: 'string',
      ...(variable.description ? { description: variable.description } : {}),
      ...(variable.disabled ? { disabled: true } : {}),
    })),
  };
}
