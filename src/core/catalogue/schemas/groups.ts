import { arrayOf, integer, nullable, object, text } from './build';

/**
 * Thredd's card control group types, by id (Introduction to Card Control Groups), as Retrieve Card names
 * them in `controlGroups`. `limitedNetworkGroup` appears in Retrieve Card's answer without a published id.
 */
export const CONTROL_GROUP_TYPES = [
  { id: 0, name: 'limitsGroup', description: 'Spending and load limits' },
  { id: 1, name: 'usageGroup', description: 'Where and how the card may be used' },
  { id: 2, name: 'recurringFeeGroup', description: 'Recurring fees' },
  { id: 3, name: 'webServiceFeeGroup', description: 'Fees on API calls' },
  { id: 4, name: 'authFeeGroup', description: 'Fees on authorisations' },
  { id: 5, name: 'mccGroup', description: 'Merchant categories allowed or refused' },
  { id: 6, name: 'cardLinkageGroup', description: 'Linked cards' },
  { id: 7, name: 'calendarGroup', description: 'Days and times the card works' },
  { id: 8, name: 'fxGroup', description: 'Foreign exchange' },
  { id: 9, name: 'paymentTokenUsageGroup', description: 'What payment tokens of the card may do' },
  { id: 10, name: 'cardAcceptorAllowList', description: 'Merchants the card may pay' },
  { id: 11, name: 'cardAcceptorDisallowList', description: 'Merchants the card may not pay' },
] as const;

const CONTROL_GROUP_NAMES = [...CONTROL_GROUP_TYPES.map((type) => type.name), 'limitedNetworkGroup'];

/** Retrieve Card's `controlGroups` (reconstructed from 55784324717): each group's id, null (or 0) when none. */
export const CARD_CONTROL_GROUPS = object(
  'The control groups the card belongs to.',
  Object.fromEntries(CONTROL_GROUP_NAMES.map((name) => [name, nullable(integer(`The card's ${name}; null or 0 when it has none.`))])),
);

/**
 * List Card Control Groups (55888495726), reconstructed from its example. `groupType` is the type's id as a
 * string on that page, a number in the release notes of 14 June 2024 and a name in older examples: we follow
 * the endpoint's own page. `groupTypeName` was added in June 2024.
 */
export const GROUP_TYPE_LIST = arrayOf(
  'The control groups of your program, by type.',
  object(
    'The groups of one type.',
    {
      groupType: text('The group type\'s id (0 limits, 1 usage, 4 auth fee...), as a string: "4".', { pattern: '^[0-9]+$' }),
      groupTypeName: text("The group type's name: AuthFeeGroup."),
      groups: arrayOf(
        'The groups of this type set up for your program.',
        object(
          'One group.',
          {
            id: integer("The group's id, as Update Card Control Groups takes it."),
            code: text("The group's short code."),
            description: text('What the group is for.'),
          },
          { required: ['id', 'code', 'description'] },
        ),
      ),
    },
    { required: ['groupType', 'groupTypeName', 'groups'] },
  ),
);
