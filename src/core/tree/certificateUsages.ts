import * as path from 'node:path';
import type { Environment, ThreddConfig } from '../config';
import type { CertificateFileRequest } from './certificateFacts';
import type { CertificateRole } from './types';

/** One place thredd.json uses a certificate, and how to read it there. */
export interface CertificateUsage {
  nodeId: string;
  environment: string;
  role: Exclude<CertificateRole, 'unknown'>;
  label: string;
  /** Absent for private_key_jwt without "cert": only the key is configured. */
  request?: CertificateFileRequest;
  /** The signing key when there is no certificate to read. */
  keyFileOnly?: string;
  /** Transport and Signing certificates are useless without their private key. */
  expectKey: boolean;
  configuredKid?: string;
}

export const environmentNodeId = (name: string) => `env:${name}`;

/** Transport (mtls cert/key or pfx), Signing (the application's private_key_jwt cert + key) and CA chain, per environment. */
export function certificateUsages(config: ThreddConfig, environment: Environment): CertificateUsage[] {
  const base = environmentNodeId(environment.name);
  const usages: CertificateUsage[] = [];
  const mtls = environment.clientCertificate;
  if (mtls) {
    const request =
      mtls.kind === 'pem'
        ? { file: absolute(mtls.cert), keyFile: absolute(mtls.key), passphrase: mtls.passphrase }
        : { file: absolute(mtls.pfx), passphrase: mtls.passphrase };
    usages.push({
      nodeId: `${base}/transport`,
      environment: environment.name,
      role: 'transport',
      label: 'Transport certificate',
      request,
      expectKey: true,
    });
  }
  const application = environment.application ? config.applications[environment.application] : undefined;
  if (application?.auth.method === 'private_key_jwt') {
    const { cert, key, passphrase, kid } = application.auth;
    usages.push({
      nodeId: `${base}/signing`,
      environment: environment.name,
      role: 'signing',
      label: 'Signing certificate',
      // The KID Thredd Portal shows is the key's thumbprint: only Signing certificates have their key described.
      request: cert ? { file: absolute(cert), keyFile: key ? absolute(key) : undefined, passphrase, describeKey: true } : undefined,
      keyFileOnly: cert ? undefined : key,
      expectKey: true,
      configuredKid: kid,
    });
  }
  if (environment.ca) {
    usages.push({
      nodeId: `${base}/ca`,
      environment: environment.name,
      role: 'ca',
      label: 'CA chain',
      request: { file: absolute(environment.ca) },
      expectKey: false,
    });
  }
  return usages;
}

/** Config paths are absolute already; normalizing once lets the builder compare them as strings. */
const absolute = (file: string) => path.resolve(file);

export function allCertificateUsages(config: ThreddConfig | undefined): CertificateUsage[] {
  return config ? Object.values(config.environments).flatMap((environment) => certificateUsages(config, environment)) : [];
}
