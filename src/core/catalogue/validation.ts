import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fieldErrors } from './fieldErrors';
import type { FieldErrors } from './schemas/problemDetails';
import type { CatalogueOperation, CatalogueParameter, JsonSchema } from './types';

/**
 * Validation against the catalogue's schemas with ajv (draft-07, strict), answering ASP.NET-style field errors
 * (fieldErrors.ts). Each schema is compiled on first use and kept. Imported by path, not through the catalogue's
 * index, so that reading the catalogue does not load ajv.
 */
class SchemaValidator {
  private ajv?: Ajv;
  private readonly compiled = new WeakMap<JsonSchema, ValidateFunction>();

  /** `coerce`: values arrive as text (path and query parameters) and are read as the type the schema names. */
  constructor(private readonly coerce: boolean) {}

  /** Undefined when the value is valid. */
  errorsOf(schema: JsonSchema, value: unknown): FieldErrors | undefined {
    const validate = this.compile(schema);
    return validate(value) ? undefined : fieldErrors(validate.errors ?? []);
  }

  compile(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      this.ajv ??= addFormats(new Ajv({ strict: true, allErrors: true, verbose: true, coerceTypes: this.coerce }));
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

const bodies = new SchemaValidator(false);
const parameters = new SchemaValidator(true);

/** Compiles a schema as the validators do, throwing what ajv's strict mode finds wrong with it. */
export function compileSchema(schema: JsonSchema): void {
  bodies.compile(schema);
}

/** A value against a schema: undefined when valid, else the messages by field. */
export function validateAgainst(schema: JsonSchema, value: unknown): FieldErrors | undefined {
  return bodies.errorsOf(schema, value);
}

/** A request's JSON body against its operation's schema; undefined when valid or when the operation takes none. */
export function validateRequestBody(operation: CatalogueOperation, body: unknown): FieldErrors | undefined {
  return operation.requestBody ? bodies.errorsOf(operation.requestBody.schema, body) : undefined;
}

/**
 * An answer against what the operation documents for its status: undefined when it fits. A status the
 * operation does not document, a body where none is documented or none where one is, are errors of the body ('').
 */
export function validateResponseBody(operation: CatalogueOperation, status: number | string, body: unknown): FieldErrors | undefined {
  const response = operation.responses[String(status)];
  if (!response) return { '': [`${operation.id} does not answer ${status}; it answers ${Object.keys(operation.responses).join(', ')}.`] };
  if (!response.body) return body === undefined ? undefined : { '': [`A ${status} of ${operation.id} has no body.`] };
  if (body === undefined) return { '': [`A ${status} of ${operation.id} has a body.`] };
  return bodies.errorsOf(response.body.schema, body);
}

/** The path or query parameters of a request, as text, against the operation's parameters there. */
export function validateParameters(
  operation: CatalogueOperation,
  location: CatalogueParameter['in'],
  values: Readonly<Record<string, string>>,
): FieldErrors | undefined {
  return parameters.errorsOf(parameterSchema(operation, location), { ...values });
}

const parameterSchemas = new WeakMap<CatalogueOperation, Partial<Record<CatalogueParameter['in'], JsonSchema>>>();

/** The operation's parameters in one place as an object schema (other query parameters are let through). */
function parameterSchema(operation: CatalogueOperation, location: CatalogueParameter['in']): JsonSchema {
  const schemas = parameterSchemas.get(operation) ?? {};
  parameterSchemas.set(operation, schemas);
  const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === location);
  return (schemas[location] ??= {
    type: 'object',
    properties: Object.fromEntries(
      declared.map((parameter) => [parameter.name, { ...parameter.schema, description: parameter.description }]),
    ),
    required: declared.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  });
}
