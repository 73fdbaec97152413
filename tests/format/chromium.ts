// Headless Chromium (Debian's package) driven by playwright-core, for the HTML report test and screenshot.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the Chromium binary is present. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Launches headless Chromium with a fresh profile directory (playwright-core wants the profile as
 * `launchPersistentContext`'s argument rather than `--user-data-dir`); `close()` also removes it.
 */
export async function launchChromium(viewport = { width: 1100, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'rune-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
