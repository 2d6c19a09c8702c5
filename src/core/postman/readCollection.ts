import * as readParts from './readParts';
import { isObject, text, type Json } from './readParts';
import { PostmanImportError } from './errors';
import { parseJsonFile } from './readJson';
import type { PostmanCollection, PostmanEnvironment, PostmanItem, PostmanReadNote } from './model';

export interface ReadCollectionResult {
  collection: PostmanCollection;
  notes: PostmanReadNote[];
}

const V2_FIX = 'Export it from Postman as Collection v2.1 (Export → Collection v2.1) and import that file.';

/** `…/collection/v2.1.0/…` and `…/json/collection/v2.0.0/…`: both published schema URL forms carry the version. */
function schemaVersion(schema: string): string | undefined {
  return /\/v(\d+\.\d+\.\d+)\//.exec(schema)?.[1];
}

/** The collection object itself, unwrapped from the Postman API's `{collection: …}` envelope; throws for anything else. */
function collectionObject(value: unknown, file: string): Json {
  if (isObject(value) && isObject(value.collection) && !isObject(value.info)) value = value.collection;
  if (!isObject(value)) throw new PostmanImportError(`${file} is JSON but not a Postman collection (it is not an object).`, V2_FIX);
  if (Array.isArray(value.values) && !value.info) {
    throw new PostmanImportError(
      `${file} is a Postman environment, not a collection.`,
      'Pass it with --environment, next to the collection file.',
    );
  }
  // v1 collections have `requests` (and `order`, `folders`) at the top and no `info`.
  if (!isObject(value.info) && (Array.isArray(value.requests) || Array.isArray(value.order))) {
    throw new PostmanImportError(`${file} is a Postman v1 collection, which Thredd does not import.`, V2_FIX);
  }
  if (!isObject(value.info) || !Array.isArray(value.item)) {
    throw new PostmanImportError(`${file} is JSON but not a Postman collection (no "info" and "item").`, V2_FIX);
  }
  const version = schemaVersion(text(value.info.schema));
  if (version && !version.startsWith('2.')) {
    throw new PostmanImportError(`${file} declares collection format v${version}; Thredd imports v2.0 and v2.1.`, V2_FIX);
  }
  return value;
}

class ItemReader {
  readonly notes: PostmanReadNote[] = [];

  item(value: Json, parent: string): PostmanItem {
    const name = text(value.name).trim() || (Array.isArray(value.item) ? 'Folder' : 'Request');
    const where = parent ? `${parent}/${name}` : name;
    const note = (message: string) => this.notes.push({ where, message });
    const common = {
      name,
      ...(readParts.description(value.description) ? { description: readParts.description(value.description) } : {}),
      variables: readParts.variables(value.variable),
      scripts: readParts.scripts(value.event),
    };
    if (Array.isArray(value.item)) {
      const auth = readParts.auth(value.auth);
      return {
        kind: 'folder',
        ...common,
        ...(auth ? { auth } : {}),
        items: value.item.filter(isObject).map((child) => this.item(child, where)),
      };
    }
    // v2 lets `request` be just its URL.
    const request: Json = isObject(value.request) ? value.request : { url: value.request };
    const auth = readParts.auth(request.auth);
    const body = readParts.body(request.body, note);
    const requestDescription = readParts.description(request.description);
    return {
      kind: 'request',
      ...common,
      ...(common.description || !requestDescription ? {} : { description: requestDescription }),
      ...(auth ? { auth } : {}),
      method: (text(request.method).trim() || 'GET').toUpperCase(),
      url: readParts.url(request.url),
      headers: readParts.keyValues(request.header),
      ...(body ? { body } : {}),
      exampleCount: Array.isArray(value.response) ? value.response.length : 0,
    };
  }
}

/** Reads a v2.0 / v2.1 collection file's text into the model; throws a PostmanImportError naming the file for anything else. */
export function readCollection(fileText: string, file: string): ReadCollectionResult {
  const value = collectionObject(parseJsonFile(fileText, file), file);
  const info = value.info as Json;
  const name = text(info.name).trim() || 'Postman collection';
  const reader = new ItemReader();
  const auth = readParts.auth(value.auth);
  const collection: PostmanCollection = {
    name,
    ...(readParts.description(info.description) ? { description: readParts.description(info.description) } : {}),
    schemaVersion: schemaVersion(text(info.schema)) === '2.0.0' ? '2.0.0' : '2.1.0',
    variables: readParts.variables(value.variable),
    ...(auth ? { auth } : {}),
    scripts: readParts.scripts(value.event),
    items: (value.item as unknown[]).filter(isObject).map((item) => reader.item(item, '')),
  };
  return { collection, notes: reader.notes };
}

/** Reads a Postman environment export (`{name, values: [{key, value, enabled, type}]}`). */
export function readEnvironment(fileText: string, file: string): PostmanEnvironment {
  const value = parseJsonFile(fileText, file);
  if (!isObject(value) || !Array.isArray(value.values)) {
    const fix = 'In Postman, open Environments, choose the environment and Export it; pass that file with --environment.';
    const what = isObject(value) && isObject(value.info) ? 'a collection, not an environment' : 'not a Postman environment (no "values")';
    throw new PostmanImportError(`${file} is ${what}.`, fix);
  }
  return { name: text(value.name).trim() || 'environment', values: readParts.variables(value.values) };
}
