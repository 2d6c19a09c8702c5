import { introspectToken } from '../../core/auth';
import type { CliCommand } from '../command';
import { fromEnv, printWarnings, required, text, TLS_OPTIONS, TLS_USAGE, tlsFromOptions } from './authSupport';
import { PROXY_OPTIONS, PROXY_USAGE, withHttpClient } from './httpSupport';

const USAGE = `thredd introspect --url URL --token-env VAR --client-id ID --secret-env VAR [--json] ${TLS_USAGE} ${PROXY_USAGE}`;

export const introspectCommand: CliCommand = {
  path: ['introspect'],
  summary: 'Ask an RFC 7662 introspection endpoint whether a token is active (Basic auth)',
  usage: USAGE,
  options: {
    url: { type: 'string' },
    'token-env': { type: 'string' },
    'client-id': { type: 'string' },
    'secret-env': { type: 'string' },
    json: { type: 'boolean' },
    ...TLS_OPTIONS,
    ...PROXY_OPTIONS,
  },
  async run(values, _positionals, io) {
    const tokenVar = required(values, 'token-env', USAGE);
    const secretVar = required(values, 'secret-env', USAGE);
    const clientId = required(values, 'client-id', USAGE);
    const { tls, environment } = await tlsFromOptions(values, io);
    const url = text(values, 'url') ?? environment?.introspectionUrl ?? required(values, 'url', USAGE);
    const token = fromEnv(io, tokenVar, 'the token');
    const clientSecret = fromEnv(io, secretVar, 'the introspection secret');
    const result = await withHttpClient(values, io, environment, (http) =>
      introspectToken(http, { url, token, clientId, clientSecret, tls }),
    );
    printWarnings(io, result.warnings);
    if (values.json) {
      io.out(JSON.stringify(result.claims, null, 2) + '\n');
    } else if (!result.active) {
      io.out('Token is NOT active (expired, revoked, or unknown to this server).\n');
    } else {
      const expires = result.exp
        ? `${new Date(result.exp * 1000).toISOString()} (in ${result.exp - Math.floor(Date.now() / 1000)} s)`
        : 'unknown';
      io.out(`Token is active\nClient ID: ${result.clientId ?? '?'}\nScope: ${result.scope ?? '(none)'}\nExpires: ${expires}\n`);
    }
    return 0;
  },
};
