/**
 * The key under which Thredd lists the failures of business rules in a ValidationProblemDetails' `errors`,
 * as opposed to malformed fields (release notes of 14 June 2024, id 55942593559). A shared fact: the
 * response view labels it without loading the catalogue.
 */
export const BUSINESS_RULE_KEY = 'Messages';
