import type { CatalogueOperation } from '../catalogue';
import type { Application, Environment, ThreddConfig } from '../config';

export interface MissingScope {
  message: string;
  /** The application to add the scope to, with where thredd.json declares it. */
  application: Application;
  /** thredd.json. */
  configFile: string;
}

/**
 * The scope a request's operation needs and its environment's application does not ask for: its token will
 * not carry it and Thredd answers 403 (Connecting to Thredd guide v1.1, "Understanding Scopes"). `pinned` is
 * the request's `# @env`, which wins over the active environment. Nothing is said when the environment has
 * no application, or the application lists no scopes (its token request then names none and gets what the
 * client was granted).
 */
export function missingScope(
  operation: CatalogueOperation,
  config: ThreddConfig | undefined,
  active: Environment | undefined,
  pinned?: string,
): MissingScope | undefined {
  const environment = (pinned && config?.environments[pinned]) || active;
  const application = environment?.application ? config?.applications[environment.application] : undefined;
  if (!config || !environment || !application || application.scopes.length === 0 || application.scopes.includes(operation.scope))
    return undefined;
  return {
    application,
    configFile: config.file,
    message:
      `${operation.id} needs the scope ${operation.scope}, which application "${application.name}" of environment "${environment.name}" ` +
      `does not ask for (it asks for ${application.scopes.join(', ')}): Thredd would answer 403. ` +
      `Add "${operation.scope}" to "scopes" of applications."${application.name}" in thredd.json.`,
  };
}
