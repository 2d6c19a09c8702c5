import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportJWK, type JSONWebKeySet, type JWK } from 'jose';
import { writeFileAtomic, writeFileExclusive } from '../core/fs/safeWrite';
import type { IssuedFromCsr, SandboxCertificateType } from './csrIssuance';

/** What the portal lists for an issued certificate (Status, KID, Key Type, Issued, Expiry). */
export interface CertificateRecord {
  serialNumber: string;
  type: SandboxCertificateType;
  appId: string;
  kid?: string;
  keyType: string;
  x5tS256: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  issuedAt: string;
  /** The PEM file beside the record, in the certificates folder. */
  file: string;
}

const MTIME_GRANULARITY_MS = 2000;

export type RecordStatus = 'active' | 'expired' | 'not-yet-valid';

export function recordStatus(record: CertificateRecord, now = Date.now()): RecordStatus {
  if (Date.parse(record.notBefore) > now) return 'not-yet-valid';
  return Date.parse(record.notAfter) <= now ? 'expired' : 'active';
}

interface Loaded {
  record: CertificateRecord;
  jwk?: JWK;
}

/**
 * Issued certificates, one record + PEM per certificate in the state's certificates folder, so issuing
 * never rewrites a shared file and `thredd sandbox init`/`issue` can add certificates while a sandbox
 * runs in another process: the folder's mtime tells the running sandbox to read it again.
 */
export class CertificateRegistry {
  private loaded = new Map<string, Loaded>();
  private seenMtime = -1;

  constructor(private readonly dir: string) {}

  async add(appId: string, issued: IssuedFromCsr, now = new Date()): Promise<CertificateRecord> {
    const file = `${issued.serialNumber}.pem`;
    const record: CertificateRecord = {
      serialNumber: issued.serialNumber,
      type: issued.type,
      appId,
      ...(issued.kid ? { kid: issued.kid } : {}),
      keyType: issued.keyType,
      x5tS256: issued.x5tS256,
      subject: issued.subject,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      issuedAt: now.toISOString(),
      file,
    };
    await writeFileExclusive(path.join(this.dir, file), issued.pem, 0o644);
    // The record last, renamed into place: a reader never sees a record without its certificate.
    await writeFileAtomic(path.join(this.dir, `${issued.serialNumber}.json`), JSON.stringify(record, null, 2) + '\n', 0o644);
    await this.refresh(true);
    return record;
  }

  async list(): Promise<CertificateRecord[]> {
    await this.refresh();
    return [...this.loaded.values()].map((item) => item.record).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  }

  async findByThumbprint(x5tS256: string): Promise<CertificateRecord | undefined> {
    return (await this.list()).find((record) => record.x5tS256 === x5tS256);
  }

  /**
   * The organisation's JWKS: the public keys of its Signing certificates that are valid now, each with
   * its KID, x5c and x5t#S256. An expired certificate drops off, as a revoked one does on Thredd's JWKS.
   */
  async organisationJwks(now = Date.now()): Promise<JSONWebKeySet> {
    await this.refresh();
    const keys: JWK[] = [];
    for (const item of this.loaded.values()) {
      if (item.jwk && recordStatus(item.record, now) === 'active') keys.push(item.jwk);
    }
    return { keys };
  }

  private async refresh(force = false): Promise<void> {
    let mtime: number;
    try {
      mtime = (await fs.promises.stat(this.dir)).mtimeMs;
    } catch {
      return;
    }
    // A folder changed within the last seconds is read again whatever its mtime: some file systems keep
    // whole seconds, so a record added in the same second as the last read would otherwise be missed.
    if (!force && mtime === this.seenMtime && Date.now() - mtime > MTIME_GRANULARITY_MS) return;
    let complete = true;
    const names = (await fs.promises.readdir(this.dir)).filter((name) => name.endsWith('.json'));
    for (const name of names) {
      if (this.loaded.has(name)) continue;
      const item = await this.read(name);
      if (item) this.loaded.set(name, item);
      else complete = false;
    }
    // A record being written by another process is read on the next call.
    this.seenMtime = complete ? mtime : -1;
  }

  private async read(name: string): Promise<Loaded | undefined> {
    try {
      const record = JSON.parse(await fs.promises.readFile(path.join(this.dir, name), 'utf8')) as CertificateRecord;
      if (record.type !== 'signing' || !record.kid) return { record };
      const pem = await fs.promises.readFile(path.join(this.dir, record.file), 'utf8');
      const x509 = new X509Certificate(pem);
      const jwk: JWK = {
        ...(await exportJWK(x509.publicKey)),
        kid: record.kid,
        use: 'sig',
        x5c: [x509.raw.toString('base64')],
        'x5t#S256': record.x5tS256,
      };
      return { record, jwk };
    } catch {
      return undefined;
    }
  }
}
