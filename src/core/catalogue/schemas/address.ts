import type { JsonSchema } from '../types';
import { nullable, object, text } from './build';

/** The maximum length of each address line where pages give different limits. */
interface AddressLimits {
  addressLine3: number;
  city: number;
  state: number;
  county: number;
  postCode: number;
}

/** Create Card's OpenAPI `Address` (55760796702), used for both `address` and `fulfilment`. */
const CREATE_LIMITS: AddressLimits = { addressLine3: 50, city: 50, state: 50, county: 20, postCode: 10 };

/**
 * Update Card's field table (55876816429): longer limits than Create's OpenAPI, and the delivery address longer
 * still. Create's field table agrees with these for `fulfilment`; Create's OpenAPI wins for Create.
 */
const UPDATE_ADDRESS_LIMITS: AddressLimits = { addressLine3: 50, city: 50, state: 50, county: 50, postCode: 16 };
const UPDATE_FULFILMENT_LIMITS: AddressLimits = { addressLine3: 50, city: 100, state: 100, county: 100, postCode: 16 };

function addressSchema(description: string, limits: AddressLimits): JsonSchema {
  return object(
    description,
    {
      addressLine1: text('First line of the address: house and street.', { minLength: 0, maxLength: 100 }),
      addressLine2: nullable(text('Second line of the address.', { minLength: 0, maxLength: 100 })),
      addressLine3: nullable(text('Third line of the address.', { minLength: 0, maxLength: limits.addressLine3 })),
      city: nullable(text('Town or city.', { minLength: 0, maxLength: limits.city })),
      state: nullable(text('State, where the country has them.', { minLength: 0, maxLength: limits.state })),
      county: nullable(text('County, region or province.', { minLength: 0, maxLength: limits.county })),
      postCode: text('Postcode or ZIP code.', { minLength: 0, maxLength: limits.postCode }),
      country: text('Country as an ISO 3166 alpha-3 code: GBR, IRL, USA.', { minLength: 3, maxLength: 3 }),
    },
    { required: ['addressLine1', 'postCode', 'country'], closed: true },
  );
}

export const CARDHOLDER_ADDRESS = addressSchema(
  "The cardholder's address; cards are also delivered there unless fulfilment says otherwise.",
  CREATE_LIMITS,
);

// The create page publishes no `nullable` for this $ref, so null is refused, as for the address.
export const FULFILMENT_ADDRESS = addressSchema(
  "Where to deliver a Physical card, when not to the cardholder's address. Not for Virtual cards.",
  CREATE_LIMITS,
);

export const UPDATED_ADDRESS = addressSchema('The new cardholder address. An empty line erases the stored one.', UPDATE_ADDRESS_LIMITS);

export const UPDATED_FULFILMENT_ADDRESS = addressSchema(
  'The new delivery address of a Physical card. Not for Virtual cards.',
  UPDATE_FULFILMENT_LIMITS,
);

/**
 * An address as Retrieve Card answers it (reconstructed from the example on 55784324717, no schema is
 * published): every line present, empty when unknown, and the country as its ISO 3166 numeric code.
 */
const ANSWERED_LINES = ['addressLine1', 'addressLine2', 'addressLine3', 'city', 'state', 'county', 'postCode', 'country'];

export const ANSWERED_ADDRESS = object(
  'An address on the card.',
  {
    addressLine1: text('First line of the address.'),
    addressLine2: text('Second line of the address; empty when there is none.'),
    addressLine3: text('Third line of the address; empty when there is none.'),
    city: text('Town or city; empty when unknown.'),
    state: text('State; empty when there is none.'),
    county: text('County, region or province; empty when there is none.'),
    postCode: text('Postcode or ZIP code.'),
    country: text('Country as an ISO 3166 numeric code: 826 for GBR, 840 for USA.'),
  },
  { required: ANSWERED_LINES },
);
