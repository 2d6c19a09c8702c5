export { newTraceparent, postEhiMessage, type EhiEndpoint } from './postMessage';
export { RESPONSE_CODES } from './responseCodes';
export { checkAnswer, checkDuplicate, markResend, resendReason } from './rules';
export { simulateEhi, THREDD_MAX_ATTEMPTS, type SimulationOptions } from './simulate';
export type * from './types';
export { ehiEndpoint, type EhiEndpointOptions } from './endpoint';
export { describeEhiMessage, summariseEhiReport } from './describeReport';
