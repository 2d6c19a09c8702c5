/**
 * The allowed shape of thredd.json, as data. schemas/thredd.schema.json describes the same shape for
 * the editor; test/unit/config/schemaAgreement.test.ts keeps the two in step.
 */
export type Rule =
  | { kind: 'string'; values?: readonly string[]; url?: boolean; file?: boolean; secret?: boolean; orFalse?: boolean; hint?: string }
  | { kind: 'boolean' }
  | { kind: 'stringArray' }
  | { kind: 'stringMap' }
  | { kind: 'object'; fields: Record<string, Rule>; required?: readonly string[] }
  | { kind: 'map'; of: Rule };

import { REGION_CODES, REGIONS } from '../catalogue/regions';

const string = (extra: Omit<Extract<Rule, { kind: 'string' }>, 'kind'> = {}): Rule => ({ kind: 'string', ...extra });

export const AUTH_METHODS = ['private_key_jwt', 'client_secret', 'client_secret_post', 'client_secret_basic'] as const;
export const SIGNING_ALGORITHMS = ['RS256', 'PS256', 'ES256'] as const;

const mtlsRule: Rule = {
  kind: 'object',
  fields: {
    cert: string({ file: true }),
    key: string({ file: true }),
    pfx: string({ file: true }),
    passphrase: string({ secret: true }),
    ca: string({ file: true }),
  },
};

const environmentRule: Rule = {
  kind: 'object',
  required: ['baseUrl'],
  fields: {
    baseUrl: string({ url: true }),
    tokenUrl: string({ url: true }),
    audience: string(),
    introspectionUrl: string({ url: true }),
    registrationUrl: string({ url: true }),
    region: string({ values: REGION_CODES, hint: `X-Region is ${regionList()}, as a string.` }),
    application: string(),
    mtls: mtlsRule,
    ca: string({ file: true }),
    insecure: { kind: 'boolean' },
    proxy: string({ url: true, orFalse: true, hint: 'Write a proxy URL such as "http://proxy.example.com:3128", or false to go direct.' }),
    proxyCa: string({ file: true }),
    variables: { kind: 'stringMap' },
  },
};

const authRule: Rule = {
  kind: 'object',
  required: ['method'],
  fields: {
    method: string({ values: AUTH_METHODS }),
    key: string({ file: true }),
    cert: string({ file: true }),
    kid: string(),
    alg: string({ values: SIGNING_ALGORITHMS }),
    passphrase: string({ secret: true }),
    secret: string({ secret: true }),
  },
};

const applicationRule: Rule = {
  kind: 'object',
  required: ['clientId', 'auth'],
  fields: {
    appId: string(),
    clientId: string(),
    auth: authRule,
    scopes: { kind: 'stringArray' },
  },
};

export const configRule: Rule = {
  kind: 'object',
  required: ['environments'],
  fields: {
    $schema: string(),
    defaultEnvironment: string(),
    environments: { kind: 'map', of: environmentRule },
    applications: { kind: 'map', of: applicationRule },
  },
};

/** '"0" (Default), "1" (EMEA) or "2" (APAC)' */
function regionList(): string {
  const choices = REGIONS.map((region) => `"${region.code}" (${region.name})`);
  return `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}
