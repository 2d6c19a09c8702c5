/**
 * One operation of Thredd's API as the catalogue knows it. The sandbox (routes, validation, answers), the
 * editor (completion, diagnostics and hover of bodies, "New Request from API") and the CLI (`thredd api`)
 * all read it, so what one of them knows about an operation the others know too.
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
  /** Whether Thredd honours an `idempotencyKey` header on it (it does not on GET, DELETE or the card update). */
  idempotencyKey: boolean;
  /** Ids of the Thredd documentation pages this entry follows. */
  sources: readonly string[];
  /** Path and query parameters; every `{name}` of the path has one. Absent when there are none. */
  parameters?: readonly CatalogueParameter[];
  /** Absent when the operation takes no body. */
  requestBody?: CatalogueBody;
  /** By HTTP status code, as a string ('200', '404'): the success and every error the operation may answer. */
  responses: Readonly<Record<string, CatalogueResponse>>;
  /** Complete requests with the answer a faithful server gives them: at least one success, and typical errors. */
  examples: readonly CatalogueExample[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A JSON Schema in the draft-07 dialect (SCHEMA_DIALECT), compiled with ajv and read by
 * vscode-json-languageservice. Self-contained: shared parts are copied in, never `$ref`-erenced.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

export interface CatalogueParameter {
  name: string;
  in: 'path' | 'query';
  description: string;
  required: boolean;
  /** The value's schema; path and query values arrive as text and are read as the type it names. */
  schema: JsonSchema;
}

export interface CatalogueBody {
  /** What we send. Thredd also accepts text/json and application/*+json (the OpenAPI lists all three). */
  contentType: string;
  schema: JsonSchema;
}

export interface CatalogueResponse {
  /** When the operation answers with this status. */
  description: string;
  /** Absent when the answer has no body (204; 401 and 403, which the OpenAPI lists without content). */
  body?: CatalogueBody;
}

export interface CatalogueExample {
  /** Unique within its operation, in kebab case: 'virtual-card'. */
  id: string;
  summary: string;
  /** The state the card named by the path must be in first, for examples that depend on it. */
  given?: ExamplePrecondition;
  request: ExampleRequest;
  response: ExampleResponse;
}

export interface ExamplePrecondition {
  cardType?: 'Physical' | 'Virtual' | 'MasterVirtual';
  cardStatusCode?: string;
}

export interface ExampleRequest {
  /** Illustrative values: a tester substitutes its own card's token, unless `literalPathParams` is set. */
  pathParams?: Readonly<Record<string, string>>;
  /** The path parameters are the point of the example (a token no card has): send them as they are. */
  literalPathParams?: boolean;
  query?: Readonly<Record<string, string>>;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
}

export interface ExampleResponse {
  status: number;
  body?: unknown;
}
