import * as path from 'node:path';
import { findConfigFile, formatConfigDiagnostic, loadConfigFile, type Environment, type ThreddConfig } from '../../core/config';
import { isUserError } from '../../core/errors/userError';
import { describeRoute, proxyDecision } from '../../core/proxy';
import { CliError, type CliCommand, type CliIo } from '../command';

export const configCheckCommand: CliCommand = {
  path: ['config', 'check'],
  summary: 'Validate thredd.json, list its problems with line numbers and fixes, and show the proxy each environment uses',
  usage: 'thredd config check [--config FILE] [--json]',
  options: { config: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const file = typeof values.config === 'string' ? path.resolve(io.cwd, values.config) : findConfigFile(io.cwd);
    if (!file)
      throw new CliError(`No thredd.json found in ${io.cwd} or above; pass --config FILE or create one with "Thredd: Create thredd.json".`);
    const { config, diagnostics } = await loadConfigFile(file, { env: io.env });
    const routes = config ? routesOf(config, io) : {};
    const routable = Object.values(routes).every((route) => route.ok);
    if (values.json) {
      const proxies = Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, route.text]));
      const environments = config ? Object.keys(config.environments) : [];
      io.out(JSON.stringify({ file, valid: config !== undefined, environments, proxies, diagnostics }, null, 2) + '\n');
    } else {
      for (const diagnostic of diagnostics) io.err(formatConfigDiagnostic(diagnostic) + '\n');
      if (config)
        io.out(
          `${file}: OK (${Object.keys(config.environments).length} environments, ` +
            `${Object.keys(config.applications).length} applications)\n`,
        );
      for (const [name, route] of Object.entries(routes)) (route.ok ? io.out : io.err)(`${name}: ${route.text}\n`);
    }
    return config && routable ? 0 : 1;
  },
};

/**
 * How each environment's requests leave this machine, and which setting or variable decided: thredd.json
 * and the process environment (VS Code's http.proxy and the CLI's --proxy are not known here). The token
 * endpoint is named too when its route differs from the API's (NO_PROXY may list one and not the other).
 */
function routesOf(config: ThreddConfig, io: CliIo): Record<string, { ok: boolean; text: string }> {
  const describeFor = (environment: Environment) => {
    try {
      const decide = proxyDecision({ environment: { name: environment.name, proxy: environment.proxy }, env: io.env });
      const api = describeRoute(decide(new URL(environment.baseUrl)));
      const token = environment.tokenUrl && describeRoute(decide(new URL(environment.tokenUrl)));
      return { ok: true, text: token && token !== api ? `${api}; token endpoint ${token}` : api };
    } catch (error) {
      if (!isUserError(error)) throw error;
      return { ok: false, text: error.userMessage() };
    }
  };
  return Object.fromEntries(Object.values(config.environments).map((environment) => [environment.name, describeFor(environment)]));
}
