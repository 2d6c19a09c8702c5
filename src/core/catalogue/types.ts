/**
 * One operation of Thredd's API as the catalogue knows it. The editor (completion, diagnostics, hover) and
 * the sandbox (routes, scopes) read it; the optional fields are there for what is described only for some
 * operations so far: parameters, bodies, responses and their examples.
 */
export interface CatalogueOperation {
  /** `<resource>.<action>`, stable across releases: 'cards.create'. */
  id: string;
  method: HttpMethod;
  /** Relative to the API root (see apiRoots.ts), parameters as `{name}`: '/cards/{publicToken}'. */
  path: string;
  /** What it does, in our own words. */
  summary: string;
  /** The OAuth scope the access token must carry. */
  scope: string;
  /** Whether Thredd honours an idempotency key on it (it does not on GET, DELETE or the PUT card update). */
  idempotencyKey: boolean;
  /** Ids of the Thredd documentation pages this entry follows; empty where none is recorded yet. */
  sources: readonly string[];
  parameters?: readonly CatalogueParameter[];
  requestBody?: CatalogueBody;
  /** By HTTP status code, as a string ('200', '404'). */
  responses?: Readonly<Record<string, CatalogueResponse>>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A JSON Schema, to be compiled with ajv. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface CatalogueParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface CatalogueBody {
  contentType: string;
  schema: JsonSchema;
  examples?: readonly CatalogueExample[];
}

export interface CatalogueResponse {
  description: string;
  body?: CatalogueBody;
}

export interface CatalogueExample {
  summary: string;
  value: unknown;
}
