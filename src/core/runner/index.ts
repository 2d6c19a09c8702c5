export * from './types';
export { RequestRunner, type RequestRunnerOptions, type TokenSource } from './requestRunner';
export { ResponseStore } from './responseStore';
export {
  HistoryStore,
  DEFAULT_HISTORY_LIMIT,
  DEFAULT_HISTORY_BODY_BYTES,
  type HistoryEntry,
  type HistoryOptions,
  type HistoryResponse,
} from './history';
export { releaseResult, curlOfSent, describeResult, type SentCurlOptions } from './results';
export { headerRecord, maskCredential, BODY_PREVIEW_BYTES } from './redact';
export { parseContentType, isTextualType, decodeText } from './decodeBody';
