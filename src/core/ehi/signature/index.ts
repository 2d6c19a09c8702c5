export {
  EHI_SIGNATURE_HEADER,
  formatEhiSignatureHeader,
  parseEhiSignatureHeader,
  type EhiSignatureCandidate,
  type EhiSignatureEncoding,
  type ParseEhiSignatureResult,
  type ParsedEhiSignature,
} from './header';
export { signEhiBody } from './sign';
export { verifyEhiSignature, type EhiJwks, type EhiKeySummary, type EhiVerification, type EhiVerifyFailureReason } from './verify';
