import { cardStatusByCode, cardStatusDescription, CONTROL_GROUP_TYPES } from '../../core/catalogue';
import type { AddressRecord, CardRecord } from '../cardRecords';
import { numericCountry } from '../countries';
import { NEW_CARD_GROUPS, SANDBOX_EHI_MODE, type SandboxProduct } from '../sandboxProducts';

/** The sandbox program's own ids, as Retrieve Card names the Program Manager. */
const PROGRAM_MANAGER = { programManagerID: 501, programManagerCode: 'SBX' };

/** Create Card's answer (the OpenAPI's CreateCardResponse). */
export function createdCardAnswer(card: CardRecord) {
  const { publicToken, customerReference, embossName, maskedPan, startDate, expiryDate } = card;
  return { publicToken, customerReference, embossName, maskedPan, startDate, expiryDate };
}

/** A status as Retrieve Card and Retrieve Card Status give it: "Active", "00", "00 (Active)". */
export function statusAnswer(card: CardRecord) {
  const status = cardStatusByCode(card.cardStatusCode)!;
  return { status: status.status, cardStatusCode: status.code, cardStatusDescription: cardStatusDescription(status) };
}

/** Get a Balance Enquiry's answer: what can be spent is the settled balance plus the (negative) pending amount. */
export function balanceAnswer(card: CardRecord, product: SandboxProduct) {
  const { cardBalance, pendingAmount } = card.balance;
  return { currencyCode: product.currencyCode, cardBalance, pendingAmount, availableBalance: money(cardBalance + pendingAmount) };
}

/** Retrieve Card's answer, in the published example's shape and order. */
export function cardAnswer(card: CardRecord, product: SandboxProduct, related: { childCards: number[]; siblingCards: number[] }) {
  return {
    cardType: card.cardType,
    publicToken: card.publicToken,
    ...statusAnswer(card),
    balance: balanceAnswer(card, product),
    cardDetails: {
      customerReference: card.customerReference,
      fullNameOnCard: card.embossName,
      maskedPan: card.maskedPan,
      startDate: card.startDate,
      expiryDate: card.expiryDate,
      // The full number and the security code are for programs allowed to see them; the sandbox's is not.
      clearPan: null,
      cvv: null,
      activationDate: card.activationDate,
      gpsExpiryDate: card.expiryDate,
    },
    cardHolder: { ...card.cardHolder },
    cardProduct: {
      scheme: product.schemeName,
      product: product.productId,
      productShortName: product.productShortName,
      productName: product.productName,
      ehiMode: SANDBOX_EHI_MODE,
      networkId: product.networkId,
    },
    controlGroups: controlGroups(),
    '3DS': [],
    designId: card.designId,
    ...related,
    address: answeredAddress(card.address),
    fulfilment: card.fulfilment && answeredAddress(card.fulfilment),
    freetext1: card.freetext1,
    freetext2: card.freetext2,
    isSingleUse: card.isSingleUse,
    isNonReloadable: card.isNonReloadable,
    networkSharingOptOut: card.networkSharingOptOut,
    cardAcceptorIds: { allowCardAcceptors: [], disallowCardAcceptors: [] },
    language3ds: card.language3ds,
    ...PROGRAM_MANAGER,
    oobAppUrl: card.oobAppUrl,
    isMultiFx: false,
    isMfxPrimary: false,
  };
}

/** Retrieve Card's group types, in its order: Thredd's numbered types, then limitedNetworkGroup, which has no number. */
const GROUP_NAMES = [...CONTROL_GROUP_TYPES.map((type) => type.name), 'limitedNetworkGroup'];

/** A card's groups: the products' standard limits and usage groups, null for the types it is in none of. */
function controlGroups(): Record<string, number | null> {
  const groups: Readonly<Record<string, number>> = NEW_CARD_GROUPS;
  return Object.fromEntries(GROUP_NAMES.map((name) => [name, groups[name] ?? null]));
}

/** Every line, '' when unknown, and the country as its ISO numeric code, as the published example has them. */
function answeredAddress(address: AddressRecord): AddressRecord {
  return { ...address, country: numericCountry(address.country) ?? address.country };
}

/** Amounts in a currency's minor units are kept exact to the cent. */
export function money(amount: number): number {
  return Math.round(amount * 100) / 100;
}
