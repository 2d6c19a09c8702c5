import { threddJwk, type ThreddJwk } from '../../core/ehi/threddJwk';
import { ApiError } from '../httpJson';
import type { RouteHandler } from '../requestContext';
import type { Router } from '../router';
import type { EhiPki } from './ehiPki';

/**
 * Where the sandbox publishes its EHI signing keys. Thredd's is https://jwks.threddid.com/<id>/jwks.json (EHI TLS
 * page, step 3) with each certificate at <id>/<x5t#S256>.pem (the x5u of the published JWKS); the sandbox uses
 * the same shape under /ehi/<org_id>/ on its TLS listener.
 */
export function ehiJwksUrl(tlsBase: string, orgId: string): string {
  return `${tlsBase}/ehi/${orgId}/jwks.json`;
}

/** The sandbox's EHI JWKS in Thredd's shape: one key, with x5u pointing back at the sandbox. */
export function ehiJwksDocument(pki: EhiPki, tlsBase: string, orgId: string): { keys: ThreddJwk[] } {
  const { certificate, kid } = pki.signing;
  const jwk = threddJwk({ certificate: certificate.der, kid, x5u: '' });
  return { keys: [{ ...jwk, x5u: `${tlsBase}/ehi/${orgId}/${jwk['x5t#S256']}.pem` }] };
}

export interface EhiRouteDependencies {
  pki: EhiPki;
  orgId: string;
  /** The TLS listener's base URL, known once it listens. */
  tlsBase(): string;
}

export function addEhiRoutes(router: Router<RouteHandler>, dependencies: EhiRouteDependencies): void {
  const { pki, orgId } = dependencies;
  const checkOrg = (id: string) => {
    if (id !== orgId) throw new ApiError(404, 'not_found', `No organisation ${id}; this sandbox's EHI JWKS is /ehi/${orgId}/jwks.json.`);
  };
  router.add('GET', '/ehi/{orgId}/jwks.json', (context) => {
    checkOrg(context.params.orgId);
    // Thredd asks endpoints to cache the keys; the sandbox lets them (and refetch on an unknown kid).
    return { status: 200, headers: { 'cache-control': 'public, max-age=300' }, body: ehiJwksDocument(pki, dependencies.tlsBase(), orgId) };
  });
  router.add('GET', '/ehi/{orgId}/{file}', (context) => {
    checkOrg(context.params.orgId);
    const [jwk] = ehiJwksDocument(pki, dependencies.tlsBase(), orgId).keys;
    if (context.params.file !== `${jwk['x5t#S256']}.pem`) {
      throw new ApiError(404, 'not_found', `No certificate ${context.params.file}; the signing certificate is ${jwk.x5u}.`);
    }
    return { status: 200, contentType: 'application/x-pem-file', text: pki.signing.certificate.pem };
  });
}
