/**
 * Memory under use, through the real app: the web host serving a vault, Chromium driving the page
 * as a reader would. Opens the global graph, then reads 500 notes in a row and switches the graph
 * between Local and Global 50 times; the renderer's JS heap (after a forced collection, via the
 * DevTools protocol) and the host's RSS are taken before and after. Also the renderer heap with the
 * vault open and the global graph shown, and the longest task the page's main thread ran meanwhile.
 *
 * `benchUsage(vaults)` is called by `npm run bench` (skip with BENCH_SKIP_USAGE=1); needs `npm run build`.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { BenchVault } from './bench-vaults';
import { memoryOf, startHost, untilSearchReady } from './host-bench';
import { launchChromium } from './chromium';
import type { Row } from './stats';

const NOTES_READ = 500;
const MODE_SWITCHES = 50;
/** The reader keeps this many notes it has shown (renderer/src/reader/note-cache.ts MAX): the heap grows until it is full. */
const NOTE_CACHE = 100;

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1048576;
}

/** Waits until the graph pane's status has said the same thing for half a second. */
async function graphSettled(page: Page): Promise<void> {
  const status = page.getByRole('region', { name: 'Graph' }).getByRole('status', { name: 'Graph status' });
  let last = '';
  let since = Date.now();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const now = (await status.textContent()) ?? '';
    if (now !== last) [last, since] = [now, Date.now()];
    else if (now && !/loading|laying out/i.test(now) && Date.now() - since > 500) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the graph did not settle: ${last}`);
}

async function expectChange(page: Page, previous: string | null): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const now = await page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 }).textContent().catch(() => null);
    if (now && now !== previous) return;
    await page.waitForTimeout(20);
  }
}

async function mode(page: Page, name: 'Local' | 'Global'): Promise<void> {
  await page.getByRole('group', { name: 'Graph mode' }).getByRole('button', { name }).click();
  await graphSettled(page);
}

export async function benchUsage(vaults: BenchVault[]): Promise<Row[]> {
  const rows: Row[] = [];
  const browser = await launchChromium();
  try {
    for (const vault of vaults) {
      const { child, url: urlPromise } = startHost(vault.dir, null);
      try {
        const url = await urlPromise;
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const cdp = await page.context().newCDPSession(page);
        await page.addInitScript(() => {
          const w = globalThis as unknown as { longest_: number };
          w.longest_ = 0;
          // 'longtask' is a DOM entry type that Node's typings (which bench files see) do not list.
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.longest_ = Math.max(w.longest_, e.duration);
          }).observe({ type: 'longtask', buffered: true } as unknown as { type: 'mark' });
        });
        await page.goto(url);
        await page.getByRole('progressbar', { name: 'Indexing' }).waitFor({ state: 'detached', timeout: 300_000 });
        const k = vault.label;
        process.stderr.write(`  usage ${k}: vault open\n`);
        await mode(page, 'Global');
        process.stderr.write(`  usage ${k}: global graph shown\n`);
        const paths = await page.evaluate(async () => {
          const res = await fetch('api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'listNotes', params: {} }) });
          return ((await res.json()) as { value: { path: string }[] }).value.map((n) => n.path);
        });
        // The host idle before its "before": full-text search built, as after any open.
        await untilSearchReady(url);
        const shown = await heapMb(cdp);
        rows.push({ area: 'usage', measure: `${k}: renderer JS heap, vault open, global graph shown`, value: shown, unit: 'MB', target: vault.n === 10_000 ? '≤ 150' : vault.n === 100_000 ? '≤ 700' : undefined });
        const before = { heap: shown, rss: (await memoryOf(child.pid!)).rss };

        const step = Math.max(1, Math.floor(paths.length / NOTES_READ));
        let midway = NaN;
        const reader = page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 });
        for (let i = 0; i < NOTES_READ && i * step < paths.length; i++) {
          const path = paths[i * step]!;
          const previous = await reader.textContent().catch(() => null);
          await page.evaluate((p) => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/note/' + p.split('/').map(encodeURIComponent).join('/')), path);
          // Same-named notes in different folders share a title: then the wait ends on its timeout.
          await expectChange(page, previous);
          if (i % 50 === 49) process.stderr.write(`  usage ${k}: ${i + 1} notes read\n`);
          if (i === NOTE_CACHE - 1) midway = await heapMb(cdp);
        }
        for (let i = 0; i < MODE_SWITCHES; i++) {
          await mode(page, i % 2 === 0 ? 'Local' : 'Global');
          if (i % 10 === 9) process.stderr.write(`  usage ${k}: ${i + 1} graph mode switches\n`);
        }
        const after = { heap: await heapMb(cdp), rss: (await memoryOf(child.pid!)).rss };
        const growth = (a: number, b: number) => (100 * (b - a)) / a;
        rows.push({ area: 'usage', measure: `${k}: renderer JS heap before / after ${NOTES_READ} notes read and ${MODE_SWITCHES} graph mode switches`, value: after.heap, unit: `MB (before ${Math.round(before.heap)})` });
        rows.push({ area: 'usage', measure: `${k}: renderer JS heap growth over that use`, value: growth(before.heap, after.heap), unit: '%', target: '≤ 10' });
        rows.push({ area: 'usage', measure: `${k}: renderer JS heap growth from the ${NOTE_CACHE}th note read (the note cache full) to the end`, value: growth(midway, after.heap), unit: '%' });
        rows.push({ area: 'usage', measure: `${k}: host RSS before / after that use`, value: after.rss, unit: `MB (before ${Math.round(before.rss)})` });
        rows.push({ area: 'usage', measure: `${k}: host RSS growth over that use`, value: growth(before.rss, after.rss), unit: '%', target: '≤ 10' });
        rows.push({ area: 'usage', measure: `${k}: longest task on the page's main thread, open to the end`, value: await page.evaluate(() => (globalThis as unknown as { longest_: number }).longest_), unit: 'ms', target: '≤ 100 at 100k' });
        await page.close();
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
