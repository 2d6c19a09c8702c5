import Mocha from 'mocha';

/**
 * Runs bundled mocha suites inside the extension host. The suites are bundled with esbuild, so instead
 * of mocha loading files, the caller requires them after the BDD globals are installed.
 */
export function runMochaSuites(loadSuites: () => void): Promise<void> {
  // THREDD_HOST_GREP runs only the matching tests while working on them (the environment reaches the host).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.THREDD_HOST_GREP || undefined });
  mocha.suite.emit('pre-require', globalThis, 'bundled-suites', mocha);
  loadSuites();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed.`)) : resolve()));
  });
}
