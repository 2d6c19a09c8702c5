import { SANDBOX_EHI_MODE, SANDBOX_GROUPS, SANDBOX_PRODUCTS, sandboxProduct, type SandboxProduct } from '../sandboxProducts';
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

/** Get Product's answer: the published example's members, 3-D Secure through Apata. */
function productAnswer(product: SandboxProduct) {
  return {
    supportedCredentialTypesCsv: null,
    supportedCredentialTypes: [],
    defaultCredentialTypeId: null,
    fallbackCredentialTypeId: null,
    productId: product.productId,
    accountCode: product.accountCode,
    schemeId: product.schemeId,
    schemeName: product.schemeName,
    currencyCode: product.currencyCode,
    groupFeeTranCode: '',
    groupFeeMasterCode: '',
    groupFeeWebCode: '',
    groupMCCCode: '',
    groupUsageCode: 'SBX-USAGE-01',
    ehiMode: SANDBOX_EHI_MODE,
    supplier3DS: '4',
    supplier3DSName: null,
    supplier3DSVersion: 'Apata',
    fraudManagement: 0,
    cardDefaultIsSingleUse: null,
    cardDefaultIsNonReloadable: null,
    fraudNotificationMethod: 0,
    config3dSecure: {
      language: 'en-GB',
      apata: {
        cardProgramId: 'sbx-program-01',
        challengeProfileId: 'sbx-challenge-01',
        kbaNumberOfQuestionsToAnswer: 0,
        kbaNumberOfIncorrectPermissible: 0,
      },
    },
  };
}
