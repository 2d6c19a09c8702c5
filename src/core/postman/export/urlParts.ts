/** Postman's parsed form of a URL (v2.1 `url` object), next to `raw`. */
export interface PostmanUrlParts {
  raw: string;
  protocol?: string;
  host: string[];
  port?: string;
  path: string[];
  query?: { key: string; value: string | null }[];
  hash?: string;
  variable?: { key: string; value: string }[];
}

/**
 * Splits a URL as written (variables not substituted, so no URL parser can take it) into Postman's pieces:
 * `{{baseUrl}}/cards/:id?x=1` → host `["{{baseUrl}}"]`, path `["cards", ":id"]`, query `[{key: "x", value: "1"}]`.
 * Query values stay as written (Postman keeps them encoded in `raw` and in `query` alike).
 */
export function urlParts(raw: string): PostmanUrlParts {
  let rest = raw;
  const parts: PostmanUrlParts = { raw, host: [], path: [] };
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    parts.hash = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    parts.query = rest
      .slice(queryAt + 1)
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const equals = pair.indexOf('=');
        return equals < 0 ? { key: pair, value: null } : { key: pair.slice(0, equals), value: pair.slice(equals + 1) };
      });
    rest = rest.slice(0, queryAt);
  }
  const scheme = /^([A-Za-z][\w+.-]*):\/\//.exec(rest);
  if (scheme) {
    parts.protocol = scheme[1];
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash + 1);
  const port = /:(\d+)$/.exec(authority);
  const host = port ? authority.slice(0, port.index) : authority;
  if (port) parts.port = port[1];
  // A variable host ({{baseUrl}}) is one piece: its dots are not the host's.
  parts.host = host === '' ? [] : host.startsWith('{{') ? [host] : host.split('.');
  parts.path = path === '' ? [] : path.split('/');
  const variables = parts.path
    .filter((segment) => /^:[A-Za-z_]\w*$/.test(segment))
    .map((segment) => ({ key: segment.slice(1), value: '' }));
  if (variables.length) parts.variable = variables;
  return parts;
}
