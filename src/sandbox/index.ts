// The local Thredd sandbox: CA, authorization server and API subset on TLS and mTLS listeners.
// The CLI (`thredd sandbox`) and the VS Code commands are thin shells over this API.
export { startSandbox, defaultStateDir, type StartSandboxOptions, type RunningSandbox, type SandboxApplication } from './startSandbox';
export { initSandboxWorkspace, type InitSandboxWorkspaceOptions, type InitSandboxWorkspaceResult } from './initSandboxWorkspace';
export { openSandboxState, type SandboxState, type IssueRequest, type IssueResult } from './sandboxState';
export type { SandboxIdentity } from './sandboxIdentity';
export { sandboxUrls, type SandboxUrls } from './sandboxUrls';
export { SANDBOX_ENTRY_NAMES } from './workspaceConfig';
export { SANDBOX_CERTIFICATE_TYPES, type SandboxCertificateType } from './csrIssuance';
export { recordStatus, type CertificateRecord } from './certificateRegistry';
export { NO_CERTIFICATE_MESSAGE } from './clientCertificateGate';
export { SandboxError } from './sandboxErrors';
export * from './sandboxDefaults';
