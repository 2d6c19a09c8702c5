import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDEMPOTENCY_KEY_HEADER, OPERATIONS, REQUEST_HEADERS, type CatalogueOperation, type JsonSchema } from '../../../src/core/catalogue';

const pathParamsOf = (operation: CatalogueOperation) => [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
const declared = (operation: CatalogueOperation, location: 'path' | 'query') =>
  (operation.parameters ?? []).filter((parameter) => parameter.in === location).map((parameter) => parameter.name);

/** Every member of a schema, by path, with its schema; constraint-only branches (if, then, anyOf) are left out. */
function members(schema: JsonSchema, at = ''): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = [];
  for (const [name, member] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    found.push([`${at}${name}`, member], ...members(member, `${at}${name}.`));
  }
  if (schema.items) found.push(...members(schema.items as JsonSchema, `${at}[].`));
  return found;
}

function schemasOf(operation: CatalogueOperation): [string, JsonSchema][] {
  const responses = Object.entries(operation.responses).flatMap(([status, response]) =>
    response.body ? [[status, response.body.schema] as [string, JsonSchema]] : [],
  );
  return [...(operation.requestBody ? [['request', operation.requestBody.schema] as [string, JsonSchema]] : []), ...responses];
}

describe("the catalogue's operations", () => {
  it('have unique ids, and keep the ids other code imports', () => {
    const ids = OPERATIONS.map((operation) => operation.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ['products.list', 'cards.create', 'cards.get', 'cards.update']) assert.ok(ids.includes(id as never), id);
  });

  it('declare each parameter of their path, and only those, as path parameters', () => {
    for (const operation of OPERATIONS) assert.deepEqual(declared(operation, 'path').sort(), pathParamsOf(operation).sort(), operation.id);
  });

  it('each have a success example, and examples with unique ids whose statuses they document', () => {
    for (const operation of OPERATIONS) {
      assert.ok(
        operation.examples.some((example) => example.response.status >= 200 && example.response.status < 300),
        `${operation.id} has a 2xx example`,
      );
      const ids = operation.examples.map((example) => example.id);
      assert.equal(new Set(ids).size, ids.length, `${operation.id}: example ids`);
      for (const example of operation.examples) {
        assert.ok(
          operation.responses[String(example.response.status)],
          `${operation.id}/${example.id}: ${example.response.status} is documented`,
        );
        assert.match(example.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab case');
      }
    }
  });

  it('give every example the path parameters and, where the operation takes one, a body', () => {
    for (const operation of OPERATIONS) {
      for (const example of operation.examples) {
        assert.deepEqual(
          Object.keys(example.request.pathParams ?? {}).sort(),
          pathParamsOf(operation).sort(),
          `${operation.id}/${example.id}`,
        );
        for (const name of Object.keys(example.request.query ?? {}))
          assert.ok(declared(operation, 'query').includes(name), `${operation.id}/${example.id}: ?${name}`);
        assert.equal(
          example.request.body !== undefined,
          operation.requestBody !== undefined,
          `${operation.id}/${example.id}: a body exactly when one is taken`,
        );
      }
    }
  });

  it('need cards.read to read and cards.write to change (Connecting guide v1.1, "Understanding Scopes")', () => {
    for (const operation of OPERATIONS)
      assert.equal(operation.scope, operation.method === 'GET' ? 'cards.read' : 'cards.write', operation.id);
  });

  it('honour an idempotency key on creating a card and changing its status only: not on reads, nor the PATCH card update', () => {
    assert.deepEqual(
      OPERATIONS.filter((operation) => operation.idempotencyKey)
        .map((operation) => operation.id)
        .sort(),
      ['cards.create', 'cards.status.update'],
    );
    const header = REQUEST_HEADERS.find((item) => item.name === IDEMPOTENCY_KEY_HEADER);
    assert.equal(IDEMPOTENCY_KEY_HEADER, 'idempotencyKey', "Thredd's spelling");
    assert.ok(
      header?.description.includes('POST /cards') && header.description.includes('PUT /cards/{publicToken}/status'),
      header?.description,
    );
    assert.ok(!REQUEST_HEADERS.some((item) => item.name === 'Idempotency-Key'));
  });

  it('document 401, 403 and 500 on every operation, 401 and 403 without a body, and errors as problem details', () => {
    for (const operation of OPERATIONS) {
      for (const status of ['401', '403', '500']) assert.ok(operation.responses[status], `${operation.id} ${status}`);
      assert.equal(operation.responses['401'].body, undefined);
      assert.equal(operation.responses['403'].body, undefined);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && response.body)
          assert.ok((response.body.schema.properties as Record<string, unknown>).title, `${operation.id} ${status}`);
      }
    }
  });

  it("describe every member of every schema and parameter, for the editor's hover and completion", () => {
    for (const operation of OPERATIONS) {
      assert.ok(operation.summary.length > 10 && operation.sources.length > 0, operation.id);
      for (const parameter of operation.parameters ?? []) assert.ok(parameter.description, `${operation.id} ${parameter.name}`);
      for (const [where, schema] of schemasOf(operation)) {
        assert.ok(schema.description, `${operation.id} ${where}`);
        for (const [path, member] of members(schema))
          assert.ok(typeof member.description === 'string' && member.description, `${operation.id} ${where} ${path}`);
      }
    }
  });

  it('write JSON Schema draft-07, self-contained: no $ref, no OpenAPI-only keywords', () => {
    const forbidden = ['$ref', 'nullable', 'example', 'discriminator', 'readOnly', 'writeOnly'];
    const visit = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}[${index}]`));
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          // A member named like a keyword is a property name, not a keyword.
          const isPropertyName = where.endsWith('.properties');
          assert.ok(isPropertyName || !forbidden.includes(key), `${where}.${key}`);
          if (!isPropertyName && key === 'format')
            assert.ok(['uri', 'date-time'].includes(String(inner)), `${where}.format ${String(inner)}`);
          visit(inner, `${where}.${key}`);
        }
      }
    };
    for (const operation of OPERATIONS) for (const [where, schema] of schemasOf(operation)) visit(schema, `${operation.id} ${where}`);
  });
});
