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
import { expect } from '@playwright/test';
import type { ServeHandle } from './serve';
export { expect };
export type { ServeHandle };
interface WorkerFixtures {
    /** Folder name under tests/fixtures/vaults. */
    vaultFixture: string;
    cairnHost: ServeHandle;
}
export declare const test: import("playwright/test").TestType<import("playwright/test").PlaywrightTestArgs & import("playwright/test").PlaywrightTestOptions & object, import("playwright/test").PlaywrightWorkerArgs & import("playwright/test").PlaywrightWorkerOptions & WorkerFixtures>;
/** A root-relative app path (`/`, `/#/note/X.md`) under the host's prefix; anything else as it is. */
export declare function appUrl(host: ServeHandle, url: string): string;
