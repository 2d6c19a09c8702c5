import * as path from 'node:path';
import { REGION_NAMES } from '../catalogue/regions';
import type { Application, ConfigDiagnostic, Environment, ThreddConfig } from '../config';
import { certificatesNeedingAttention } from './attention';
import type { CertificateFileFacts, CertificateFileRequest } from './certificateFacts';
import type { CertificateFactsCache } from './certificateFactsCache';
import { certificateNode, keyOnlySigningNode, type CertificateNodeSpec } from './certificateNode';
import { allCertificateUsages, environmentNodeId, type CertificateUsage } from './certificateUsages';
import { worstSeverity } from './expiryText';
import type { ApplicationNode, CertificateNode, ConfigErrorNode, EnvironmentNode, GroupNode, TreeModel, TreeNode } from './types';

export interface TreeModelInput {
  /** Absent when thredd.json is missing or has errors. */
  config?: ThreddConfig;
  configDiagnostics: readonly ConfigDiagnostic[];
  /** Certificate files found in the workspace (the VS Code layer globs), absolute paths. */
  workspaceCertificateFiles: readonly string[];
  warningDays: number;
  now: Date;
  /** The persisted choice; falls back to defaultEnvironment when it no longer exists. */
  activeEnvironment?: string;
}

export interface BuildTreeModelInput extends TreeModelInput {
  facts: CertificateFactsCache;
}

const AUTH_LABELS = {
  private_key_jwt: 'private_key_jwt',
  client_secret_post: 'client secret (post)',
  client_secret_basic: 'client secret (basic)',
} as const;
const ENVIRONMENTS_ID = 'group:environments';
const CERTIFICATES_ID = 'group:certificates';

/** Reads (through the cache) every certificate file the view shows, then assembles the model. */
export async function buildTreeModel(input: BuildTreeModelInput): Promise<TreeModel> {
  const requests = uniqueRequests(input);
  const results = await input.facts.getMany(requests, { now: input.now, warningDays: input.warningDays });
  const byKey = new Map(requests.map((request, index) => [requestKey(request), results[index]]));
  return assembleTreeModel(input, (request) => byKey.get(requestKey(request))!);
}

/**
 * The model from the configuration and each file's facts; pure. The "Certificates" group lists
 * every workspace certificate file, also those shown under environments (with `usedBy`), so it
 * stays the same list while thredd.json is broken and doubles as an index of where files are used.
 */
export function assembleTreeModel(input: TreeModelInput, factsFor: (request: CertificateFileRequest) => CertificateFileFacts): TreeModel {
  const { config } = input;
  const usages = allCertificateUsages(config);
  const usedBy = usageLabelsByFile(usages);
  const certificateNodes: CertificateNode[] = [];
  const roots: TreeNode[] = [];

  const activeEnvironment =
    config && input.activeEnvironment && input.activeEnvironment in config.environments
      ? input.activeEnvironment
      : config?.defaultEnvironment;
  if (config) {
    const byEnvironment = new Map<string, CertificateUsage[]>();
    for (const usage of usages) byEnvironment.set(usage.environment, [...(byEnvironment.get(usage.environment) ?? []), usage]);
    const environments = Object.values(config.environments).map((environment) => {
      const node = environmentNode(config, environment, environment.name === activeEnvironment);
      for (const usage of byEnvironment.get(environment.name) ?? []) {
        const spec = {
          id: usage.nodeId,
          parentId: node.id,
          label: usage.label,
          role: usage.role,
          environment: environment.name,
          expectKey: usage.expectKey,
          configuredKid: usage.configuredKid,
          workspaceOnly: false,
        };
        const child = usage.request
          ? certificateNode({ ...spec, usedBy: usedBy.get(usage.request.file) ?? [] }, factsFor(usage.request), input.now)
          : keyOnlySigningNode({ ...spec, usedBy: [] }, usage.keyFileOnly ?? '');
        certificateNodes.push(child);
        node.children.push(child);
      }
      node.severity = worstSeverity(node.children.flatMap((child) => (child.kind === 'certificate' ? [child.severity] : [])));
      return node;
    });
    roots.push(group(ENVIRONMENTS_ID, 'environments', 'Environments', environments));
  } else {
    const errorNode = configErrorNode(input.configDiagnostics);
    if (errorNode) roots.push(errorNode);
  }

  const files = workspaceNodes(input, firstUsageByFile(usages), usedBy, factsFor);
  certificateNodes.push(...files);
  if (files.length > 0)
    roots.push({
      ...group(CERTIFICATES_ID, 'certificates', 'Certificates', files),
      description: `${files.length} file${files.length === 1 ? '' : 's'}`,
    });

  const attention = certificatesNeedingAttention(certificateNodes);
  return { roots, activeEnvironment, attentionCount: attention.length, certificatesNeedingAttention: attention };
}

function environmentNode(config: ThreddConfig, environment: Environment, active: boolean): EnvironmentNode {
  const connection = environment.clientCertificate ? 'mTLS' : 'TLS';
  const regionName = REGION_NAMES[environment.region];
  const parts = [environment.baseUrl, connection, `region ${environment.region} (${regionName})`];
  if (environment.insecure) parts.push('TLS verification off');
  const id = environmentNodeId(environment.name);
  const application = environment.application ? config.applications[environment.application] : undefined;
  return {
    kind: 'environment',
    id,
    parentId: ENVIRONMENTS_ID,
    label: environment.name,
    description: parts.join(' · '),
    name: environment.name,
    active,
    baseUrl: environment.baseUrl,
    tokenUrl: environment.tokenUrl,
    region: environment.region,
    regionName,
    connection,
    insecure: environment.insecure,
    application: environment.application,
    severity: 'ok',
    configFile: config.file,
    range: environment.range,
    children: application ? [applicationNode(config, application, environment.name, id)] : [],
  };
}

function applicationNode(config: ThreddConfig, application: Application, environment: string, parentId: string): ApplicationNode {
  const { auth } = application;
  return {
    kind: 'application',
    id: `${parentId}/application:${application.name}`,
    parentId,
    label: application.name,
    description: `${application.clientId || 'no client ID'} · ${AUTH_LABELS[auth.method]}`,
    name: application.name,
    environment,
    clientId: application.clientId,
    appId: application.appId,
    authMethod: auth.method,
    scopes: application.scopes,
    kid: auth.method === 'private_key_jwt' ? auth.kid : undefined,
    alg: auth.method === 'private_key_jwt' ? auth.alg : undefined,
    configFile: config.file,
    range: application.range,
  };
}

function workspaceNodes(
  input: TreeModelInput,
  usages: Map<string, CertificateUsage>,
  usedBy: Map<string, string[]>,
  factsFor: (request: CertificateFileRequest) => CertificateFileFacts,
): CertificateNode[] {
  const nodes: CertificateNode[] = [];
  for (const file of [...new Set(input.workspaceCertificateFiles.map((candidate) => path.resolve(candidate)))].sort()) {
    const usage = usages.get(file);
    const facts = factsFor(usage?.request ?? { file });
    // Globs like *.pem also match keys and CSRs: they are not certificates to badge.
    if (facts.kind === 'error' && (facts.code === 'key-not-certificate' || facts.code === 'csr-not-certificate')) continue;
    const spec: CertificateNodeSpec = {
      id: `file:${file}`,
      parentId: CERTIFICATES_ID,
      label: path.basename(file),
      role: usage?.role ?? 'unknown',
      usedBy: usedBy.get(file) ?? [],
      expectKey: usage?.expectKey ?? false,
      configuredKid: usage?.configuredKid,
      workspaceOnly: !usage,
    };
    nodes.push(certificateNode(spec, facts, input.now));
  }
  return nodes;
}

function configErrorNode(diagnostics: readonly ConfigDiagnostic[]): ConfigErrorNode | undefined {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const first = errors[0];
  if (!first) return undefined;
  const more = errors.length - 1;
  return {
    kind: 'configError',
    id: 'config-error',
    label: `${path.basename(first.file)}: ${first.message}`,
    description: `line ${first.range.start.line + 1}${more > 0 ? ` · ${more} more error${more === 1 ? '' : 's'}` : ''}`,
    severity: 'error',
    file: first.file,
    range: first.range,
    message: first.message,
    fix: first.fix,
    moreErrors: more,
  };
}

function group(id: string, kind: GroupNode['group'], label: string, children: (EnvironmentNode | CertificateNode)[]): GroupNode {
  return { kind: 'group', id, group: kind, label, severity: worstSeverity(children.map((child) => child.severity)), children };
}

/** "uat-mtls transport", "prod signing"... per absolute file path. */
function usageLabelsByFile(usages: CertificateUsage[]): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const usage of usages) {
    if (!usage.request) continue;
    const file = usage.request.file;
    labels.set(file, [...(labels.get(file) ?? []), `${usage.environment} ${usage.role}`]);
  }
  return labels;
}

/** Each distinct (file, key, passphrase) once, so a CA file shared by 50 environments is read once. */
function uniqueRequests(input: TreeModelInput): CertificateFileRequest[] {
  const usages = allCertificateUsages(input.config);
  const byFile = firstUsageByFile(usages);
  const requests = new Map<string, CertificateFileRequest>();
  for (const usage of usages) if (usage.request) requests.set(requestKey(usage.request), usage.request);
  for (const candidate of input.workspaceCertificateFiles) {
    const file = path.resolve(candidate);
    const request = byFile.get(file)?.request ?? { file };
    requests.set(requestKey(request), request);
  }
  return [...requests.values()];
}

/** A workspace file thredd.json uses is read as its first use reads it (with that key and passphrase). */
function firstUsageByFile(usages: CertificateUsage[]): Map<string, CertificateUsage> {
  const byFile = new Map<string, CertificateUsage>();
  for (const usage of usages) {
    if (!usage.request) continue;
    const file = usage.request.file;
    if (!byFile.has(file)) byFile.set(file, usage);
  }
  return byFile;
}

/** Requests here carry absolute paths (config paths resolved in certificateUsages, workspace files above). */
function requestKey(request: CertificateFileRequest): string {
  const passphrase = request.passphrase === undefined ? '' : `=${request.passphrase}`;
  return `${request.file}\0${request.keyFile ?? ''}\0${passphrase}\0${request.describeKey ? 'key' : ''}`;
}
