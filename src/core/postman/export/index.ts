export { exportPostman, ExportError, type ExportPostmanOptions, type ExportPostmanResult } from './exportPostman';
export { buildCollection, type ExportFile, type ExportNote } from './buildCollection';
export { collectionJson, COLLECTION_SCHEMA_V21 } from './collectionJson';
