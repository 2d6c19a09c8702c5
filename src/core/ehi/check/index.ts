export { checkEhiEndpoint } from './runCheck';
export { loadCheckOptions, type EhiCheckFiles } from './checkInputs';
export { formatReport } from './formatReport';
export { EhiCheckError } from './ehiCheckError';
export type { CheckReport, EhiCheckOptions } from './types';
export type { EhiFinding, FindingStatus } from '../findings';
