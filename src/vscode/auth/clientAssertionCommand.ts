import * as vscode from 'vscode';
import { secretNames } from '../../core/auth/secrets';
import { createClientAssertion, decodeAccessToken, loadSigningKey } from '../../core/engine';
import { UserError } from '../../core/errors/userError';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import type { AuthServices } from './authServices';

export interface AssertionSummary {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/**
 * `Thredd: Create Client Assertion`: a private_key_jwt assertion for the active environment's
 * application, copied to the clipboard (for Postman or curl), with its header and claims shown.
 */
export async function createClientAssertionCommand(
  auth: AuthServices,
  log: vscode.LogOutputChannel,
  args: { environment?: string } = {},
): Promise<AssertionSummary | undefined> {
  if (!requireTrust('read signing keys')) return undefined;
  try {
    const { environment, application } = await auth.target(args.environment);
    if (application.auth.method !== 'private_key_jwt') {
      throw new UserError(
        `Application "${application.name}" authenticates with a client secret, not private_key_jwt: it needs no client assertion.`,
      );
    }
    const audience = environment.audience ?? environment.tokenUrl;
    if (!audience) throw new UserError(`Environment "${environment.name}" has no "tokenUrl" (the assertion's audience).`);
    const passphrase = application.auth.passphrase ?? (await auth.secrets.get(secretNames.signingKeyPassphrase(application.name)));
    const key = await loadSigningKey(application.auth.key, passphrase);
    const assertion = await createClientAssertion({
      clientId: application.clientId,
      audience,
      key,
      keySource: application.auth.key,
      kid: application.auth.kid,
      alg: application.auth.alg,
    });
    await vscode.env.clipboard.writeText(assertion.jwt);
    const decoded = decodeAccessToken(assertion.jwt)!;
    const summary = { header: decoded.header, claims: decoded.payload as Record<string, unknown> };
    const document = await vscode.workspace.openTextDocument({
      language: 'jsonc',
      content:
        `// Client assertion for ${application.name} (${environment.name}); the JWT is on the clipboard ` +
        `and expires in 5 minutes.\n${JSON.stringify(summary, null, 2)}\n`,
    });
    await vscode.window.showTextDocument(document, { preview: true });
    log.info(
      `Created a client assertion for ${application.name} (kid ${application.auth.kid ?? 'none'}, ` +
        `${assertion.alg}); copied to the clipboard.`,
    );
    return summary;
  } catch (error) {
    void showUserError(log, error, 'Create Client Assertion');
    return undefined;
  }
}
