import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (or CHROME_PATH): Playwright's own browser downloads are not used. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: install Debian's chromium (apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Chromium names downloaded files in the locale's encoding: under a bare C locale (a CI runner's
    // `env -i`) a name such as "aïr.html" becomes "download".
    env: { ...process.env, LANG: process.env.LANG || 'C.UTF-8' },
    // Without these, Chromium keeps trying to reach Google's services, which this offline machine refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
