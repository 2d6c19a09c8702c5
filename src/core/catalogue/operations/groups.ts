import { GROUP_TYPE_LIST } from '../schemas/groups';
import { answers, defineOperation, json } from './shared';

/** List Card Control Groups (Managing Card Control Groups, 55888495726; Fee Maintenance 56035385204). */
export const listGroups = defineOperation({
  id: 'groups.list',
  method: 'GET',
  path: '/groups',
  summary: 'Lists the card control groups set up for your program (limits, usage, fees...), by type.',
  scope: 'cards.read',
  idempotencyKey: false,
  sources: ['55888495726', '56035385204', '55942593559'],
  responses: answers({ 200: { description: 'The groups, by type.', body: json(GROUP_TYPE_LIST) } }, {}),
  examples: [
    {
      id: 'groups',
      summary: 'A program with two limits groups, a usage group (the card example is in 2001 and 2002) and an authorisation fee group.',
      request: {},
      response: {
        status: 200,
        body: [
          {
            groupType: '0',
            groupTypeName: 'LimitsGroup',
            groups: [
              { id: 2001, code: 'SBX-LIM-STD', description: 'Standard limits' },
              { id: 2003, code: 'SBX-LIM-HIGH', description: 'Raised limits' },
            ],
          },
          { groupType: '1', groupTypeName: 'UsageGroup', groups: [{ id: 2002, code: 'SBX-USAGE-01', description: 'Standard usage' }] },
          { groupType: '4', groupTypeName: 'AuthFeeGroup', groups: [{ id: 2101, code: 'SBX-AUTH-FEE', description: 'Authorisation fee' }] },
        ],
      },
    },
  ],
});
