import { envSecretSource, TokenClient, type TokenResult } from '../../core/auth';
import { routeText } from '../../core/http';
import type { CliCommand } from '../command';
import { applicationOf, loadConfig, pickEnvironment, printWarnings, redact, text } from './authSupport';
import { PROXY_OPTIONS, PROXY_USAGE, withHttpClient } from './httpSupport';

const USAGE = `thredd token [--env NAME] [--config FILE] [--json] [--show-token] ${PROXY_USAGE}`;

export const tokenCommand: CliCommand = {
  path: ['token'],
  summary: 'Get an access token for an environment (client secret from THREDD_CLIENT_SECRET or thredd.json)',
  usage: USAGE,
  options: {
    env: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    'show-token': { type: 'boolean' },
    ...PROXY_OPTIONS,
  },
  async run(values, _positionals, io) {
    const config = await loadConfig(values, io);
    const environment = pickEnvironment(config, text(values, 'env'));
    const application = applicationOf(config, environment);
    const token = await withHttpClient(values, io, environment, (http) =>
      new TokenClient({ http, secrets: envSecretSource(io.env) }).requestToken({ environment, application }),
    );
    const shown = values['show-token'] ? token.accessToken : redact(token.accessToken);
    printWarnings(io, token.warnings);
    io.out(values.json ? JSON.stringify(asJson(token, shown), null, 2) + '\n' : describe(token, shown));
    return 0;
  },
};

function asJson(token: TokenResult, shown: string) {
  return {
    access_token: shown,
    token_type: token.tokenType,
    expires_in: token.expiresIn,
    scope: token.scope ?? null,
    claims: token.claims?.payload ?? null,
    boundToCertificate: token.binding
      ? { 'x5t#S256': token.binding.tokenX5tS256, matchesTransportCertificate: token.binding.matches }
      : null,
    route: token.http.route ?? null,
  };
}

function describe(token: TokenResult, shown: string): string {
  const lines = [
    `Access token (${token.tokenType}): ${shown}`,
    `Expires in ${token.expiresIn} s (${new Date(token.expiresAt).toISOString()})`,
    `Scope: ${token.scope ?? '(none)'}`,
  ];
  if (token.claims) lines.push(`Client ID: ${token.claims.clientId ?? '?'}${token.claims.pmid ? `   PMID: ${token.claims.pmid}` : ''}`);
  if (token.binding) {
    lines.push(
      `Bound to certificate x5t#S256 ${token.binding.tokenX5tS256} (` +
        `${token.binding.matches ? 'matches the transport certificate' : 'does NOT match the transport certificate'})`,
    );
  }
  if (token.http.route?.kind === 'proxy') lines.push(`Token endpoint reached ${routeText(token.http.route)}`);
  if (shown !== token.accessToken) lines.push('(token redacted; pass --show-token to print it)');
  return lines.join('\n') + '\n';
}
