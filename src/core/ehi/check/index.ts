export { checkEhiEndpoint } from './runCheck';
export { loadCheckOptions, type EhiCheckFiles } from './checkInputs';
export { formatReport } from './formatReport';
export { EhiCheckError } from './ehiCheckError';
export type { CheckReport, EhiCheckOptions, Finding, FindingStatus } from './types';
