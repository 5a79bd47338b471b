/**
 * The reader follows the disk: an edit re-renders the open note in place (same scroll position),
 * a deletion is announced while the last content stays readable, new notes appear in Files, a
 * new link shows up in backlinks, and a note written at an unresolved name resolves the links.
 * Each test touches its own notes of `tests/fixtures/vaults/live`, so order does not matter.
 */
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './helpers/cairn-test';
import { reader, scrollTo, scrollTopOf, title } from './helpers/reader';

test.use({ vaultFixture: 'live' });

test('an edit on disk re-renders the open note and keeps the scroll position', async ({ page, cairnHost }) => {
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.goto('/#/note/Edited.md');
  await expect(title(page)).toHaveText('Edited');
  await expect(reader(page).getByText('Paragraph 40 of the long section.')).toBeAttached();
  await scrollTo(reader(page), 900);

  const file = join(cairnHost.vaultDir, 'Edited.md');
  const source = await readFile(file, 'utf8');
  await writeFile(
    file,
    source.replace('The first version of this note.', 'The second version, written while it was open.'),
  );
  await expect(reader(page).getByText('The second version, written while it was open.')).toBeAttached();
  await expect(reader(page).getByText('The first version of this note.')).toHaveCount(0);
  expect(await scrollTopOf(reader(page))).toBe(900);

  await appendFile(file, '\nA closing line added at the end.\n');
  await expect(reader(page).getByText('A closing line added at the end.')).toBeAttached();
  // Still the same page: nothing reloaded.
  expect(await page.evaluate<boolean>('performance.getEntriesByType("navigation").length === 1')).toBe(true);
});

test('a note deleted while open is marked deleted and stays readable', async ({ page, cairnHost }) => {
  await page.goto('/#/note/Doomed.md');
  await expect(title(page)).toHaveText('Doomed');
  const files = page.getByRole('navigation', { name: 'Files' });
  await expect(files.getByRole('treeitem', { name: 'Doomed' })).toBeVisible();
  await rm(join(cairnHost.vaultDir, 'Doomed.md'));
  await expect(reader(page).getByRole('status')).toContainText('deleted');
  await expect(title(page)).toHaveText('Doomed');
  await expect(reader(page).getByText('This note will be deleted while it is open.')).toBeVisible();
  await expect(files.getByRole('treeitem', { name: 'Doomed' })).toHaveCount(0);
});

test('a new note appears in Files, and a new link appears in backlinks', async ({ page, cairnHost }) => {
  await page.goto('/#/note/Target.md');
  await expect(title(page)).toHaveText('Target');
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await expect(backlinks.getByRole('link', { name: 'Index', exact: true })).toBeVisible();
  await expect(backlinks.getByRole('link', { name: 'Newcomer', exact: true })).toHaveCount(0);

  await writeFile(
    join(cairnHost.vaultDir, 'Newcomer.md'),
    '# Newcomer\n\nFreshly written, it points at [[Target]] right away.\n',
  );
  await expect(
    page.getByRole('navigation', { name: 'Files' }).getByRole('treeitem', { name: 'Newcomer' }),
  ).toBeVisible();
  await expect(backlinks.getByRole('link', { name: 'Newcomer', exact: true })).toBeVisible();
  await expect(backlinks.getByRole('link', { name: /points at Target right away/ })).toBeVisible();
});

test('writing a note at an unresolved name resolves the links to it', async ({ page, cairnHost }) => {
  await page.goto('/#/note/Index.md');
  const link = reader(page).getByRole('link', { name: 'Born Later' });
  await expect(link).toHaveAttribute('data-unresolved', '');
  await writeFile(join(cairnHost.vaultDir, 'Born Later.md'), '# Born Later\n\nNow it exists.\n');
  await expect(link).not.toHaveAttribute('data-unresolved', /.*/);
  await link.click();
  await expect(title(page)).toHaveText('Born Later');
});
