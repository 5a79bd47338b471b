/**
 * The Files tree on a folder of 22,000 notes: opening it mounts only the rows on screen (each row
 * still states the folder's full size), and the last note is reachable by keyboard and by
 * scrolling, opens in the reader, and is brought back into view when it is opened from elsewhere.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './helpers/cairn-test';
import { startServe } from './helpers/serve';
import { scrollTo, title } from './helpers/reader';

const COUNT = 22_000;
/** Far more than a screen of 28 px rows, far fewer than the folder. */
const MOUNTED_MAX = 200;

const test = base.extend<object, { manyNotesVault: string }>({
  manyNotesVault: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const temp = await mkdtemp(join(tmpdir(), 'cairn-many-notes-'));
      await mkdir(join(temp, 'Inbox'), { recursive: true });
      for (let i = 0; i < COUNT; i += 500) {
        await Promise.all(
          Array.from({ length: Math.min(500, COUNT - i) }, (_, k) => writeFile(join(temp, 'Inbox', `Capture ${i + k}.md`), `# Capture ${i + k}\n\nCaptured.\n`)),
        );
      }
      await use(temp);
      await rm(temp, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  cairnHost: [
    async ({ manyNotesVault }, use) => {
      const host = await startServe({ vaultDir: manyNotesVault });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test('a 22,000-note folder mounts a screenful of rows, and its last note is reachable and opens', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  const files = page.getByRole('navigation', { name: 'Files' });
  const tree = files.getByRole('tree');
  const items = tree.getByRole('treeitem');
  const folder = tree.getByRole('treeitem', { name: `Inbox, ${COUNT} notes` });
  await expect(folder).toHaveAttribute('aria-expanded', 'false', { timeout: 60_000 });

  await folder.click();
  await expect(folder).toHaveAttribute('aria-expanded', 'true');
  const first = tree.getByRole('treeitem', { name: 'Capture 0', exact: true });
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first).toHaveAttribute('aria-level', '2');
  expect(await items.count()).toBeGreaterThan(10);
  expect(await items.count()).toBeLessThan(MOUNTED_MAX);

  // The keyboard walks the whole folder: End lands on the last note, scrolled into view.
  await folder.focus();
  await page.keyboard.press('End');
  const last = tree.getByRole('treeitem', { name: `Capture ${COUNT - 1}`, exact: true });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(COUNT));
  await expect(last).toHaveAttribute('aria-setsize', String(COUNT));
  expect(await items.count()).toBeLessThan(MOUNTED_MAX);
  // Scrolled far away (a wheel would do this), the focused row keeps focus, and the keys go on from it.
  await scrollTo(tree, 0);
  await expect(first).toBeInViewport();
  await expect(last).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const beforeLast = tree.getByRole('treeitem', { name: `Capture ${COUNT - 2}`, exact: true });
  await expect(beforeLast).toBeFocused();
  await expect(beforeLast).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(title(page)).toHaveText(`Capture ${COUNT - 2}`);

  // Home goes back to the top, and focus follows.
  await page.keyboard.press('Home');
  await expect(folder).toBeFocused();
  await expect(folder).toBeInViewport();

  // Scrolling to the end mounts the last rows; a click opens the last note.
  await tree.evaluate((el) => {
    const list = el as unknown as { scrollTop: number; scrollHeight: number };
    list.scrollTop = list.scrollHeight;
  });
  await expect(last).toBeInViewport();
  expect(await items.count()).toBeLessThan(MOUNTED_MAX);
  await last.click();
  await expect(title(page)).toHaveText(`Capture ${COUNT - 1}`);
  await expect(last).toHaveAttribute('aria-selected', 'true');

  // A note opened from elsewhere (here the address bar) is scrolled to and highlighted, though far away.
  await scrollTo(tree, 0);
  await page.goto('/#/note/Inbox/Capture 12345.md');
  await expect(title(page)).toHaveText('Capture 12345');
  const revealed = tree.getByRole('treeitem', { name: 'Capture 12345', exact: true });
  await expect(revealed).toHaveAttribute('aria-selected', 'true');
  await expect(revealed).toBeInViewport();
  expect(await items.count()).toBeLessThan(MOUNTED_MAX);
});
