/**
 * `test` for Cairn specs: each worker starts its own web host on a temp copy of a fixture vault
 * (`basic` unless a spec says `test.use({ vaultFixture: 'other' })`), and every page and `request`
 * starts out authorised (the session cookie is preset), with `baseURL` set to the host's origin.
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
  baseURL: async ({ cairnHost }, use) => use(cairnHost.origin),
  storageState: async ({ cairnHost }, use) =>
    use({
      cookies: [
        {
          name: cairnHost.cookieName,
          value: cairnHost.token,
          domain: '127.0.0.1',
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict',
        },
      ],
      origins: [],
    }),
});
