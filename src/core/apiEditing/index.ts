// What the editor knows of Thredd's API, loaded on first use (esbuild.js, lazyModules: dist/lazy/api-editing.js):
// JSON body completion, validation and hover by vscode-json-languageservice against the catalogue's schemas, the
// paths to complete on a request line, the scope an environment's application lacks, and requests made from the
// catalogue's examples. Nothing here imports vscode: the bench and plain Node tests run it as the editor does.
export { REGIONS, REQUEST_HEADERS, OPERATIONS, operationById, type CatalogueOperation } from '../catalogue';
export { bodyJson, maskVariables, type BodyJson, type LineAt, type Span } from './bodyJson';
export { BodyLanguage, type BodyHover, type BodyProblem } from './bodyLanguage';
export { ApiChecks, type ApiCheckContext, type ApiProblem } from './apiChecks';
export { apiRootFor, inBody, operationOf, requestForLine } from './requestOperation';
export { missingScope, type MissingScope } from './scopeCheck';
export { pathCompletions, pathSiteOf, type PathCompletion, type PathPart, type PathSite } from './pathCompletion';
export { describeOperation } from './operationText';
export { newRequestText, operationGroups, type OperationGroup, type OperationPick } from './newRequest';
