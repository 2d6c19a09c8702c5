import type { Application, Environment, ThreddConfig } from '../config/types';
import type { EnvironmentValues } from '../requestFile/resolveTypes';
import { suggestionText } from '../text/suggest';
import type { RunError } from './types';

export interface Target {
  environment?: Environment;
  /** The environment's application: its token is sent unless `# @no-auth`. */
  application?: Application;
}

/**
 * The environment a request runs in: its `# @env NAME` pin, else the active one, else the config's
 * default (or its only environment). No config means no environment: URLs must then be absolute.
 */
export function chooseEnvironment(
  config: ThreddConfig | undefined,
  pinned: string | undefined,
  active: string | undefined,
): Target | RunError {
  const wanted = pinned ?? active;
  if (!config) {
    if (!wanted) return {};
    return {
      kind: 'environment',
      message: `Environment "${wanted}" is asked for, but no thredd.json was found.`,
      explanation: 'Create thredd.json next to the request files (or above them), or pass --config FILE.',
    };
  }
  const names = Object.keys(config.environments);
  const name = wanted ?? config.defaultEnvironment ?? (names.length === 1 ? names[0] : undefined);
  if (!name) return {};
  const environment = config.environments[name];
  if (!environment) {
    const where = pinned ? `"# @env ${pinned}" names` : 'The active environment is';
    return {
      kind: 'environment',
      message: `${where} "${name}", which is not in ${config.file}: ${suggestionText(name, names)}`,
      explanation: `Use one of: ${names.join(', ') || '(none yet: add an environment to thredd.json)'}.`,
    };
  }
  const application = environment.application ? config.applications[environment.application] : undefined;
  return { environment, application };
}

export function isRunError(value: unknown): value is RunError {
  return typeof (value as RunError)?.kind === 'string' && typeof (value as RunError).explanation === 'string';
}

/** What `{{baseUrl}}`, `{{region}}`, `{{clientId}}` and the environment's variables mean. */
export function environmentValues(target: Target): EnvironmentValues | undefined {
  const { environment, application } = target;
  if (!environment) return undefined;
  return {
    name: environment.name,
    baseUrl: environment.baseUrl,
    region: environment.region,
    clientId: application?.clientId,
    variables: environment.variables,
  };
}
