// EHI (issue 14): Thredd's signed messages to the Program Manager's endpoint. Pure logic, no vscode.
export * from './signature';
export { EhiJwksError, readEhiJwks } from './jwks';
export { isJwksUrl, loadEhiJwks, type LoadEhiJwksOptions } from './loadEhiJwks';
export { threddJwk, x5dn, type ThreddJwk, type ThreddJwkInput } from './threddJwk';
export { describeEhiVerification, verifyEhiMessage, type EhiMessageVerification, type VerifyEhiMessageInput } from './verifyEhiMessage';
export { capturedBodyCandidates, readCapturedEhiRequest, type CapturedEhiRequest, type EhiBodyCandidate } from './capturedRequest';
