// The Thredd view's pure core: certificate facts (cached by file mtime) and the tree model the
// VS Code layer maps to TreeItems, decorations, the view badge and the expiry notification.
export * from './types';
export {
  CertificateFactsCache,
  type CertificateFactsCacheOptions,
  type CertificateFileSystem,
  type CacheCounters,
} from './certificateFactsCache';
export { factsAt, type CertificateFileFacts, type CertificateFileRequest, type FactsErrorCode, type FactsTime } from './certificateFacts';
export { buildTreeModel, assembleTreeModel, type BuildTreeModelInput, type TreeModelInput } from './buildTreeModel';
export { expiryText, severityOfStatus, worstSeverity, governingCertificate } from './expiryText';
export { limitConcurrency } from './limitConcurrency';
export { indexTreeNodes } from './findNode';
