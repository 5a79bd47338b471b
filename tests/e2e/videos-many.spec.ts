/**
 * The Videos view on a vault citing 2,000 videos: it mounts only the rows on screen (the table
 * still states its full size), scrolls to the last one, and sorts and filters the whole list.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './helpers/cairn-test';
import { startServe } from './helpers/serve';

const COUNT = 2000;
/** An 11-character YouTube-shaped id for video `i`. */
const idOf = (i: number) => `Vid${String(i).padStart(8, '0')}`;

const test = base.extend<object, { manyVault: string }>({
  manyVault: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = await mkdtemp(join(tmpdir(), 'cairn-many-videos-'));
      await mkdir(join(temp, 'talks'), { recursive: true });
      await Promise.all(
        Array.from({ length: COUNT }, (_, i) =>
          writeFile(
            join(temp, 'talks', `Talk ${i}.md`),
            `---\nvideoId: ${idOf(i)}\n---\n# Talk ${i}\n\n${'At <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a> it starts. '.repeat(1 + (i % 5))}\n`,
          ),
        ),
      );
      await use(temp);
      await rm(temp, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  cairnHost: [
    async ({ manyVault }, use) => {
      const host = await startServe({ vaultDir: manyVault });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test('2,000 videos: only the rows on screen are mounted, and every one is reachable', async ({ page }) => {
  await page.goto('/#/videos');
  const view = page.getByRole('region', { name: 'Videos' });
  const table = view.getByRole('table', { name: 'Cited videos' });
  await expect(view.getByText(`${COUNT} cited videos`, { exact: false })).toBeVisible({ timeout: 60_000 });
  // One group header (no local copies) and 2,000 rows, plus the header row.
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 2));
  const mounted = await table.locator('tr[data-video-id]').count();
  expect(mounted).toBeGreaterThan(5);
  expect(mounted).toBeLessThan(120);

  // Sorted by title as names read ("Talk 2" before "Talk 10"), the last is Talk 1999.
  await view.evaluate((el) => {
    const scroller = el as unknown as { scrollTop: number; scrollHeight: number };
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(table.locator('tr[data-video-id]').last()).toHaveAttribute('data-video-id', idOf(1999));
  await expect(table.locator('tr[data-video-id]').last()).toHaveAttribute('aria-rowindex', String(COUNT + 2));
  expect(await table.locator('tr[data-video-id]').count()).toBeLessThan(120);

  // Sorting and filtering work on all of them, not just the mounted rows.
  await view.evaluate((el) => {
    (el as unknown as { scrollTop: number }).scrollTop = 0;
  });
  await view.getByRole('button', { name: 'Moments' }).click();
  await expect(table.locator('tr[data-video-id]').first().locator('td').first()).toHaveText('5');
  await view.getByRole('searchbox', { name: 'Filter videos' }).fill('talk 1234');
  await expect(table.locator('tr[data-video-id]')).toHaveCount(1);
  await expect(table.locator('tr[data-video-id]')).toHaveAttribute('data-video-id', idOf(1234));
});
