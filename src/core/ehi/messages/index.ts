export { EHI_MESSAGE_NAMES, EHI_MESSAGE_TYPES, ehiMessageType } from './catalogue';
export { newPurchase, type Purchase, type Scheme } from './purchase';
export { cryptoRandom, seededRandom, type EhiRandom } from './random';
export type { BuildContext, EhiMessage, EhiMessageType, ResponseKind } from './types';
