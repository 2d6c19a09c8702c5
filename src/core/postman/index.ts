export * from './model';
export { readCollection, readEnvironment } from './readCollection';
export { planImport, type ImportPlan, type PlannedFile } from './planImport';
export { importPostman, type ImportOptions } from './importPostman';
export { reportJson, reportMarkdown, reportText, type ImportReport, type DroppedItem, type ImportNote } from './report';
export { PostmanImportError } from './errors';
export { translateScript, type ScriptTranslation } from './scripts/translateScript';
export { exportPostman, ExportError, type ExportPostmanOptions, type ExportPostmanResult } from './export';
