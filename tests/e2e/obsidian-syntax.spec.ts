/**
 * Obsidian's markdown in the reader, on the sample vault's tour note (`vault/Formatting a metrics
 * review.md`): highlights, hidden comments, KaTeX math, mermaid diagrams, footnote popovers, task
 * statuses, properties with links, sized images, audio, video and PDF embeds, and a remote image's
 * fallback offline. KaTeX and mermaid load only for notes that need them.
 *
 * `$…$` / `$$…$$` and `%% comments %%` are parsed by the shared pipeline (another branch); the
 * assertions on them pass once that parser is merged.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './helpers/cairn-test';
import type { ServeHandle } from './helpers/cairn-test';
import { reader, title } from './helpers/reader';
import { REPO_ROOT, startServe } from './helpers/serve';

const TOUR = 'Formatting a metrics review.md';
const TOUR_URL = '/#/note/' + encodeURIComponent(TOUR);

/** The sample vault itself (copied, so nothing can change it), rather than a fixture. */
const test = base.extend<object, { cairnHost: ServeHandle }>({
  cairnHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'cairn-ofm-'));
      await cp(join(REPO_ROOT, 'vault'), join(dir, 'vault'), { recursive: true });
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
  const sized = r.locator('img.embed-image[src$="/asset/media/weekly-signups.png"]');
  await expect(sized).toHaveCount(2);
  await expect(sized.first()).toHaveAttribute('width', '300');
  await expect(sized.nth(1)).toHaveAttribute('width', '120');
  await expect(sized.nth(1)).toHaveAttribute('alt', 'Weekly signups');
  expect(await sized.first().evaluate((el) => (el as unknown as { clientWidth: number }).clientWidth)).toBe(300);

  await expect(r.locator('audio')).toHaveAttribute('src', '/asset/media/review-chime.wav');
  const video = r.locator('video');
  await expect(video).toHaveAttribute('src', '/asset/media/sample-clip.webm');
  await video.evaluate((el) => {
    const v = el as unknown as { muted: boolean; play(): Promise<void> };
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((el) => (el as unknown as { readyState: number }).readyState))
    .toBeGreaterThanOrEqual(2);

  const pdf = r.locator('iframe.embed-pdf');
  await expect(pdf).toHaveAttribute('src', '/asset/media/metrics-review.pdf#page=2');
  await expect(pdf).toHaveAttribute('title', /metrics-review\.pdf/);
  const reply = await page.request.get('/asset/media/metrics-review.pdf');
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
