/** The collection tree flattened into the files it becomes: one per collection root and per folder holding requests. */
import type { PostmanAuth, PostmanCollection, PostmanFolder, PostmanRequest, PostmanScript, PostmanVariable } from './model';

export interface PlacedRequest {
  request: PostmanRequest;
  /** Slash-separated folder path and name, for the report. */
  where: string;
  /** Auth in effect: the nearest declared one from the request up to the collection (Postman's inheritance). */
  auth: PostmanAuth | undefined;
  /** The folders holding it, from the top. */
  folders: PostmanFolder[];
}

export interface RequestGroup {
  /** Folder names from the collection down; empty for the collection's own requests. */
  path: string[];
  /** The folders from the top down to this one. */
  folders: PostmanFolder[];
  requests: PlacedRequest[];
}

/** Variables in effect in a folder: the collection's, then each folder's down the path, nearer ones winning. */
export function scopeVariables(collection: PostmanCollection, folders: readonly PostmanFolder[]): PostmanVariable[] {
  const byKey = new Map<string, PostmanVariable>();
  for (const variable of [...collection.variables, ...folders.flatMap((folder) => folder.variables)]) byKey.set(variable.key, variable);
  return [...byKey.values()];
}

/** Scripts that Postman runs around every request of a folder: the collection's, then each folder's. */
export function scopeScripts(collection: PostmanCollection, folders: readonly PostmanFolder[]): { owner: string; script: PostmanScript }[] {
  return [
    ...collection.scripts.map((script) => ({ owner: `Collection "${collection.name}"`, script })),
    ...folders.flatMap((folder) => folder.scripts.map((script) => ({ owner: `Folder "${folder.name}"`, script }))),
  ];
}

/** Groups in collection order (a folder's file comes where its first request does), requests in order within each. */
export function requestGroups(collection: PostmanCollection): RequestGroup[] {
  const groups: RequestGroup[] = [];
  const visit = (items: PostmanCollection['items'], folders: PostmanFolder[], inherited: PostmanAuth | undefined) => {
    let group: RequestGroup | undefined;
    for (const item of items) {
      const path = folders.map((folder) => folder.name);
      if (item.kind === 'folder') {
        visit(item.items, [...folders, item], item.auth ?? inherited);
        continue;
      }
      if (!group) {
        group = { path, folders, requests: [] };
        groups.push(group);
      }
      group.requests.push({ request: item, where: [...path, item.name].join('/'), auth: item.auth ?? inherited, folders });
    }
  };
  visit(collection.items, [], collection.auth);
  return groups;
}

/**
 * Every request in one group, each folder becoming a section of the one file: chained values (`{{name.response…}}`)
 * reach only requests of the same file, so a collection whose scripts pass values between folders is kept together.
 */
export function singleGroup(groups: readonly RequestGroup[]): RequestGroup[] {
  return groups.length <= 1 ? [...groups] : [{ path: [], folders: [], requests: groups.flatMap((group) => group.requests) }];
}

/** Every `{{…}}` text Postman substitutes in a request: URL, headers, body and auth. */
export function requestTexts(request: PostmanRequest): string[] {
  const texts = [request.url.raw, ...request.headers.map((header) => header.value)];
  const body = request.body;
  if (body?.mode === 'raw') texts.push(body.raw);
  if (body?.mode === 'urlencoded') texts.push(...body.fields.map((field) => field.value));
  if (body?.mode === 'formdata') texts.push(...body.fields.map((field) => field.value));
  if (body?.mode === 'graphql') texts.push(body.query, body.variables);
  if (request.auth && request.auth.type !== 'other' && request.auth.type !== 'noauth') texts.push(...Object.values(request.auth));
  return texts;
}
