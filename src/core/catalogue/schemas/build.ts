import type { JsonSchema } from '../types';

/**
 * Small builders for the catalogue's draft-07 schemas, so each field reads as one line: its type, our
 * description and the published limits. They translate the OpenAPI 3.0 the pages publish: `nullable` becomes
 * a 'null' type, and OpenAPI-only keywords (`example`, `format: int32/int64/double`) are left out.
 */

interface StringLimits {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'uri' | 'date-time';
  enum?: readonly string[];
  /** Values the editor offers where the page publishes no enum. */
  examples?: readonly string[];
}

export function text(description: string, limits: StringLimits = {}): JsonSchema {
  return { type: 'string', description, ...limits };
}

export function integer(description: string, limits: { minimum?: number; maximum?: number; enum?: readonly number[] } = {}): JsonSchema {
  return { type: 'integer', description, ...limits };
}

/** An RFC 3339 date and time, where the OpenAPI has `format: date-time`. */
export function dateTime(description: string): JsonSchema {
  return { type: 'string', description, format: 'date-time' };
}

export function decimal(description: string): JsonSchema {
  return { type: 'number', description };
}

export function boolean(description: string): JsonSchema {
  return { type: 'boolean', description };
}

export function arrayOf(description: string, items: JsonSchema): JsonSchema {
  return { type: 'array', description, items };
}

/** A value the page gives no type for (it shows only null): any JSON value. */
export function untyped(description: string): JsonSchema {
  return { description };
}

interface ObjectOptions {
  required?: readonly string[];
  /** `additionalProperties: false`, as the OpenAPI has on every object it defines. */
  closed?: boolean;
}

export function object(description: string, properties: Readonly<Record<string, JsonSchema>>, options: ObjectOptions = {}): JsonSchema {
  return {
    type: 'object',
    description,
    properties,
    ...(options.required?.length ? { required: options.required } : {}),
    ...(options.closed ? { additionalProperties: false } : {}),
  };
}

/** OpenAPI's `nullable: true` in draft-07: null joins the types, and the enum when there is one. */
export function nullable(schema: JsonSchema): JsonSchema {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const values = schema.enum as readonly unknown[] | undefined;
  return { ...schema, type: [...types, 'null'], ...(values ? { enum: [...values, null] } : {}) };
}

/** The same schema with our description for where it is used (a shared address used as `fulfilment`). */
export function describedAs(schema: JsonSchema, description: string): JsonSchema {
  return { ...schema, description };
}

/** Members that are all strings that may be null, from name to description: the bulk of transaction answers. */
export function nullableTexts(descriptions: Readonly<Record<string, string>>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, nullable(text(description))]));
}
