// The parts of the Postman Collection Format v2.1.0 schema (schema.getpostman.com/json/collection/v2.1.0/collection.json)
// that an export writes, written from its published definitions: required members, enums and shapes of
// info, item / item-group, request, url, header, body, auth, event and variable. Members an export never
// writes are left open, as the published schema leaves additional members open.

const keyValue = {
  type: 'object',
  required: ['key'],
  properties: { key: { type: 'string' }, value: { type: ['string', 'null'] }, disabled: { type: 'boolean' }, description: {} },
};

const authAttribute = {
  type: 'object',
  required: ['key'],
  properties: { key: { type: 'string' }, value: {}, type: { type: 'string' } },
};

const auth = {
  type: ['object', 'null'],
  required: ['type'],
  properties: {
    type: { enum: ['apikey', 'awsv4', 'basic', 'bearer', 'digest', 'edgegrid', 'hawk', 'noauth', 'oauth1', 'oauth2', 'ntlm'] },
    noauth: {},
    ...Object.fromEntries(
      ['apikey', 'awsv4', 'basic', 'bearer', 'digest', 'edgegrid', 'hawk', 'oauth1', 'oauth2', 'ntlm'].map((name) => [
        name,
        { type: 'array', items: authAttribute },
      ]),
    ),
  },
};

const variable = {
  type: 'object',
  anyOf: [{ required: ['key'] }, { required: ['id'] }],
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    value: {},
    type: { enum: ['string', 'boolean', 'any', 'number'] },
    name: { type: 'string' },
    description: {},
    system: { type: 'boolean' },
    disabled: { type: 'boolean' },
  },
};

const event = {
  type: 'object',
  required: ['listen'],
  properties: {
    listen: { type: 'string' },
    script: {
      type: 'object',
      properties: { type: { type: 'string' }, exec: { oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] } },
    },
    disabled: { type: 'boolean' },
  },
};

const url = {
  oneOf: [
    {
      type: 'object',
      properties: {
        raw: { type: 'string' },
        protocol: { type: 'string' },
        host: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        path: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        port: { type: 'string' },
        query: {
          type: 'array',
          items: { type: 'object', properties: { key: { type: ['string', 'null'] }, value: { type: ['string', 'null'] } } },
        },
        hash: { type: 'string' },
        variable: { type: 'array', items: variable },
      },
    },
    { type: 'string' },
  ],
};

const formField = {
  oneOf: [
    {
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string' }, value: { type: 'string' }, type: { const: 'text' }, contentType: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['key', 'type'],
      properties: { key: { type: 'string' }, src: {}, type: { const: 'file' }, contentType: { type: 'string' } },
    },
  ],
};

const body = {
  type: ['object', 'null'],
  properties: {
    mode: { enum: ['raw', 'urlencoded', 'formdata', 'file', 'graphql'] },
    raw: { type: 'string' },
    urlencoded: { type: 'array', items: keyValue },
    formdata: { type: 'array', items: formField },
    file: { type: 'object', properties: { src: { type: ['string', 'null'] }, content: { type: 'string' } } },
    graphql: { type: 'object' },
    options: { type: 'object' },
    disabled: { type: 'boolean' },
  },
};

const request = {
  oneOf: [
    {
      type: 'object',
      properties: {
        url,
        auth,
        method: { type: 'string' },
        description: {},
        header: { oneOf: [{ type: 'array', items: { ...keyValue, required: ['key', 'value'] } }, { type: 'string' }] },
        body,
      },
    },
    { type: 'string' },
  ],
};

export const COLLECTION_V21_SCHEMA = {
  $id: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  type: 'object',
  required: ['info', 'item'],
  properties: {
    info: {
      type: 'object',
      required: ['name', 'schema'],
      properties: { _postman_id: { type: 'string' }, name: { type: 'string' }, description: {}, schema: { type: 'string', format: 'uri' } },
    },
    item: { type: 'array', items: { $ref: '#/definitions/itemOrGroup' } },
    event: { type: 'array', items: event },
    variable: { type: 'array', items: variable },
    auth,
  },
  definitions: {
    itemOrGroup: {
      oneOf: [
        {
          type: 'object',
          required: ['request'],
          not: { required: ['item'] },
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            description: {},
            variable: { type: 'array', items: variable },
            event: { type: 'array', items: event },
            request,
            response: { type: 'array' },
          },
        },
        {
          type: 'object',
          required: ['item'],
          properties: {
            name: { type: 'string' },
            description: {},
            variable: { type: 'array', items: variable },
            item: { type: 'array', items: { $ref: '#/definitions/itemOrGroup' } },
            event: { type: 'array', items: event },
            auth,
          },
        },
      ],
    },
  },
};
