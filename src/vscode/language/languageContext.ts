import type * as vscode from 'vscode';
import type { ThreddConfig } from '../../core/config';
import type { ResolveContext, StoredExchange } from '../../core/requestFile';
import type { ConfigService } from '../config/configService';
import type { ActiveEnvironment } from '../environment/activeEnvironment';
import type { DocumentStore } from './documentStore';
import { resolveContextFor } from './resolveContext';

/** What every .thredd language feature needs, in one place: parses, config, active environment. */
export class LanguageContext {
  constructor(
    readonly store: DocumentStore,
    readonly configService: ConfigService,
    readonly activeEnvironment: ActiveEnvironment,
    /** The runner's stored exchanges, so hovers can show chained values once a request ran. */
    readonly responseOf: (name: string) => StoredExchange | undefined = () => undefined,
  ) {}

  async config(): Promise<ThreddConfig | undefined> {
    return (await this.configService.get())?.config;
  }

  /** The resolve context for `document` with the environment a `# @env` pins, or the active one. */
  async resolveContext(document: vscode.TextDocument, pinnedEnvironment?: string): Promise<ResolveContext> {
    const config = await this.config();
    const environment = (pinnedEnvironment && config?.environments[pinnedEnvironment]) || (await this.activeEnvironment.get());
    const clientId = environment?.application ? config?.applications[environment.application]?.clientId : undefined;
    return resolveContextFor(document, environment, clientId, this.responseOf);
  }
}
