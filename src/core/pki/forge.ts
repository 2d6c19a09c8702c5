import type * as Forge from 'node-forge';

/**
 * node-forge (~290 KB), loaded the first time a PKCS#12 needs it. The extension build ships it as
 * its own file (dist/lazy/node-forge.js, see esbuild.js), so activating the extension never loads it.
 */
export function loadForge(): typeof Forge {
  return require('node-forge');
}
