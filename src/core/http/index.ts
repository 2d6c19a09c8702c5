export * from './types';
export { HttpClient, INSECURE_WARNING, type HttpClientOptions } from './httpClient';
export { HttpError, classifyFailure, type HttpErrorKind } from './httpError';
export { bodyBytes, bodyPreview, discardBody, formatBytes, DEFAULT_MAX_IN_MEMORY_BYTES, DEFAULT_MAX_BODY_BYTES } from './responseBody';
export { loadCa, loadClientCertificate, loadTlsSettings, TlsConfigError } from './loadTlsSettings';
