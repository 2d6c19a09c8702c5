import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import schema from '../../../schemas/thredd.schema.json';
import { ENVIRONMENT_TEMPLATES, parseConfigText, renderConfigFromTemplates } from '../../../src/core/config';
import { configRule, type Rule } from '../../../src/core/config/shape';

// The editor validates with schemas/thredd.schema.json, the core with shape.ts: they must agree.
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  $ref?: string;
  required?: string[];
  enum?: string[];
};

function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  return (schema.definitions as Record<string, SchemaNode>)[name];
}

function compare(rule: Rule, node: SchemaNode, where: string): void {
  node = deref(node);
  if (rule.kind === 'object') {
    assert.deepEqual(Object.keys(node.properties ?? {}).sort(), Object.keys(rule.fields).sort(), `keys of ${where}`);
    assert.deepEqual([...(node.required ?? [])].sort(), [...(rule.required ?? [])].sort(), `required keys of ${where}`);
    for (const [key, child] of Object.entries(rule.fields)) compare(child, node.properties![key], `${where}.${key}`);
  } else if (rule.kind === 'map') {
    compare(rule.of, node.additionalProperties as SchemaNode, `${where}.*`);
  } else if (rule.kind === 'string' && rule.values) {
    assert.deepEqual(node.enum, [...rule.values], `values of ${where}`);
  }
}

describe('thredd.json schema and core validation', () => {
  it('know the same keys, required keys and allowed values', () => {
    compare(configRule, schema as SchemaNode, 'thredd.json');
  });

  it('accept every built-in template', () => {
    for (const template of ENVIRONMENT_TEMPLATES) {
      const text = renderConfigFromTemplates([template.id]);
      assert.equal(validate(JSON.parse(text)), true, `${template.id}: ${ajv.errorsText(validate.errors)}`);
      const { diagnostics } = parseConfigText(text, '/p/thredd.json', { fileExists: () => true, env: {} });
      assert.deepEqual(diagnostics, [], template.id);
    }
  });

  it('both reject an unknown key and a wrong region', () => {
    const bad = { environments: { e: { baseUrl: 'https://x.test', region: '3', colour: 'red' } } };
    assert.equal(validate(bad), false);
    const { diagnostics } = parseConfigText(JSON.stringify(bad), '/p/thredd.json', { fileExists: () => true, env: {} });
    assert.equal(diagnostics.length, 2);
  });
});
