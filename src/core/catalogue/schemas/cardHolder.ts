import { nullable, object, text } from './build';

const title = (required: boolean) => {
  const schema = text('Title: Mr, Ms, Dr.', { minLength: 0, maxLength: 5 });
  return required ? schema : nullable(schema);
};
const name = (which: string, maxLength: number) =>
  text(`The cardholder's ${which}. Characters Thredd does not permit are removed before the length is checked.`, {
    minLength: 0,
    maxLength,
  });
const DATE_OF_BIRTH = 'Date of birth, YYYY-MM-DD.';
const mobile = nullable(text('Mobile phone number.', { minLength: 0, maxLength: 16 }));
const email = nullable(text('Email address.', { minLength: 0, maxLength: 100 }));

/**
 * Create Card's OpenAPI `CardHolder` (55760796702). Its date of birth has only minLength 1 and no format,
 * though the text says YYYY-MM-DD (the field table says 10..10): the OpenAPI wins.
 */
export const NEW_CARDHOLDER = object(
  'Who the card is for.',
  {
    title: title(false),
    firstName: name('first name', 30),
    middleName: nullable(name('middle name', 30)),
    lastName: name('last name', 30),
    dateOfBirth: text(DATE_OF_BIRTH, { minLength: 1 }),
    mobile,
    email,
  },
  { required: ['firstName', 'lastName', 'dateOfBirth'], closed: true },
);

/**
 * Update Card's field table (55876816429): names up to 100 characters (30 on Create), and title and date of birth
 * mandatory whenever cardHolder is sent. No OpenAPI is published for Update Card.
 */
export const UPDATED_CARDHOLDER = object(
  'The new cardholder details.',
  {
    title: title(true),
    firstName: name('first name', 100),
    middleName: nullable(name('middle name', 100)),
    lastName: name('last name', 100),
    dateOfBirth: text(DATE_OF_BIRTH, { minLength: 10, maxLength: 10 }),
    mobile,
    email,
  },
  { required: ['title', 'firstName', 'lastName', 'dateOfBirth'], closed: true },
);

/** The cardholder as Retrieve Card answers (reconstructed from 55784324717): missing values are empty. */
export const ANSWERED_CARDHOLDER = object(
  'Who the card is for.',
  {
    title: nullable(text('Title.')),
    firstName: text('First name.'),
    middleName: nullable(text('Middle name; empty when there is none.')),
    lastName: text('Last name.'),
    dateOfBirth: text(DATE_OF_BIRTH),
    mobile: nullable(text('Mobile phone number; empty when unknown.')),
    email: nullable(text('Email address; empty when unknown.')),
  },
  { required: ['firstName', 'lastName', 'dateOfBirth'] },
);
