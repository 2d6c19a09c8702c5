import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/safeWrite';

/**
 * What a running sandbox writes into its state folder, so an editor opened on the same workspace can
 * tell it is running even when another process (npm start, a terminal) started it, and who that is.
 */
export interface RunningSandboxRecord {
  pid: number;
  /** Who started it, for "started by npm start (pid 123)". */
  owner: string;
  startedAt: string;
  urls: { tls: string; mtls: string; token: string };
}

export function runningFilePath(stateDir: string): string {
  return path.join(stateDir, 'running.json');
}

export async function writeRunningFile(stateDir: string, record: RunningSandboxRecord): Promise<void> {
  await writeFileAtomic(runningFilePath(stateDir), `${JSON.stringify(record, null, 2)}\n`, 0o644);
}

/** Removes the record if it is still this process's (a newer sandbox may have replaced it). */
export async function removeRunningFile(stateDir: string, pid: number): Promise<void> {
  const record = await readRecord(stateDir);
  if (record?.pid === pid) await fs.promises.rm(runningFilePath(stateDir), { force: true });
}

/**
 * The sandbox serving from this state folder, or undefined. A record is believed only while its process
 * is alive and its TLS port accepts connections: a sandbox that was killed leaves a stale file behind.
 */
export async function findRunningSandbox(stateDir: string): Promise<RunningSandboxRecord | undefined> {
  const record = await readRecord(stateDir);
  if (!record || !isAlive(record.pid)) return undefined;
  return (await acceptsConnections(record.urls.tls)) ? record : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readRecord(stateDir: string): Promise<RunningSandboxRecord | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await fs.promises.readFile(runningFilePath(stateDir), 'utf8'));
  } catch {
    return undefined; // absent, or half-written by a process that died: no sandbox to show
  }
  const record = value as Partial<RunningSandboxRecord>;
  const valid = Number.isInteger(record.pid) && typeof record.owner === 'string' && typeof record.urls?.tls === 'string';
  return valid ? (record as RunningSandboxRecord) : undefined;
}

function acceptsConnections(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || 443 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
