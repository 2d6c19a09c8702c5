import { SignJWT } from 'jose';
import { recordStatus, type CertificateRecord } from './certificateRegistry';
import { ApiError, readJsonBody } from './httpJson';
import type { RouteHandler } from './requestContext';
import type { Router } from './router';
import { DIRECTORY_ISSUER, SANDBOX_SCOPES } from './sandboxDefaults';
import { SandboxError } from './sandboxErrors';
import type { SandboxState } from './sandboxState';

export interface PortalDependencies {
  state: SandboxState;
  /** An RFC 7591 initial access token for one registration. */
  createInitialAccessToken(): Promise<string>;
  registrationEndpoint(): string;
}

const SSA_TTL_SECONDS = 3600;

/**
 * What the sandbox offers in place of Thredd Portal and the directory: certificate upload and listing
 * per application, the organisation JWKS, the CA chain, and software statements for DCR. Local only,
 * so there is no portal login.
 */
export function addPortalRoutes(router: Router<RouteHandler>, dependencies: PortalDependencies): void {
  const { state } = dependencies;
  const { identity } = state;
  const application = (appId: string) => {
    if (appId !== identity.application.appId)
      throw new ApiError(
        404,
        'application_not_found',
        `No application ${appId} in this sandbox; its application is ${identity.application.appId}.`,
      );
    return identity.application;
  };

  router.add('GET', '/portal/applications', () => {
    const { appId, name, pmid } = identity.application;
    return {
      status: 200,
      body: {
        items: [
          {
            appId,
            name,
            orgId: identity.orgId,
            pmid,
            scopes: SANDBOX_SCOPES,
            clients: [
              {
                clientId: identity.clients.privateKeyJwt,
                type: 'Machine to Machine',
                tokenEndpointAuthMethod: 'private_key_jwt',
                certificateBoundAccessTokens: true,
              },
              { clientId: identity.clients.clientSecret, type: 'Machine to Machine', tokenEndpointAuthMethod: 'client_secret_post' },
            ],
          },
        ],
      },
    };
  });

  router.add('GET', '/portal/applications/{appId}/certificates', async (context) => {
    const appId = application(context.params.appId).appId;
    const records = (await state.certificates.list()).filter((record) => record.appId === appId);
    return { status: 200, body: { items: records.map(describeRecord) } };
  });

  router.add('POST', '/portal/applications/{appId}/certificates', async (context) => {
    const appId = application(context.params.appId).appId;
    const body = await readJsonBody(context.request);
    if (typeof body.csr !== 'string')
      throw new ApiError(400, 'invalid_request', '"csr" is required: the PEM text of the CSR (-----BEGIN CERTIFICATE REQUEST-----...).');
    if (typeof body.type !== 'string') throw new ApiError(400, 'invalid_request', '"type" is required: "transport" or "signing".');
    if (body.days !== undefined && typeof body.days !== 'number')
      throw new ApiError(400, 'invalid_request', '"days" must be a number of days.');
    try {
      const issued = await state.issueCertificate({
        appId,
        csrPem: body.csr,
        type: body.type,
        days: body.days as number | undefined,
        source: 'The uploaded CSR',
      });
      return {
        status: 201,
        body: { ...describeRecord(issued.record), certificate: issued.certificatePem, caCertificates: issued.caChainPem },
      };
    } catch (error) {
      if (error instanceof SandboxError) throw new ApiError(error.status, error.code, `${error.message} ${error.fix}`);
      throw error;
    }
  });

  router.add('POST', '/portal/applications/{appId}/software-statement', async (context) => {
    const app = application(context.params.appId);
    // The claims become the registered client's metadata (RFC 7591 §2.3); the org JWKS supplies its keys.
    const softwareStatement = await new SignJWT({
      software_id: app.appId,
      org_id: identity.orgId,
      pmid: app.pmid,
      scope: SANDBOX_SCOPES.join(' '),
      client_name: app.name,
    })
      .setProtectedHeader({ alg: 'RS256', kid: state.directoryPublicJwk.kid })
      .setIssuer(DIRECTORY_ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${SSA_TTL_SECONDS}s`)
      .sign(state.directoryPrivateKey);
    return {
      status: 201,
      body: {
        software_statement: softwareStatement,
        initial_access_token: await dependencies.createInitialAccessToken(),
        registration_endpoint: dependencies.registrationEndpoint(),
        expires_in: SSA_TTL_SECONDS,
      },
    };
  });

  router.add('GET', '/portal/ca.pem', () => ({ status: 200, contentType: 'application/x-pem-file', text: state.ca.chainPem }));
  router.add('GET', '/directory/jwks.json', () => ({ status: 200, body: { keys: [state.directoryPublicJwk] } }));

  router.add('GET', '/{orgId}/jwks.json', async (context) => {
    if (context.params.orgId !== identity.orgId)
      throw new ApiError(404, 'not_found', `No organisation ${context.params.orgId}; this sandbox's JWKS is /${identity.orgId}/jwks.json.`);
    return { status: 200, body: await state.certificates.organisationJwks() };
  });
}

function describeRecord(record: CertificateRecord) {
  return {
    serialNumber: record.serialNumber,
    type: record.type,
    status: recordStatus(record),
    kid: record.kid ?? null,
    keyType: record.keyType,
    x5tS256: record.x5tS256,
    subject: record.subject,
    issued: record.issuedAt,
    notBefore: record.notBefore,
    expiry: record.notAfter,
  };
}
