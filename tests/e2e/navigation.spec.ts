/**
 * Moving around: following links and coming back (toolbar, Alt+←/→, mouse side buttons), heading
 * and block jumps, the URL restoring the view on reload, the unresolved-link page, backlinks that
 * jump to the line, hover previews, and the Files tree by keyboard.
 */
import { test, expect } from './helpers/cairn-test';
import { reader, scrollTo, scrollTopOf, title } from './helpers/reader';

test.use({ vaultFixture: 'reader' });

test('follows a wikilink and comes back with the toolbar, the keyboard and the mouse', async ({ page }) => {
  await page.goto('/#/note/Home.md');
  await expect(title(page)).toHaveText('Home');
  await reader(page).getByRole('link', { name: 'Kafka', exact: true }).click();
  await expect(title(page)).toHaveText('Kafka');
  await expect(page).toHaveURL(/#\/note\/Kafka\.md$/);

  const back = page.getByRole('button', { name: 'Back', exact: true });
  const forward = page.getByRole('button', { name: 'Forward', exact: true });
  await back.click();
  await expect(title(page)).toHaveText('Home');
  await expect(forward).toBeEnabled();
  await forward.click();
  await expect(title(page)).toHaveText('Kafka');
  await expect(forward).toBeDisabled();

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title(page)).toHaveText('Home');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(title(page)).toHaveText('Kafka');

  // The mouse's side buttons (Playwright cannot press them, so the page gets the events it would).
  await page.evaluate(`window.dispatchEvent(new MouseEvent('mouseup', { button: 3, bubbles: true }))`);
  await expect(title(page)).toHaveText('Home');
  await page.evaluate(`window.dispatchEvent(new MouseEvent('mouseup', { button: 4, bubbles: true }))`);
  await expect(title(page)).toHaveText('Kafka');
});

test('going back returns to where the reader was scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.goto('/#/note/Kafka.md');
  await expect(title(page)).toHaveText('Kafka');
  const scroller = reader(page);
  await scrollTo(scroller, 700);
  await page.getByRole('navigation', { name: 'Files' }).getByRole('treeitem', { name: 'Home' }).click();
  await expect(title(page)).toHaveText('Home');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title(page)).toHaveText('Kafka');
  await expect.poll(() => scrollTopOf(scroller)).toBe(700);
});

test('a heading link scrolls to the heading and the URL keeps it across a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.goto('/#/note/Home.md');
  await reader(page).getByRole('link', { name: 'how long Kafka keeps records' }).click();
  await expect(title(page)).toHaveText('Kafka');
  const heading = reader(page).getByRole('heading', { name: 'Retention' });
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(/#\/note\/Kafka\.md\?sub=Retention$/);
  await expect(reader(page).getByRole('heading', { name: 'Partitions' })).not.toBeInViewport();

  await page.reload();
  await expect(title(page)).toHaveText('Kafka');
  await expect(reader(page).getByRole('heading', { name: 'Retention' })).toBeInViewport();
});

test('a block link scrolls to the block and flashes it', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.goto('/#/note/Home.md');
  await reader(page).getByRole('link', { name: 'what a partition is' }).click();
  await expect(title(page)).toHaveText('Kafka');
  const block = reader(page).locator('[data-block-id="partition-def"]');
  await expect(block).toContainText('each an ordered, immutable sequence of records');
  await expect(block).toBeInViewport();
  await expect(block).toHaveAttribute('data-jump-target', '');

  await page.goto('/#/note/Kafka.md?sub=%5Esummary');
  await expect(reader(page).getByText('Kafka is a log, partitioned and replicated.')).toBeInViewport();
});

test('a same-note heading link stays on the note', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.goto('/#/note/Kafka.md');
  await reader(page)
    .getByRole('link', { name: /Partitions/ })
    .first()
    .click();
  await expect(title(page)).toHaveText('Kafka');
  await expect(reader(page).getByRole('heading', { name: 'Partitions' })).toBeInViewport();
});

test('an unresolved link opens a page listing who links there', async ({ page }) => {
  await page.goto('/#/note/Home.md');
  await reader(page).getByRole('link', { name: 'Exactly Once Semantics' }).click();
  await expect(title(page)).toHaveText('Exactly Once Semantics');
  await expect(page).toHaveURL(/#\/unresolved\/Exactly%20Once%20Semantics$/);
  const linkers = reader(page).getByRole('list', { name: 'Notes linking to Exactly Once Semantics' });
  await expect(linkers.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(linkers).toContainText('A link to a note that does not exist yet');
  await linkers.getByRole('link', { name: /does not exist yet/ }).click();
  await expect(title(page)).toHaveText('Home');
});

test('backlinks show each linking note with context, and a context opens that line', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 700 });
  await page.goto('/#/note/Kafka.md');
  await expect(title(page)).toHaveText('Kafka');
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  const linked = backlinks.getByRole('list', { name: 'Linked mentions' });
  await expect(linked.getByRole('link', { name: 'Streams', exact: true })).toBeVisible();
  await expect(linked.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(linked.getByRole('link', { name: 'Consumer Groups', exact: true })).toBeVisible();
  const context = linked.getByRole('link', { name: /Joining two streams needs both keyed/ });
  await expect(context).toHaveCount(0);
  const streamsLine = linked.getByRole('link', { name: /Stream processing reads from/ });
  await expect(streamsLine).toBeVisible();
  await streamsLine.click();
  await expect(title(page)).toHaveText('Streams');
  await expect(page).toHaveURL(/#\/note\/notes\/Streams\.md\?line=\d+$/);
  await expect(reader(page).getByText('Stream processing reads from')).toBeInViewport();
});

test('plain-text mentions are listed apart from links', async ({ page }) => {
  // These come from full-text search; the pane asks again when search reports ready.
  await page.goto('/#/note/Kafka.md');
  await expect(title(page)).toHaveText('Kafka');
  const backlinks = page.getByRole('complementary', { name: 'Backlinks' });
  await backlinks.getByRole('button', { name: /Unlinked mentions/ }).click();
  const unlinked = backlinks.getByRole('list', { name: 'Unlinked mentions' });
  await expect(unlinked.getByRole('link', { name: 'Glossary', exact: true })).toBeVisible();
  await expect(unlinked).toContainText('in plain text only');
  // A note that links to Kafka is a linked mention, never also an unlinked one.
  await expect(unlinked.getByRole('link', { name: 'Streams', exact: true })).toHaveCount(0);
});

test('resting on a link shows a preview of the linked note', async ({ page }) => {
  await page.goto('/#/note/Home.md');
  await expect(title(page)).toHaveText('Home');
  await reader(page).getByRole('link', { name: 'Kafka', exact: true }).hover();
  const preview = page.getByRole('dialog', { name: 'Preview of Kafka' });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('distributed, append-only log');
  // The opening only: not the later sections.
  await expect(preview).not.toContainText('Records are kept for a time');
  await page.mouse.move(5, 5);
  await expect(preview).toBeHidden();
});

test('the Files tree works from the keyboard', async ({ page }) => {
  await page.goto('/');
  const tree = page.getByRole('navigation', { name: 'Files' }).getByRole('tree');
  const folder = tree.getByRole('treeitem', { name: /^notes/ });
  await folder.focus();
  await expect(folder).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(folder).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('treeitem', { name: 'Consumer Groups' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('treeitem', { name: 'Glossary' })).toBeFocused();
  // Typing a name's first letters jumps to it.
  await page.keyboard.type('str');
  await expect(tree.getByRole('treeitem', { name: 'Streams' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title(page)).toHaveText('Streams');
  await page.keyboard.press('ArrowLeft');
  await expect(folder).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(folder).toHaveAttribute('aria-expanded', 'false');
});

test('panes resize from the keyboard and remember their size', async ({ page }) => {
  await page.goto('/');
  const handle = page.getByRole('separator', { name: 'Resize Files' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect
    .poll(() => page.evaluate<string | null>(`localStorage.getItem('cairn.layout.v1')`))
    .toContain(`"filesWidth":${before + 32}`);
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize Files' })).toHaveAttribute(
    'aria-valuenow',
    String(before + 32),
  );

  await page.getByRole('button', { name: 'Hide Files' }).click();
  await expect(page.getByRole('navigation', { name: 'Files' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show Files' }).click();
  await expect(page.getByRole('navigation', { name: 'Files' })).toBeVisible();
});
