import { VIRTUAL_CARD_FULFILMENT } from '../../core/catalogue/operations/shared';
import type { CardRecord } from '../cardRecords';
import type { CardStore } from '../cardStore';
import { sandboxProduct, type SandboxProduct } from '../sandboxProducts';
import { cardAnswer, createdCardAnswer } from './cardAnswers';
import { cardChanges, type UpdateCardBody } from './cardUpdate';
import { lastDayOfMonth, newCardRecord, type CreateCardBody } from './newCard';
import { isoDate, requireCard, type OperationHandlers } from './operationCall';
import { brokenRule, invalidRequest, notFound } from './problems';
import { countryErrors } from './sentFields';

/** Create a Card, Retrieve a Card and Update a Card. */
export function cardHandlers(cards: CardStore): OperationHandlers<'cards.create' | 'cards.get' | 'cards.update'> {
  return {
    'cards.create': ({ body, caller, region, now }) => {
      const sent = body as CreateCardBody;
      const errors = countryErrors({ address: sent.address, fulfilment: sent.fulfilment });
      if (Object.keys(errors).length > 0) throw invalidRequest(errors);
      const product = sandboxProduct(sent.cardProduct);
      if (!product) throw notFound(`No product with id ${sent.cardProduct} was found: use a productID from GET /products.`);
      if (sent.cardType !== 'Physical' && sent.fulfilment) throw brokenRule(VIRTUAL_CARD_FULFILMENT);
      if (sent.expiryDate && lastDayOfMonth(sent.expiryDate) < isoDate(now)) {
        throw brokenRule(`The expiry date ${sent.expiryDate} has passed.`);
      }
      if (sent.parentCard) requireParent(cards, sent.parentCard, caller.pmid);
      const card = cards.create(newCardRecord(sent, product, { pmid: caller.pmid, region }, now));
      return { status: 200, body: createdCardAnswer(card) };
    },
    'cards.get': ({ params, caller }) => {
      const card = requireCard(cards, params.publicToken, caller);
      return { status: 200, body: cardAnswer(card, productOf(card), relatedCards(cards, card)) };
    },
    'cards.update': ({ params, body, caller }) => {
      const sent = body as UpdateCardBody;
      const errors = countryErrors({ address: sent.address, fulfilment: sent.fulfilment });
      if (Object.keys(errors).length > 0) throw invalidRequest(errors);
      const card = requireCard(cards, params.publicToken, caller);
      if (card.cardType !== 'Physical' && sent.fulfilment) throw brokenRule(VIRTUAL_CARD_FULFILMENT);
      if (sent.parentCard) requireParent(cards, sent.parentCard, caller.pmid);
      cards.update(card, cardChanges(card, sent));
      return { status: 204 };
    },
  };
}

/** The product of a stored card; cards are only made of the sandbox's fixed products. */
export function productOf(card: CardRecord): SandboxProduct {
  return sandboxProduct(card.productId)!;
}

function requireParent(cards: CardStore, publicToken: string, pmid: string): void {
  if (!cards.get(publicToken, pmid)) throw notFound(`No card with public token ${publicToken} was found to be the parentCard.`);
}

/** The cards sharing a parent with this one, and its own secondary cards, as numbers (Retrieve Card's example). */
function relatedCards(cards: CardStore, card: CardRecord) {
  const family = cards.list(card.pmid);
  const tokens = (list: CardRecord[]) => list.map((each) => Number(each.publicToken));
  const child = (each: CardRecord) => each.parentCard === card.publicToken;
  const sibling = (each: CardRecord) => !!card.parentCard && each.parentCard === card.parentCard && each.publicToken !== card.publicToken;
  return { childCards: tokens(family.filter(child)), siblingCards: tokens(family.filter(sibling)) };
}
