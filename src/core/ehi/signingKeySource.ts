import type { KeyObject } from 'node:crypto';
import * as path from 'node:path';
import type { Environment, ThreddConfig } from '../config/types';
import { sandboxStateDir } from '../sandboxStatus/stateDir';

/** The key and kid an EHI message is signed with (`k=<kid>` in X-Thredd-Signature). */
export interface EhiSigningKey {
  key: KeyObject;
  kid: string;
}

/**
 * Loads the EHI signing key of a sandbox state folder. The sandbox owns that key (src/sandbox/ehi), so the CLI and
 * the editor pass its loader in: the core does not load the sandbox's PKI code for requests that never sign.
 */
export type EhiSigningLoader = (stateDir: string) => Promise<EhiSigningKey>;

/** An environment variable in thredd.json naming the sandbox state folder whose EHI key `# @ehi-sign` uses. */
export const EHI_STATE_VARIABLE = 'ehiSandboxState';

/**
 * Where `# @ehi-sign` finds its key: the environment's `ehiSandboxState` variable (relative to thredd.json), else
 * `.thredd/sandbox` beside thredd.json, else in the workspace, else beside the request file.
 */
export function ehiStateDir(
  environment: Environment | undefined,
  config: ThreddConfig | undefined,
  base: { workspaceRoot?: string; filePath: string },
): string {
  const root = config?.dir ?? base.workspaceRoot ?? path.dirname(base.filePath);
  const configured = environment?.variables[EHI_STATE_VARIABLE];
  return configured ? path.resolve(config?.dir ?? root, configured) : sandboxStateDir(root);
}
