import * as path from 'node:path';
import type { CertificateFileFacts } from './certificateFacts';
import { expiryText, governingCertificate, severityOfStatus } from './expiryText';
import type { CertificateNode, CertificateRole } from './types';

/** Where a certificate node sits and what the configuration expects of its file. */
export interface CertificateNodeSpec {
  id: string;
  parentId: string;
  label: string;
  role: CertificateRole;
  environment?: string;
  usedBy: string[];
  expectKey: boolean;
  configuredKid?: string;
  /** A workspace file thredd.json does not use: a passphrase we were never given is not a problem. */
  workspaceOnly: boolean;
}

/** A certificate node from the file's facts (status already computed at the build's `now`). */
export function certificateNode(spec: CertificateNodeSpec, facts: CertificateFileFacts, now: Date): CertificateNode {
  // One literal, then filled in: spreading a shared base into each result was 20x slower in V8,
  // which showed at 600 nodes per rebuild.
  const node: CertificateNode = {
    kind: 'certificate',
    id: spec.id,
    parentId: spec.parentId,
    label: spec.label,
    certificateType: spec.role,
    environment: spec.environment,
    usedBy: spec.usedBy,
    file: facts.file,
    keyFile: undefined,
    severity: 'ok',
    status: 'unreadable',
    description: undefined,
    error: undefined,
    expiry: undefined,
    tooltip: {
      certificates: [],
      privateKey: undefined,
      keyMatches: undefined,
      kid: spec.role === 'signing' ? { configured: spec.configuredKid, jwkThumbprint: undefined } : undefined,
    },
  };
  if (facts.kind === 'error') {
    if (spec.workspaceOnly && facts.code === 'passphrase-required') {
      node.status = 'locked';
      node.description = 'protected by a passphrase';
    } else {
      node.severity = 'error';
      node.description = node.error = facts.message;
    }
    return node;
  }

  const governing = governingCertificate(facts.certificates);
  node.keyFile = facts.keyFile;
  node.severity = severityOfStatus(governing.status);
  node.status = governing.status;
  node.description = expiryText(governing, now);
  node.expiry = {
    status: governing.status,
    daysRemaining: governing.daysRemaining,
    notBefore: governing.notBefore,
    notAfter: governing.notAfter,
  };
  node.tooltip.certificates = facts.certificates;
  node.tooltip.privateKey = facts.privateKey;
  node.tooltip.keyMatches = facts.keyMatches;
  if (node.tooltip.kid) node.tooltip.kid.jwkThumbprint = facts.certificates[0].publicKey?.jwkThumbprint;

  const fileName = path.basename(facts.file);
  const keyProblem =
    facts.keyMatches === false
      ? { status: 'key-mismatch' as const, text: 'key does not match', error: mismatchMessage(fileName, facts.keyFile) }
      : facts.keyError
        ? { status: 'key-unreadable' as const, text: 'key unreadable', error: facts.keyError }
        : spec.expectKey && !facts.keyFile && !facts.privateKey
          ? {
              status: 'key-unreadable' as const,
              text: 'no private key',
              error: `${fileName} holds no private key: export the PKCS#12 file together with its key.`,
            }
          : undefined;
  if (keyProblem) {
    // Expired or not yet valid stays the status (the more urgent fact); the key problem still shows.
    if (node.severity !== 'error') node.status = keyProblem.status;
    node.severity = 'error';
    node.description = `${keyProblem.text} · ${node.description}`;
    node.error = keyProblem.error;
  }
  return node;
}

function mismatchMessage(certificateName: string, keyFile: string | undefined): string {
  if (!keyFile)
    return (
      `${certificateName} holds a private key that does not belong to its certificate: export it again ` +
      `from the matching certificate and key.`
    );
  return (
    `${path.basename(keyFile)} is not the private key of ${certificateName}: point thredd.json at the ` +
    `key generated with this certificate's CSR.`
  );
}

/** private_key_jwt configured with a key but no "cert": nothing to date, the KID is still worth showing. */
export function keyOnlySigningNode(spec: CertificateNodeSpec, keyFile: string): CertificateNode {
  return {
    kind: 'certificate',
    id: spec.id,
    parentId: spec.parentId,
    label: spec.label,
    certificateType: 'signing',
    environment: spec.environment,
    usedBy: spec.usedBy,
    file: keyFile,
    keyFile,
    severity: 'ok',
    status: 'not-configured',
    description: 'no "cert" in thredd.json: add it to see expiry',
    tooltip: { certificates: [], kid: { configured: spec.configuredKid } },
  };
}
