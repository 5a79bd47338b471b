/**
 * A note is untrusted input. `tests/fixtures/vaults/hostile/Hostile.md` carries script tags, event
 * handler attributes, javascript: and data: links, iframes, object/embed, style, svg onload, a meta
 * refresh, a base tag and an mXSS attempt. The reader must draw it as inert content: no dialog, no
 * script effect, no frame, no navigation, and the app keeps working around it.
 */
import { test, expect } from './helpers/cairn-test';
import { reader } from './helpers/reader';

test.use({ vaultFixture: 'hostile' });

test('a hostile note renders inert', async ({ page, context }) => {
  // Nothing may leave the machine; a link that opens a tab gets an empty page.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.fulfill({ body: '' }));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://127.0.0.1:')) requests.push(url);
  });

  await page.goto('/#/note/Hostile.md');
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('Hostile');
  await expect(reader(page).getByText('The last line is ordinary text')).toBeVisible();

  // Nothing executable made it into the document.
  const article = reader(page).locator('article');
  await expect(page.locator('iframe, object, embed, frame, frameset')).toHaveCount(0);
  await expect(article.locator('script, style, meta, base, form, svg[onload], link')).toHaveCount(0);
  // In the body: the page's own head has one `data:` href, its empty icon (`renderer/index.html`).
  await expect(
    page.locator('body').locator('[href^="javascript:" i], [src^="javascript:" i], [href^="data:" i]'),
  ).toHaveCount(0);
  await expect(page.locator('head link[href^="data:"]')).toHaveAttribute('href', 'data:,');
  const handlerAttributes = await page.evaluate<number>(
    `[...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length`,
  );
  expect(handlerAttributes).toBe(0);

  // Interact with everything that looks interactive; none of it may run the note's code.
  for (const name of ['a javascript: link', 'an onclick link', 'markdown javascript link', 'data link']) {
    const target = reader(page).getByText(name, { exact: true });
    await target.hover();
    await target.click({ modifiers: [] }).catch(() => undefined);
  }
  await reader(page).getByText('cover', { exact: true }).hover();
  // The anchor's javascript: href is gone, and the note names no video: nothing to play.
  await expect(reader(page).getByRole('button', { name: 'Play 00:10' })).toBeDisabled();

  // The page did not navigate (meta refresh, base, links) and the app still works.
  await expect(page).toHaveURL(/#\/note\/Hostile\.md$/);
  await expect(reader(page)).toBeVisible();
  const display = await page.evaluate<string>('getComputedStyle(document.body).display');
  expect(display).not.toBe('none');
  await reader(page).getByRole('link', { name: 'Safe' }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('Safe');

  expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Nothing was fetched from anywhere but the host.
  expect(requests).toEqual([]);
});

test('the wikilink made of markup is shown as text', async ({ page }) => {
  await page.goto('/#/note/Hostile.md');
  await expect(reader(page).getByText('The last line is ordinary text')).toBeVisible();
  const link = reader(page).getByRole('link', { name: "<img src=x onerror=alert('wikilink')>" });
  await expect(link).toHaveAttribute('data-unresolved', '');
  await expect(link.locator('img')).toHaveCount(0);
});
