import type * as vscode from 'vscode';
import type { SecretSource } from '../../core/auth/secrets';

/** The core's SecretSource over VS Code's SecretStorage (the OS keychain): secrets never touch settings or files. */
export class SecretStorageSource implements SecretSource {
  constructor(private readonly storage: vscode.SecretStorage) {}

  async get(name: string): Promise<string | undefined> {
    return (await this.storage.get(name)) || undefined;
  }

  store(name: string, value: string): Thenable<void> {
    return this.storage.store(name, value);
  }

  delete(name: string): Thenable<void> {
    return this.storage.delete(name);
  }
}
