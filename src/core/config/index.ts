export * from './types';
export * from './diagnostics';
export * from './loadConfig';
export * from './templates';
export { hasEnvReference, expandEnvReferences } from './expandEnv';
export { addEnvironmentToConfigText } from './editConfig';
export { ConfigEditor, ConfigEditError, type ConfigChange, type ConfigEditAction, type ConfigSection } from './configEditor';
