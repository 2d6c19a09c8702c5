import { operationById, type OperationId } from '../core/catalogue';

/**
 * The sandbox program's card products and control groups: a fixed set, as a Program Manager's product set-up form
 * would give them, in the shapes Getting Product Data and List Card Control Groups publish. The catalogue's
 * examples show the same products and groups, so a request written from them works here.
 */
export interface SandboxProduct {
  productId: number;
  productName: string;
  productShortName: string;
  /** Get Product's two digits for the card brand: 01 Mastercard, 02 Visa. */
  accountCode: string;
  schemeId: number;
  schemeName: string;
  currencyCode: string;
  /** ISO 4217 numeric, as transaction details give the billing currency. */
  currencyNumericCode: string;
  /** 0 Mastercard, 1 Visa (Retrieve Card's cardProduct.networkId). */
  networkId: number;
  cardNetwork: 'MASTERCARD' | 'VISA';
  /** The first six digits of its cards' PANs. */
  bin: string;
}

export const SANDBOX_PRODUCTS: readonly SandboxProduct[] = [
  {
    productId: 1001,
    productName: 'Sandbox Prepaid GBP',
    productShortName: 'SBXPREPAID',
    accountCode: '01',
    schemeId: 510,
    schemeName: 'SANDBOX MASTERCARD',
    currencyCode: 'GBP',
    currencyNumericCode: '826',
    networkId: 0,
    cardNetwork: 'MASTERCARD',
    bin: '531610',
  },
  {
    productId: 1002,
    productName: 'Sandbox Debit EUR',
    productShortName: 'SBXDEBIT',
    accountCode: '02',
    schemeId: 520,
    schemeName: 'SANDBOX VISA',
    currencyCode: 'EUR',
    currencyNumericCode: '978',
    networkId: 1,
    cardNetwork: 'VISA',
    bin: '454313',
  },
  {
    productId: 1003,
    productName: 'Sandbox Virtual USD',
    productShortName: 'SBXVIRTUAL',
    accountCode: '01',
    schemeId: 510,
    schemeName: 'SANDBOX MASTERCARD',
    currencyCode: 'USD',
    currencyNumericCode: '840',
    networkId: 0,
    cardNetwork: 'MASTERCARD',
    bin: '531611',
  },
];

export function sandboxProduct(productId: number): SandboxProduct | undefined {
  return SANDBOX_PRODUCTS.find((product) => product.productId === productId);
}

/** External Host Interface mode 3 (the examples'): Thredd authorises, the EHI is told. */
export const SANDBOX_EHI_MODE = 3;

/** The groups of the sandbox program: those the catalogue's example of List Card Control Groups shows. */
export const SANDBOX_GROUPS = exampleAnswer('groups.list', 'groups');

/**
 * What the sandbox's products share beyond their ids, scheme and currency: the set-up (fee and usage groups,
 * 3-D Secure through Apata) of the catalogue's example product.
 */
export const SANDBOX_PRODUCT_SET_UP = exampleAnswer('products.get', 'product') as Record<string, unknown>;

/** The groups a new card is in: the products' standard limits and usage groups, none of the others. */
export const NEW_CARD_GROUPS = { limitsGroup: 2001, usageGroup: 2002 } as const;

function exampleAnswer(operationId: OperationId, exampleId: string): unknown {
  return structuredClone(operationById(operationId).examples.find((example) => example.id === exampleId)!.response.body);
}
