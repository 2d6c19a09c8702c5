/**
 * The neutral model of a Postman collection and its environments: what the reader produces from a v2.0 / v2.1
 * collection file, what the writer turns into `.thredd` files and `thredd.json`, and what an exporter can build
 * from `.thredd` files to write a v2.1 collection. It is plain data (JSON-serialisable), keeps the collection's
 * order, and keeps everything the mapping may need to report (disabled entries, scripts, auth as declared),
 * so that nothing is lost before the writer decides what to do with it.
 *
 * Shapes follow the Postman Collection Format v2.1 (schema.getpostman.com/json/collection/v2.1.0), normalised:
 * every list is an array, every text a string, `disabled` always a boolean, descriptions plain text.
 */

/** A `{key, value}` pair of a header, query parameter or urlencoded field. */
export interface PostmanKeyValue {
  key: string;
  value: string;
  /** Postman sends nothing for a disabled entry; the writer keeps it as a commented line. */
  disabled: boolean;
  description?: string;
}

/** A collection, folder, request or environment variable. */
export interface PostmanVariable {
  key: string;
  value: string;
  disabled: boolean;
  /** Postman's `type: "secret"` (environments) : never written in plain text. */
  secret: boolean;
  description?: string;
}

export interface PostmanUrl {
  /**
   * The URL as Postman sends it before variable substitution: `raw` when the file has it, else rebuilt from
   * protocol, host, port, path, query and hash. Path variables are still `:name` here.
   */
  raw: string;
  /** The query parameters, disabled ones included (a disabled one is not in `raw`). */
  query: PostmanKeyValue[];
  /** Values of the `:name` path segments, by name. */
  pathVariables: PostmanVariable[];
}

export interface PostmanFormField {
  key: string;
  /** For a text field. */
  value: string;
  /** For a file field: the path as the collection gives it (`src`), empty when none was chosen. */
  src?: string;
  type: 'text' | 'file';
  contentType?: string;
  disabled: boolean;
}

export type PostmanBody =
  /** `language` from `options.raw.language` (json, xml, text, javascript, html). */
  | { mode: 'raw'; raw: string; language?: string }
  | { mode: 'urlencoded'; fields: PostmanKeyValue[] }
  | { mode: 'formdata'; fields: PostmanFormField[] }
  | { mode: 'file'; src: string }
  /** `variables` is the GraphQL variables text (JSON), possibly empty. */
  | { mode: 'graphql'; query: string; variables: string };

/**
 * Auth as declared on a collection, folder or request. `undefined` where the model holds an auth means
 * "inherit from the parent" (Postman's default and its explicit `inherit`); `noauth` stops inheritance.
 */
export type PostmanAuth =
  | { type: 'noauth' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'apikey'; key: string; value: string; in: 'header' | 'query' }
  | {
      type: 'oauth2';
      grantType: string;
      accessTokenUrl: string;
      clientId: string;
      clientSecret: string;
      scope: string;
      /** Where Postman puts the token: `header` (Authorization: Bearer) or `queryParams`. */
      addTokenTo: string;
      /** `header` (HTTP Basic, client_secret_basic) or `body` (client_secret_post); Postman's default is header. */
      clientAuthentication?: string;
    }
  /** Any other type (digest, hawk, awsv4, ntlm, …), kept with its parameters so the report can name it. */
  | { type: 'other'; name: string; params: Record<string, string> };

/** A pre-request or test script: its source lines as the collection stores them (`exec`). */
export interface PostmanScript {
  listen: 'prerequest' | 'test';
  lines: string[];
}

interface PostmanItemBase {
  name: string;
  description?: string;
  /** Item-level variables (v2.1 allows them on folders and requests). */
  variables: PostmanVariable[];
  /** Undefined: inherit. */
  auth?: PostmanAuth;
  scripts: PostmanScript[];
}

export interface PostmanRequest extends PostmanItemBase {
  kind: 'request';
  /** Upper case; GET when the collection gives none. */
  method: string;
  url: PostmanUrl;
  headers: PostmanKeyValue[];
  body?: PostmanBody;
  /** Saved example responses: not imported, only counted for the report. */
  exampleCount: number;
}

export interface PostmanFolder extends PostmanItemBase {
  kind: 'folder';
  items: PostmanItem[];
}

export type PostmanItem = PostmanRequest | PostmanFolder;

export interface PostmanCollection {
  name: string;
  description?: string;
  /** Which format the file declared. */
  schemaVersion: '2.0.0' | '2.1.0';
  variables: PostmanVariable[];
  auth?: PostmanAuth;
  scripts: PostmanScript[];
  items: PostmanItem[];
}

export interface PostmanEnvironment {
  name: string;
  values: PostmanVariable[];
}

/** Something the reader met and could not keep as it was: reported, never dropped silently. */
export interface PostmanReadNote {
  /** Slash-separated path of folder and request names; the collection name for collection-level notes. */
  where: string;
  message: string;
}
