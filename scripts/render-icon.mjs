// Renders media/icon.svg to media/icon.png (256×256), the Marketplace icon, with the Chromium the host tests use.
//   node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { launchBrowser } from './code-server/browser.mjs';

const { page, close } = await launchBrowser({ viewport: { width: 256, height: 256 } });
try {
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync('media/icon.svg', 'utf8')}</body></html>`);
  await page.locator('svg').screenshot({ path: 'media/icon.png', omitBackground: true });
} finally {
  await close();
}
console.log('media/icon.png');
