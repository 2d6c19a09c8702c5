import { SANDBOX_GROUPS, SANDBOX_PRODUCT_SET_UP, SANDBOX_PRODUCTS, sandboxProduct, type SandboxProduct } from '../sandboxProducts';
import type { OperationHandlers } from './operationCall';
import { notFound } from './problems';

/** Getting Product Data and List Card Control Groups: the sandbox program's fixed set-up (sandboxProducts.ts). */
export function productHandlers(): OperationHandlers<'products.list' | 'products.get' | 'groups.list'> {
  return {
    'products.list': () => ({ status: 200, body: SANDBOX_PRODUCTS.map(productSummary) }),
    'products.get': ({ params }) => {
      const product = sandboxProduct(Number(params.productId));
      if (!product) throw notFound(`No product with id ${params.productId} was found.`);
      return { status: 200, body: productAnswer(product) };
    },
    'groups.list': () => ({ status: 200, body: SANDBOX_GROUPS }),
  };
}

/** An item of the list, which spells the id productID (the single product spells it productId). */
function productSummary(product: SandboxProduct) {
  const { productId, productName, accountCode, schemeName, currencyCode } = product;
  return { productID: productId, productName, accountCode, schemeName, currencyCode };
}

/** Get Product's answer: the product's own ids, scheme and currency in the example product's set-up. */
function productAnswer(product: SandboxProduct) {
  const { productId, accountCode, schemeId, schemeName, currencyCode } = product;
  return { ...SANDBOX_PRODUCT_SET_UP, productId, accountCode, schemeId, schemeName, currencyCode };
}
