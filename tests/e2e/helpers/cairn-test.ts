/**
 * `test` for Cairn specs: each worker starts its own web host on a temp copy of a fixture vault
 * (`basic` unless a spec says `test.use({ vaultFixture: 'other' })`). The app lives under the
 * host's secret prefix (`http://127.0.0.1:PORT/<token>/`, its only credential), which is the
 * `baseURL`; and the `page` fixture reads a path from the root, as specs write them
 * (`page.goto('/#/note/X.md')`), as a path inside the app, so it lands on `<prefix>#/note/X.md`.
 *
 *   import { test, expect } from './helpers/cairn-test';
 *   test('opens a note', async ({ page, cairnHost }) => {
 *     await page.goto('/');
 *     await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
 *     // cairnHost.vaultDir is the vault on disk; cairnHost.url is the printed URL with its token.
 *   });
 */
import { test as base, expect } from '@playwright/test';
import { startServe } from './serve';
import type { ServeHandle } from './serve';

export { expect };
export type { ServeHandle };

interface WorkerFixtures {
  /** Folder name under tests/fixtures/vaults. */
  vaultFixture: string;
  cairnHost: ServeHandle;
}

export const test = base.extend<object, WorkerFixtures>({
  vaultFixture: ['basic', { scope: 'worker', option: true }],
  cairnHost: [
    async ({ vaultFixture }, use) => {
      const host = await startServe({ fixture: vaultFixture });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ cairnHost }, use) => use(cairnHost.url),
  page: async ({ page, cairnHost }, use) => {
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(appUrl(cairnHost, url), options);
    await use(page);
  },
});

/** A root-relative app path (`/`, `/#/note/X.md`) under the host's prefix; anything else as it is. */
export function appUrl(host: ServeHandle, url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? host.url + url.slice(1) : url;
}
