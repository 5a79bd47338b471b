/**
 * Debian's Chromium as every Chromium bench launches it: the same flags as the e2e config, with
 * software rendering, so figures compare from bench to bench. CAIRN_CHROMIUM points elsewhere.
 */
import { chromium, type Browser } from '@playwright/test';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CAIRN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
