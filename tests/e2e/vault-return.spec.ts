/**
 * The vault folder deleted while the app is open, then recreated (a sync tool, a remounted drive):
 * a banner says so while the note on screen stays readable, and once the folder is back the banner
 * goes, the new notes appear and the vault is followed again, without a reload.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startServe, type ServeHandle } from './helpers/serve';

// Its own host: this spec deletes the vault folder, which no other spec should see.
let host: ServeHandle;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startServe({ fixture: 'basic' });
});
test.afterAll(async () => {
  await host?.stop();
});

test('a deleted vault folder is announced, and read again when it comes back', async ({ page }) => {
  await page.goto(`${host.url}#/note/Welcome.md`);
  const title = page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });
  await expect(title).toHaveText('Welcome');
  const banner = page.getByRole('alert', { name: 'Vault folder missing' });
  await expect(banner).toHaveCount(0);

  await rm(host.vaultDir, { recursive: true, force: true });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('The vault folder is gone');
  // What was on screen stays readable.
  await expect(title).toHaveText('Welcome');
  const files = page.getByRole('navigation', { name: 'Files' });
  await expect(files.getByRole('treeitem', { name: 'Welcome' })).toBeVisible();

  await mkdir(join(host.vaultDir, 'later'), { recursive: true });
  await writeFile(join(host.vaultDir, 'Fresh.md'), '# Fresh\n\nWritten after the folder came back; see [[Second]].\n');
  await writeFile(join(host.vaultDir, 'later', 'Second.md'), '# Second\n');
  await expect(banner).toHaveCount(0);
  await expect(files.getByRole('treeitem', { name: 'Fresh' })).toBeVisible();
  await expect(files.getByRole('treeitem', { name: 'Welcome' })).toHaveCount(0);

  // Followed again: a note written now appears too, and links resolve.
  await writeFile(join(host.vaultDir, 'Third.md'), '# Third\n\nPoints at [[Fresh]].\n');
  await expect(files.getByRole('treeitem', { name: 'Third' })).toBeVisible();
  await files.getByRole('treeitem', { name: 'Fresh' }).click();
  await expect(title).toHaveText('Fresh');
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await expect(backlinks.getByRole('link', { name: 'Third', exact: true })).toBeVisible();
  expect(await page.evaluate<boolean>('performance.getEntriesByType("navigation").length === 1')).toBe(true);
});
