// Debian's Chromium driven by playwright-core (playwright's own browser
// download cannot work offline).
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// Root needs --no-sandbox; the network flags stop Chromium from calling home,
// which on a closed network only produces refused connections and delays.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @returns {Promise<{ browser, context, page, close(): Promise<void> }>} */
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, colorScheme } = {}) {
  // Playwright's own signal handlers would exit the process before the
  // caller has stopped code-server; the caller closes the browser instead.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    let closing;
    const close = () => (closing ??= browser.close().catch(() => {}));
    return { browser, context, page, close };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}
