import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import schema from '../../../schemas/thredd.schema.json';
import { REGION_CODES, REGIONS, REQUEST_HEADERS } from '../../../src/core/catalogue';
import { parseConfigText } from '../../../src/core/config';
import { configRule, type Rule } from '../../../src/core/config/shape';
import { assembleTreeModel, indexTreeNodes, type EnvironmentNode } from '../../../src/core/tree';
import { requireRegion } from '../../../src/sandbox/apiAuth';

// Each check runs over the catalogue's regions: a region added there that a consumer kept its own list
// of would fail here. (The editor's completion is checked in the host suite, test/host/suite/catalogue.test.ts.)

/** The rule at `environments.<name>.region`. */
function regionRule(): Extract<Rule, { kind: 'string' }> {
  const environments = configRule.kind === 'object' ? configRule.fields.environments : undefined;
  const environment = environments?.kind === 'map' ? environments.of : undefined;
  const region = environment?.kind === 'object' ? environment.fields.region : undefined;
  assert.equal(region?.kind, 'string');
  return region as Extract<Rule, { kind: 'string' }>;
}

const regionConfig = JSON.stringify({
  environments: Object.fromEntries(
    REGIONS.map((region) => [`region-${region.code}`, { baseUrl: 'https://uat-api.thredd.com', region: region.code }]),
  ),
});

describe('X-Region values and names come from the catalogue', () => {
  it("thredd.json validation allows the catalogue's codes (the same list), and its hint names each region", () => {
    const rule = regionRule();
    assert.equal(rule.values, REGION_CODES, "the shape uses the catalogue's list itself");
    for (const region of REGIONS) assert.ok(rule.hint?.includes(`"${region.code}" (${region.name})`), `hint names ${region.code}`);
    const { diagnostics } = parseConfigText(regionConfig, '/p/thredd.json', { env: {} });
    assert.deepEqual(diagnostics, []);
  });

  it("the editor's thredd.json schema lists the same codes with the same names", () => {
    const region = schema.definitions.environment.properties.region;
    assert.deepEqual(
      region.enum,
      REGIONS.map((item) => item.code),
    );
    assert.deepEqual(
      region.enumDescriptions,
      REGIONS.map((item) => item.name),
    );
  });

  it('the Thredd view names each region', () => {
    const { config } = parseConfigText(regionConfig, '/p/thredd.json', { env: {} });
    assert.ok(config);
    const model = assembleTreeModel(
      { config, configDiagnostics: [], workspaceCertificateFiles: [], warningDays: 60, now: new Date() },
      () => assert.fail('no certificates'),
    );
    const nodes = indexTreeNodes(model.roots);
    for (const region of REGIONS) {
      const node = nodes.get(`env:region-${region.code}`) as EnvironmentNode;
      assert.equal(node.regionName, region.name);
      assert.match(node.description ?? '', new RegExp(` · region ${region.code} \\(${region.name}\\)$`));
    }
  });

  it('the sandbox accepts each region and lists them all when refusing another', () => {
    for (const region of REGIONS) assert.equal(requireRegion(region.code), region.code);
    const choices = REGIONS.map((region) => `${region.code} (${region.name})`).join(', ');
    assert.throws(
      () => requireRegion('toString'),
      (error: { status: number; body: { errors: unknown } }) => {
        assert.deepEqual(
          [error.status, error.body.errors],
          [400, { 'X-Region': [`X-Region "toString" is not a region: use ${choices}.`] }],
        );
        return true;
      },
    );
  });

  it("the X-Region header's description lists the regions", () => {
    const header = REQUEST_HEADERS.find((item) => item.name === 'X-Region');
    for (const region of REGIONS) assert.match(header?.description ?? '', new RegExp(`\\b${region.code} ${region.name}\\b`));
  });
});
