/**
 * The EHI endpoint check as the editor loads it: one lazily loaded bundle (esbuild.js, dist/lazy/ehi-check.js) with
 * the command, its report view, the check's probes and its HTTP client, and the sandbox's file names. Activation
 * compiles none of it.
 */
export { EhiCheckReportPanel } from './checkReportPanel';
export { checkEhiEndpointCommand } from './checkEhiEndpointCommand';
