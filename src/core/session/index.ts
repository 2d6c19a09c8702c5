export * from './types';
export { runSession } from './runSession';
export { chainLanes } from './chainLanes';
export { readRequestFile, RequestFileError } from './readRequestFile';
export * from './reporters';
export { selectRequests, sectionsOf, fileFolderNames, SelectionError, type FileSection, type RequestSelection } from './selection';
