/**
 * Obsidian's markdown in the reader, on the sample vault's tour note (`vault/Formatting a metrics
 * review.md`): highlights, hidden comments, KaTeX math, mermaid diagrams, footnote popovers, task
 * statuses, properties with links, sized images, audio, video and PDF embeds, and a remote image's
 * fallback offline. KaTeX and mermaid load only for notes that need them.
 *
 * `$…$` / `$$…$$` and `%% comments %%` are parsed by the shared pipeline (another branch); the
 * assertions on them pass once that parser is merged.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './helpers/cairn-test';
import type { ServeHandle } from './helpers/cairn-test';
import { reader, title } from './helpers/reader';
import { REPO_ROOT, startServe } from './helpers/serve';

const TOUR = 'Formatting a metrics review.md';
const TOUR_URL = '/#/note/' + encodeURIComponent(TOUR);
const HELP_URL = '/#/note/' + ['Obsidian help', 'Help tour.md'].map(encodeURIComponent).join('/');

/** The sample vault itself (copied, so nothing can change it), rather than a fixture. */
const test = base.extend<object, { cairnHost: ServeHandle }>({
  cairnHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'cairn-ofm-'));
      await cp(join(REPO_ROOT, 'vault'), join(dir, 'vault'), { recursive: true });
      // Notes shaped like Obsidian's help vault and daily-note templates (tests at the end).
      await cp(join(REPO_ROOT, 'tests/fixtures/obsidian-help'), join(dir, 'vault', 'Obsidian help'), {
        recursive: true,
      });
      const host = await startServe({ vaultDir: join(dir, 'vault') });
      await use(host);
      await host.stop();
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

async function openTour(page: Page) {
  await page.goto(TOUR_URL);
  await expect(title(page)).toHaveText('Formatting a metrics review');
  return reader(page);
}

test('highlights are marks, and comments are hidden', async ({ page }) => {
  const r = await openTour(page);
  await expect(r.locator('mark').first()).toHaveText('activation held steady');
  await expect(r.locator('mark strong')).toHaveText('not');
  await expect(r.getByText('activation held steady')).toBeVisible();
  expect(await r.locator('p', { hasText: 'Signups rose' }).innerText()).not.toContain('==');
  // Inline and block %% comments: hidden once the shared pipeline's comment parser is merged.
  await expect(r).not.toContainText('platform team');
  await expect(r).not.toContainText('Private reviewer notes');
});

test('a fenced math block is typeset by KaTeX, its fonts loaded under the page CSP', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text().slice(0, 200));
  });
  const fonts: string[] = [];
  page.on('response', (res) => {
    if (/KaTeX_.*\.woff2$/.test(res.url()) && res.ok()) fonts.push(res.url());
  });
  const r = await openTour(page);
  const fenced = r.locator('.math-display').filter({ hasText: 'week 20' });
  await expect(fenced.locator('.katex-display .katex')).toBeVisible();
  // MathML for screen readers, and the TeX source itself is not shown as text.
  await expect(fenced.locator('math annotation')).toHaveText(/\\Delta/);
  await expect(fenced.locator('.katex-html')).not.toContainText('\\Delta');
  await expect.poll(() => fonts.length).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test('$…$ and $$…$$ math is typeset by KaTeX (needs the shared $ parser)', async ({ page }) => {
  const r = await openTour(page);
  await expect(r.locator('.math-display .katex-display')).toHaveCount(2);
  await expect(r.locator('.math-inline .katex')).toHaveCount(1);
  expect(await r.locator('p', { hasText: 'Activation is the share' }).innerText()).not.toContain('$');
});

test('a mermaid block is drawn as a diagram image in the app’s theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const r = await openTour(page);
  const img = r.locator('figure.diagram img');
  await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect(img).toHaveAttribute('alt', /flowchart LR/);
  expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
  const lightSrc = (await img.getAttribute('src')) ?? '';
  const light = decodeURIComponent(lightSrc);
  expect(light).toContain('ingestion');
  expect(light).not.toContain('<script');
  // Switching the system to dark draws it again in mermaid's dark theme (its dark node fill).
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(img).not.toHaveAttribute('src', lightSrc);
  expect(decodeURIComponent((await img.getAttribute('src')) ?? '')).toContain('#1f2020');
});

test('a note without math or diagrams loads neither library', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (req) => requested.push(req.url()));
  await page.goto('/#/note/' + encodeURIComponent('Culture/Transparency.md'));
  await expect(title(page)).toHaveText('Transparency');
  await expect(reader(page).locator('p').first()).toBeVisible();
  expect(requested.some((u) => u.includes('/assets/index-'))).toBe(true);
  const heavy = requested.filter((u) => /\/assets\/(katex|mermaid|KaTeX_)/.test(u));
  expect(heavy).toEqual([]);
  // Opening the tour in the same page does load them, so the names watched above are the right ones.
  await page.goto(TOUR_URL);
  await expect(reader(page).locator('figure.diagram img')).toBeVisible();
  await expect(reader(page).locator('.katex').first()).toBeVisible();
  expect(requested.some((u) => /\/assets\/katex-module/.test(u))).toBe(true);
  expect(requested.some((u) => /\/assets\/mermaid-module/.test(u))).toBe(true);
  expect(requested.some((u) => /\/assets\/KaTeX_.*\.woff2$/.test(u))).toBe(true);
  expect(requested.filter((u) => /^https?:/.test(u) && !u.startsWith(new URL(page.url()).origin))).toEqual([]);
});

test('footnotes, GFM and inline, show in a popover on hover and on focus', async ({ page }) => {
  const r = await openTour(page);
  const refs = r.locator('a[data-footnote-ref]');
  // Three in the text, and one in each of the two footnotes that cite each other.
  await expect(refs).toHaveCount(5);
  await refs.first().hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('Cohorts are grouped by signup week');
  await expect(tip).not.toContainText('↩');
  await expect(refs.first()).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? 'none');
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  // The inline ^[…] footnote, reached with the keyboard.
  await refs.nth(1).focus();
  await expect(page.getByRole('tooltip')).toContainText('The batch landed six hours late');
  // The two footnotes cite each other; both are listed once.
  await expect(r.locator('section.footnotes li')).toHaveCount(3);
});

test('sized images, audio, video and a PDF are embedded through the confined file route', async ({ page }) => {
  const r = await openTour(page);
  // Asset URLs are relative to the page, whose path holds the host's token.
  const sized = r.locator('img.embed-image[src$="asset/media/weekly-signups.png"]');
  await expect(sized).toHaveCount(2);
  await expect(sized.first()).toHaveAttribute('width', '300');
  await expect(sized.nth(1)).toHaveAttribute('width', '120');
  await expect(sized.nth(1)).toHaveAttribute('alt', 'Weekly signups');
  expect(await sized.first().evaluate((el) => (el as unknown as { clientWidth: number }).clientWidth)).toBe(300);

  await expect(r.locator('audio')).toHaveAttribute('src', /(^|\/)asset\/media\/review-chime\.wav$/);
  const video = r.locator('video');
  await expect(video).toHaveAttribute('src', /(^|\/)asset\/media\/sample-clip\.webm$/);
  await video.evaluate((el) => {
    const v = el as unknown as { muted: boolean; play(): Promise<void> };
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((el) => (el as unknown as { readyState: number }).readyState))
    .toBeGreaterThanOrEqual(2);

  const pdf = r.locator('iframe.embed-pdf');
  await expect(pdf).toHaveAttribute('src', /(^|\/)asset\/media\/metrics-review\.pdf#page=2$/);
  await expect(pdf).toHaveAttribute('title', /metrics-review\.pdf/);
  const reply = await page.request.get(new URL((await pdf.getAttribute('src'))!, page.url()).href);
  expect(reply.headers()['content-type']).toBe('application/pdf');
  expect(reply.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
});

test('task statuses are read-only checkboxes named by their status', async ({ page }) => {
  const r = await openTour(page);
  const boxes = r.getByRole('checkbox');
  await expect(boxes).toHaveCount(7);
  await expect(r.getByRole('checkbox', { name: 'Done' })).toBeChecked();
  await expect(r.getByRole('checkbox', { name: 'To do' })).not.toBeChecked();
  await expect(r.getByRole('checkbox', { name: 'In progress' })).toHaveAttribute('aria-checked', 'mixed');
  for (const name of ['Cancelled', 'Deferred', 'Important', 'Question'])
    await expect(r.getByRole('checkbox', { name })).toBeVisible();
  await expect(r.locator('li[data-task="?"]')).toHaveText(/Should trials count as signups\?/);
  await expect(r).not.toContainText('[/]');
});

test('properties show tags, dates, nested values and links', async ({ page }) => {
  const r = await openTour(page);
  const props = r.getByRole('definition').first().locator('xpath=ancestor::dl[1]');
  await expect(props).toHaveAttribute('aria-label', 'Properties');
  await expect(props.locator('.chip-tag')).toHaveText(['#cairn/demo', '#practices']);
  await expect(props.locator('time[datetime="2024-05-06"]')).toBeVisible();
  await expect(props.getByRole('link', { name: 'Shared metric definitions' })).toBeVisible();
  await expect(props.getByRole('link', { name: 'DSE' })).toBeVisible();
  await expect(props.locator('.property-object')).toContainText('Analytics engineering');
  await expect(props).not.toContainText('[object Object]');
  await expect(props).not.toContainText('{');
  await expect(props).not.toContainText('[[');
  // Empty values are left out.
  await expect(props.locator('dt', { hasText: 'status' })).toHaveCount(0);
  await expect(props.locator('dt', { hasText: 'empty list' })).toHaveCount(0);
  await props.getByRole('link', { name: 'Shared metric definitions' }).click();
  await expect(title(page)).toHaveText('Shared metric definitions');
});

test('a remote image loads from the web, and offline shows its alt text and host', async ({ page }) => {
  await page.route('https://img.shields.io/**', (route) => route.abort('internetdisconnected'));
  const r = await openTour(page);
  // Lazy images load when scrolled to; bring it into view so the (blocked) request is made.
  await r.getByRole('img', { name: 'Pipeline build status' }).scrollIntoViewIfNeeded();
  const fallback = r.getByRole('link', { name: /Pipeline build status/ });
  await expect(fallback).toContainText('img.shields.io');
  await expect(fallback).toHaveAttribute('href', /^https:\/\/img\.shields\.io\//);
});

test('a broken or huge diagram shows its source and why, and the reader stays usable', async ({ page, cairnHost }) => {
  test.setTimeout(120_000);
  // 2 MB in 10,000 long lines (remark-parse itself takes tens of seconds on 2 MB of very short lines).
  const huge = 'flowchart TD\n' + ('  N' + 'x'.repeat(200) + ' --> B\n').repeat(10_000);
  await writeFile(
    join(cairnHost.vaultDir, 'Huge diagram.md'),
    '# Huge diagram\n\n```mermaid\n' + huge + '```\n\n```mermaid\nflowchart TD\n  A --> \n```\n\nAfter the diagrams.\n',
  );
  await page.goto('/#/note/' + encodeURIComponent('Huge diagram.md'));
  const r = reader(page);
  await expect(r.getByText('After the diagrams.')).toBeVisible({ timeout: 60_000 });
  await expect(r.locator('[data-diagram-state="too-large"]')).toContainText('Too large to draw');
  await expect(r.locator('[data-diagram-state="invalid"] figcaption')).toContainText(/error|Expecting|Parse/i);
  await expect(r.locator('[data-diagram-state="invalid"] code')).toContainText('A -->');
  // Still responsive: the file tree answers a click.
  await page.getByRole('treeitem', { name: 'Start here' }).click();
  await expect(title(page)).toHaveText('Start here');
});

// Specs type-check without the DOM library, so page-side values are described by hand.
type Sized = { clientWidth: number; clientHeight: number };

async function openHelp(page: Page) {
  await page.goto(HELP_URL);
  await expect(title(page)).toHaveText('Help tour');
  return reader(page);
}

test('a task with nothing after its marker is an empty checkbox, not the text “[ ]”', async ({ page }) => {
  const r = await openHelp(page);
  const list = r.locator('ul', { hasText: 'call the plumber' });
  await expect(list.getByRole('checkbox')).toHaveCount(3);
  await expect(list.getByRole('checkbox', { name: 'To do' })).toHaveCount(2);
  await expect(list.getByRole('checkbox', { name: 'Done' })).toBeChecked();
  await expect(list).not.toContainText('[');
});

test('a link to a heading or block shows `Note > Heading`, and one within the note just the heading', async ({
  page,
}) => {
  const r = await openHelp(page);
  const section = r.locator('p', { hasText: 'See ' });
  for (const name of [
    'Three laws of motion > What is a force?',
    'Three laws of motion > Second law',
    'Three laws of motion > ^second-law',
    'Daily template',
    'the second law',
  ])
    await expect(section.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(section.getByRole('link', { name: 'Three laws of motion', exact: true })).toHaveCount(0);
  await section.getByRole('link', { name: 'Three laws of motion > Second law' }).click();
  await expect(title(page)).toHaveText('Three laws of motion');
});

test('an image embed stays inline in its sentence; one alone on its line fits the column', async ({ page }) => {
  const r = await openHelp(page);
  const sentence = r.locator('p', { hasText: 'More options' });
  const icon = sentence.locator('img[src$="more-options.svg"]');
  await expect(icon).toBeVisible();
  const words = (await sentence.locator('strong').boundingBox())!;
  const box = (await icon.boundingBox())!;
  // On the same line as “More options”, right after it, not on a line of its own.
  expect(box.y).toBeLessThan(words.y + words.height);
  expect(box.y + box.height).toBeGreaterThan(words.y);
  expect(box.x).toBeGreaterThan(words.x + words.width);
  const alone = r.locator('img.embed-image[src$="weekly-signups.png"]');
  await alone.scrollIntoViewIfNeeded();
  const column = await sentence.evaluate((el) => (el as unknown as Sized).clientWidth);
  await expect.poll(() => alone.evaluate((el) => (el as unknown as Sized).clientWidth)).toBeGreaterThan(0);
  const width = await alone.evaluate((el) => (el as unknown as Sized).clientWidth);
  expect(width).toBeLessThanOrEqual(column);
});

test('a YouTube link written as an image opens the player at its video, and offline offers the watch link', async ({
  page,
}) => {
  await page.context().route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
  const r = await openHelp(page);
  await expect(r.locator('img[src*="youtube.com"]')).toHaveCount(0);
  await expect(r.getByRole('link', { name: 'Watch on YouTube' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=NnTvZWp5Q7o&t=90s',
  );
  await r.getByRole('button', { name: 'Play video: Obsidian in five minutes' }).click();
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.locator('iframe')).toHaveAttribute('src', /\/embed\/NnTvZWp5Q7o\?.*start=90/);
  await expect(player.getByRole('link', { name: 'Open in browser' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=NnTvZWp5Q7o&t=90s',
    { timeout: 20_000 },
  );
});

test('a PDF embed takes its height from #height=N, with or without page=N', async ({ page }) => {
  const r = await openHelp(page);
  const pdfs = r.locator('iframe.embed-pdf');
  await expect(pdfs).toHaveCount(2);
  await expect(pdfs.first()).toHaveAttribute('src', /(^|\/)asset\/media\/metrics-review\.pdf$/);
  await expect(pdfs.nth(1)).toHaveAttribute('src', /(^|\/)asset\/media\/metrics-review\.pdf#page=2$/);
  await expect(pdfs.nth(1)).toHaveAttribute('title', 'PDF: metrics-review.pdf, page 2');
  expect(Math.round((await pdfs.first().boundingBox())!.height)).toBe(400);
  expect(Math.round((await pdfs.nth(1).boundingBox())!.height)).toBe(300);
});

test('an image whose alt is only a number is that many pixels wide', async ({ page }) => {
  const png = await readFile(join(REPO_ROOT, 'vault/media/weekly-signups.png'));
  await page.route('https://example.org/photo.png', (route) => route.fulfill({ body: png, contentType: 'image/png' }));
  const r = await openHelp(page);
  const img = r.locator('img.remote-image[src="https://example.org/photo.png"]');
  await img.scrollIntoViewIfNeeded();
  await expect(img).toHaveAttribute('width', '250');
  await expect.poll(() => img.evaluate((el) => (el as unknown as Sized).clientWidth)).toBe(250);
});

test('an embedded note’s footnotes are its own: no shared ids, and its reference shows its footnote', async ({
  page,
}) => {
  const r = await openHelp(page);
  const embed = r.locator('.embed-note', { hasText: 'The aside says' });
  await expect(embed.locator('a[data-footnote-ref]')).toHaveCount(1);
  const ids = await r.evaluate((el) =>
    Array.from(
      (el as unknown as { querySelectorAll(s: string): ArrayLike<{ id: string }> }).querySelectorAll('[id]'),
      (e) => e.id,
    ),
  );
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  await embed.locator('a[data-footnote-ref]').hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('embedded inline footnote');
  await expect(tip).not.toContainText('host inline footnote');
  await page.mouse.move(0, 0);
  await r.locator('p', { hasText: 'The host says' }).locator('a[data-footnote-ref]').hover();
  await expect(page.getByRole('tooltip')).toContainText('host inline footnote');
  // A click lands on the embedded note’s own footnote, inside the embed.
  await embed.locator('a[data-footnote-ref]').click();
  await expect(embed.locator('section.footnotes .flash')).toHaveCount(1);
});

test('loading the page logs no console error (no /favicon.ico request without the token)', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text().slice(0, 200));
  });
  const favicons: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('favicon')) favicons.push(req.url());
  });
  await page.goto('/#/note/' + encodeURIComponent('Start here.md'));
  await expect(title(page)).toHaveText('Start here');
  await page.waitForLoadState('networkidle');
  expect(favicons).toEqual([]);
  expect(errors).toEqual([]);
});
