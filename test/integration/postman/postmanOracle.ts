/**
 * What Postman would send for each request of a collection, worked out from the collection JSON on its own (not
 * through the importer's reader), so that the import can be checked against it. Values Postman only knows at run
 * time (dynamic variables, values set by scripts, variables defined nowhere) are holes: `expected` turns a text into
 * a pattern where a hole matches what Thredd resolves in its place.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const HOLE = '\u0000';

export interface ExpectedRequest {
  where: string;
  name: string;
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  body?: { kind: 'raw'; text: string } | { kind: 'urlencoded'; pairs: [string, string][] } | { kind: 'formdata'; names: string[] };
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? value : []);
const enabled = (entry: Json) => entry.disabled !== true && entry.enabled !== false;
const str = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value));

function authParams(auth: Json): Record<string, string> {
  const params = auth[auth.type];
  if (Array.isArray(params)) return Object.fromEntries(params.map((entry: Json) => [entry.key, str(entry.value)]));
  return params ?? {};
}

/** Variables set by any script: Postman knows their values only when it runs. */
function scriptVariables(collection: Json): Set<string> {
  const names = new Set<string>();
  const visit = (item: Json) => {
    for (const event of list(item.event)) {
      const source = [event.script?.exec ?? []].flat().join('\n');
      for (const match of source.matchAll(/(?:\.set|setEnvironmentVariable|setGlobalVariable)\(\s*["'`]([^"'`]+)["'`]/g))
        names.add(match[1]);
    }
    list(item.item).forEach(visit);
  };
  visit(collection);
  return names;
}

export function expectedRequests(collection: Json, environment?: Json): ExpectedRequest[] {
  if (collection.collection && !collection.info) collection = collection.collection;
  const values = new Map<string, string>();
  for (const entry of list(collection.variable).filter(enabled)) values.set(entry.key ?? entry.id, str(entry.value));
  for (const entry of list(environment?.values).filter(enabled)) values.set(entry.key, str(entry.value));
  const runtime = scriptVariables(collection);
  const substitute = (text: string, depth = 0): string =>
    text.replace(/\{\{([^{}]+)\}\}/g, (_whole, raw: string) => {
      const name = raw.trim();
      if (name.startsWith('$') || runtime.has(name) || !values.has(name)) return HOLE;
      return depth > 5 ? HOLE : substitute(values.get(name)!, depth + 1);
    });
  const requests: ExpectedRequest[] = [];
  const visit = (item: Json, path: string[], inherited: Json | undefined) => {
    const auth = item.auth && item.auth.type !== 'inherit' ? item.auth : undefined;
    if (Array.isArray(item.item)) {
      item.item.forEach((child: Json) => visit(child, [...path, item.name], auth ?? inherited));
      return;
    }
    const request: Json = typeof item.request === 'string' ? { url: item.request } : item.request;
    const effective = (request.auth && request.auth.type !== 'inherit' ? request.auth : undefined) ?? inherited;
    let url = typeof request.url === 'string' ? request.url : str(request.url?.raw);
    for (const variable of list(request.url?.variable)) {
      // An empty value has to be filled in before sending: a hole.
      const value = str(variable.value) === '' ? '{{$pathVariable}}' : str(variable.value);
      url = url.replace(new RegExp(`/:${variable.key}(?=[/?#]|$)`), `/${value}`);
    }
    const headers = (typeof request.header === 'string' ? [] : list(request.header).filter(enabled)).map((entry) => ({
      name: entry.key,
      value: substitute(str(entry.value)),
    }));
    let fullUrl = substitute(url.trim()).replace(/ /g, '%20');
    const params = effective ? authParams(effective) : {};
    if (effective?.type === 'bearer') headers.unshift({ name: 'Authorization', value: `Bearer ${substitute(params.token ?? '')}` });
    if (effective?.type === 'basic') {
      const pair = `${substitute(params.username ?? '')}:${substitute(params.password ?? '')}`;
      headers.unshift({ name: 'Authorization', value: pair.includes(HOLE) ? HOLE : `Basic ${Buffer.from(pair).toString('base64')}` });
    }
    if (effective?.type === 'apikey') {
      if (params.in === 'query') fullUrl += `${fullUrl.includes('?') ? '&' : '?'}${params.key}=${substitute(params.value ?? '')}`;
      else headers.unshift({ name: params.key, value: substitute(params.value ?? '') });
    }
    const body = request.body as Json | undefined;
    let expectedBody: ExpectedRequest['body'];
    if (body?.mode === 'raw' && str(body.raw).trim())
      expectedBody = {
        kind: 'raw',
        text: substitute(
          str(body.raw)
            .replace(/\r\n?/g, '\n')
            .replace(/^\s*\n|\n\s*$/g, ''),
        ),
      };
    if (body?.mode === 'urlencoded')
      expectedBody = {
        kind: 'urlencoded',
        pairs: list(body.urlencoded)
          .filter(enabled)
          .map((entry) => [entry.key, substitute(str(entry.value))]),
      };
    if (body?.mode === 'formdata')
      expectedBody = {
        kind: 'formdata',
        names: list(body.formdata)
          .filter((entry) => enabled(entry) && (entry.type !== 'file' || str(entry.src)))
          .map((entry) => entry.key),
      };
    requests.push({
      where: [...path, item.name].join('/'),
      name: item.name,
      method: str(request.method || 'GET').toUpperCase(),
      url: fullUrl,
      headers,
      ...(expectedBody ? { body: expectedBody } : {}),
    });
  };
  list(collection.item).forEach((item) =>
    visit(item, [], collection.auth && collection.auth.type !== 'inherit' ? collection.auth : undefined),
  );
  return requests;
}

/** A regular expression for `text` in which each hole matches any text (a resolved value or a `{{…}}` left as written). */
export function pattern(text: string): RegExp {
  return new RegExp(
    `^${text
      .split(HOLE)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
  );
}
