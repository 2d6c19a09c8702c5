export * from './types';
export { createHttpClient, HttpClient, INSECURE_WARNING, PROXY_INSECURE_WARNING, type HttpClientOptions } from './httpClient';
export { DIRECT_ROUTE, routeFacts, type ConnectionRoute, type NetworkOptions, type ProxyRoute } from './network';
export { HttpError, classifyFailure, type HttpErrorKind } from './httpError';
export { bodyBytes, bodyPreview, discardBody, formatBytes, DEFAULT_MAX_IN_MEMORY_BYTES, DEFAULT_MAX_BODY_BYTES } from './responseBody';
export { loadCa, loadClientCertificate, loadTlsSettings, TlsConfigError } from './loadTlsSettings';
export { routeText } from './routeText';
