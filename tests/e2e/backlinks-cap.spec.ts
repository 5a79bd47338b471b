/**
 * One answer carries at most 20 context lines per linking note; the Backlinks pane counts every
 * mention and says how many lines it left out, as Obsidian's backlinks pane does.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startServe, type ServeHandle } from './helpers/serve';

let host: ServeHandle;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startServe({ fixture: 'basic' });
  const lines = Array.from({ length: 25 }, (_, i) => `Mention ${i + 1} of [[Welcome]].`);
  await writeFile(join(host.vaultDir, 'Many.md'), `# Many\n\n${lines.join('\n\n')}\n`);
});
test.afterAll(async () => {
  await host?.stop();
});

test('a note linking from 25 lines shows 20 of them, its full count, and "and 5 more"', async ({ page }) => {
  await page.goto(`${host.url}#/note/Welcome.md`);
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText('Welcome');
  const linked = page.getByRole('complementary', { name: 'Backlinks' }).getByRole('list', { name: 'Linked mentions' });
  const group = linked.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Many', exact: true }) });
  await expect(group.getByLabel('25 mentions')).toBeVisible();
  await expect(group.getByRole('link', { name: /^Mention \d+ of Welcome\.$/ })).toHaveCount(20);
  await expect(group.getByRole('link', { name: 'Mention 20 of Welcome.' })).toBeVisible();
  await expect(group.getByRole('link', { name: 'Mention 21 of Welcome.' })).toHaveCount(0);
  await expect(group.getByText('and 5 more')).toBeVisible();
});
