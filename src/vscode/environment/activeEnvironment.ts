import * as vscode from 'vscode';
import type { Environment, ThreddConfig } from '../../core/config';
import { UserError } from '../../core/errors/userError';
import type { ConfigService } from '../config/configService';

const STATE_KEY = 'thredd.activeEnvironment';

/**
 * The environment requests go to: the user's choice, kept per workspace, or thredd.json's
 * defaultEnvironment, or the first one. Listeners hear about switches and config changes alike.
 */
export class ActiveEnvironment implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Environment | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly configService: ConfigService,
  ) {
    this.subscription = configService.onDidChange(async () => this.changed.fire(await this.get()));
  }

  async get(): Promise<Environment | undefined> {
    const config = (await this.configService.get())?.config;
    return config && pick(config, this.state.get<string>(STATE_KEY));
  }

  async set(name: string): Promise<Environment | undefined> {
    const config = (await this.configService.get())?.config;
    if (!config?.environments[name]) throw new UserError(`There is no environment "${name}" in thredd.json.`);
    await this.state.update(STATE_KEY, name);
    const environment = config.environments[name];
    this.changed.fire(environment);
    return environment;
  }

  /** `Thredd: Select Environment`: a quick pick of the environments, the active one first. */
  async choose(name?: string): Promise<Environment | undefined> {
    if (name) return this.set(name);
    const config = (await this.configService.get())?.config;
    if (!config) {
      void vscode.window
        .showWarningMessage('There is no valid thredd.json to choose an environment from.', 'Create thredd.json')
        .then((choice) => choice && vscode.commands.executeCommand('thredd.createConfig'));
      return undefined;
    }
    const active = await this.get();
    const items = Object.values(config.environments).map((environment) => ({
      label: environment.name,
      description: environment.name === active?.name ? '$(check) active' : undefined,
      detail:
        `${environment.baseUrl} · ${environment.clientCertificate ? 'mTLS' : 'TLS'}` +
        `${environment.application ? ` · ${environment.application}` : ''}`,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Select Thredd Environment',
      placeHolder: 'Requests, tokens and the status bar use this environment',
    });
    return picked && this.set(picked.label);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function pick(config: ThreddConfig, chosen: string | undefined): Environment | undefined {
  const name = [chosen, config.defaultEnvironment].find((candidate) => candidate && config.environments[candidate]);
  return name ? config.environments[name] : Object.values(config.environments)[0];
}
