export { DataFileError, type DataRow } from './dataFileError';
export { csvRows } from './csvRows';
export { jsonRows } from './jsonRows';
export { iterationRows, readIterationData } from './iterationData';
