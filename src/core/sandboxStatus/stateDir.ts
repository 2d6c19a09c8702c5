import * as path from 'node:path';

/** Where a workspace's local sandbox keeps its state (CA keys, EHI keys, running.json), relative to the workspace. */
export const SANDBOX_STATE_DIR = path.join('.thredd', 'sandbox');

/** The sandbox state folder of a workspace: <workspace>/.thredd/sandbox. */
export function sandboxStateDir(workspace: string): string {
  return path.join(workspace, SANDBOX_STATE_DIR);
}
