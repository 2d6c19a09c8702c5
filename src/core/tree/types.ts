// The Thredd view as plain data: the VS Code layer maps each node 1:1 to a TreeItem
// (label, description, icon from `severity`, tooltip from the node's data, children as given).
import type { ClientAuthMethod, Region, SigningAlgorithm, TextRange } from '../config';
import type { CertificateStatus, CertificateSummary, DnFields, KeyDescription } from '../pki';
import type { Severity } from './expiryText';

export type { Severity } from './expiryText';

/** What a certificate is for, from where thredd.json uses it; `unknown` for other workspace files. */
export type CertificateRole = 'transport' | 'signing' | 'ca' | 'unknown';

interface NodeBase {
  /** Stable across rebuilds (derived from names and paths), for TreeItem.id and reveal. */
  id: string;
  /** For TreeDataProvider.getParent; absent on roots. */
  parentId?: string;
  label: string;
  description?: string;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  group: 'environments' | 'certificates';
  /** The worst severity below it, so a collapsed group still shows trouble. */
  severity: Severity;
  children: TreeNode[];
}

export interface EnvironmentNode extends NodeBase {
  kind: 'environment';
  name: string;
  /** The active environment (status bar, requests without an explicit one). */
  active: boolean;
  baseUrl: string;
  tokenUrl?: string;
  region: Region;
  /** "Default" / "EMEA" / "APAC" (X-Region, Connecting to Thredd guide). */
  regionName: string;
  /** mTLS when a client (Transport) certificate is configured. */
  connection: 'mTLS' | 'TLS';
  insecure: boolean;
  application?: string;
  /** The worst severity of its certificates. */
  severity: Severity;
  configFile: string;
  range: TextRange;
  children: TreeNode[];
}

export interface ApplicationNode extends NodeBase {
  kind: 'application';
  name: string;
  environment: string;
  clientId: string;
  appId?: string;
  authMethod: ClientAuthMethod;
  scopes: string[];
  /** Configured Signing Certificate KID and algorithm (private_key_jwt only). */
  kid?: string;
  alg?: SigningAlgorithm;
  configFile: string;
  range: TextRange;
}

/** Why a certificate node looks the way it does, most specific first. */
export type CertificateNodeStatus =
  | CertificateStatus
  /** The key given with it belongs to another certificate. */
  | 'key-mismatch'
  /** The certificate reads but its key file does not (missing, wrong passphrase), or a PFX holds no key. */
  | 'key-unreadable'
  /** The certificate file itself cannot be used; `error` says why. */
  | 'unreadable'
  /** A workspace PKCS#12 file that thredd.json does not use, so its passphrase is unknown: not a problem. */
  | 'locked'
  /** private_key_jwt without "cert": there is nothing to date. */
  | 'not-configured';

export interface KidFacts {
  /** `auth.kid` in thredd.json: the Key ID Thredd Portal shows for the Signing Certificate. */
  configured?: string;
  /** RFC 7638 JWK thumbprint of the certificate's public key (the usual JWKS kid). */
  jwkThumbprint?: string;
}

export interface CertificateNode extends NodeBase {
  kind: 'certificate';
  severity: Severity;
  status: CertificateNodeStatus;
  certificateType: CertificateRole;
  /** The certificate (or PKCS#12) file; for `not-configured`, the signing key file. */
  file: string;
  keyFile?: string;
  /** The environment it is shown under; absent in the workspace "Certificates" group. */
  environment?: string;
  /** Where thredd.json uses this file, e.g. ["uat-mtls transport", "prod signing"]. */
  usedBy: string[];
  /** The problem in words when severity is error and the reason is not expiry. */
  error?: string;
  /** Status/days as of the build, of the certificate that decides the badge (see governingCertificate). */
  expiry?: { status: CertificateStatus; daysRemaining: number; notBefore: string; notAfter: string };
  tooltip: CertificateTooltip;
}

export interface CertificateTooltip {
  /** Every certificate in the file, leaf first, with status as of the build. */
  certificates: CertificateSummary[];
  privateKey?: KeyDescription;
  keyMatches?: boolean;
  kid?: KidFacts;
}

/** A thredd.json with errors: one node that opens the file at the first problem. */
export interface ConfigErrorNode extends NodeBase {
  kind: 'configError';
  severity: 'error';
  file: string;
  range: TextRange;
  message: string;
  fix: string;
  /** Errors after the first one (all are in the Problems panel). */
  moreErrors: number;
}

export type TreeNode = GroupNode | EnvironmentNode | ApplicationNode | CertificateNode | ConfigErrorNode;

/** One file for the daily notification and Explorer decorations; each file appears once. */
export interface AttentionItem {
  file: string;
  /** Node to reveal for "Show". */
  nodeId: string;
  /** e.g. "Transport certificate (uat-mtls)" or the file name. */
  label: string;
  severity: Exclude<Severity, 'ok'>;
  status: CertificateNodeStatus;
  /** The node's description, e.g. "expires in 45 days". */
  summary: string;
  daysRemaining?: number;
  notAfter?: string;
  /** Leaf subject, to pre-fill "Generate new CSR". */
  subject?: DnFields;
  type: CertificateRole;
}

export interface TreeModel {
  roots: TreeNode[];
  /** The environment in effect: the one asked for if it exists, else thredd.json's default. */
  activeEnvironment?: string;
  /** Certificate files needing attention (warning + error), each file once: the view badge. */
  attentionCount: number;
  certificatesNeedingAttention: AttentionItem[];
}
