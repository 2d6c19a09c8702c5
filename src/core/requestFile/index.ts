export * from './types';
export * from './resolveTypes';
export { parseRequestFile } from './parser';
export { parseDocument, reparseDocument, type DocumentParse } from './documentParse';
export { RequestFileCache, type DocumentParser } from './cache';
export { resolveRequest, resolveText } from './resolveRequest';
export type { ResolvedText } from './resolveRequest';
export { readBodyFile, readResolvedBody, BodyFileError } from './bodyFile';
export type { BodyContent } from './bodyFile';
export { variablesInScope, describeReference, findReferenceAt, requestAt, checkVariables, environmentVariableNames } from './scope';
export type { ScopeVariable, ReferenceAt } from './scope';
export { evaluateExpectation } from './evaluateExpectation';
export type { ObservedResponse, ExpectationResult } from './evaluateExpectation';
export { toCurl, shellQuote } from './curl';
export type { CurlOptions } from './curl';
export { MASK, isSecretName, redactSecrets } from './secrets';
export { SYSTEM_VARIABLES } from './systemVariableSpecs';
export type { SystemVariableSpec } from './systemVariableSpecs';
export { DIRECTIVES, DIRECTIVE_BY_KEY, FILE_LEVEL_DIRECTIVES } from './directives';
export type { Directive, DirectiveValue } from './directives';
export { directiveAt } from './metadata';
export { describeSubject } from './expect';
export { CompactRange, toTextRange } from './lines';
export type {
  RequestFileDraft,
  RequestDraft,
  DraftBody,
  DraftDirective,
  DraftFileReference,
  DraftHeader,
  DraftMixed,
  DraftText,
  DraftVariable,
} from './draft';
export { printRequestFile } from './printRequestFile';
export { DraftError } from './checkDraft';
export { draftOf } from './draftOf';
