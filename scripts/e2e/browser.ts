/**
 * Headless Debian Chromium for site tests, driven by playwright-core. When CI is set and no
 * browser is installed, launching fails (so the test fails); elsewhere browser tests are skipped.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when browser tests should be skipped: no browser here, and not in CI. */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env.CI;

/** A browser with a fresh profile, and the requests it made that left the site's origin. */
export interface Session {
  context: BrowserContext;
  foreign: string[];
}

/**
 * Launches Chromium with a fresh --user-data-dir and the flags this closed network needs
 * (Playwright takes the profile folder as launchPersistentContext's first argument).
 */
export async function launchBrowser(
  siteUrl: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<Session> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium)`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
  });
  const foreign: string[] = [];
  const origin = new URL(siteUrl).origin;
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { context, foreign };
}
