/**
 * Graph bench: the real graph pane (bench/graph-page, built with Vite) on synthetic vaults of
 * 1k and 10k notes (~5 links a note, power-law targets), driven in Chromium through Playwright.
 * Measures the first drawn frame cold (layout from scratch) and from cached positions, the time
 * to a settled layout, the longest main-thread task while laying out, frames per second while
 * panning and zooming with the mouse, and how long the local graph of a note takes to draw.
 *
 * `benchGraphView(sizes)` measures the main-area graph view: its first frame from cached positions
 * and keyboard focus moves (BENCH_ONLY_GRAPH_VIEW=1 npm run bench runs only those rows).
 *
 * `npm run bench` calls `benchGraph(sizes)`; `npx tsx bench/graph-bench.ts 1000,10000` runs it alone.
 * With BENCH_GRAPH_100K=1 it also opens the global graph of issue #12's vault (100k notes, ~1.7 M
 * links, deep folders; see synthetic-graph.ts `vault`): first useful frame, the longest UI-thread
 * task, panning, and the renderer's JS heap (off by default: it takes minutes).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { buildGraphPage, serveGraphPage } from './graph-page-host';
import { launchChromium } from './chromium';
import { median, type Row } from './stats';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(REPO, 'out', 'graph-bench');
const VIEW = { width: 1280, height: 800 };

interface Mark {
  name: string;
  t: number;
  detail?: Record<string, number>;
}

/** What the bench page exposes (bench/graph-page/main.tsx), seen from page.evaluate callbacks. */
interface PageGlobals {
  bench: {
    t0: number;
    marks: Mark[];
    view: { stats(): { drawnEdges: number; edgeDrawMs: number; labelDrawMs: number; focusMoveMs: number; draws: number } } | null;
    open(path: string | null): void;
  };
  frames_: { n: number; t0: number; stop: boolean };
  longest_: number;
  obs_: { observe(options: unknown): void; disconnect(): void };
}

/** The page's JS heap after a full garbage collection, in MB (the main thread's isolate: workers not included). */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}


async function waitForMark(page: Page, name: string, after = -1, timeoutMs = 120_000): Promise<Mark> {
  const handle = await page.waitForFunction(
    ([n, a]) => (globalThis as unknown as PageGlobals).bench?.marks.find((m) => m.name === n && m.t > (a as number)) ?? null,
    [name, after] as const,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as Mark;
}

/** Counts animation frames in the page while `drive` runs. */
async function fps(page: Page, drive: () => Promise<void>): Promise<number> {
  // A string, so the bundler's helpers (tsx names functions with __name) stay out of the page.
  await page.evaluate(`(() => {
    const f = (window.frames_ = { n: 0, t0: performance.now(), stop: false });
    requestAnimationFrame(function tick() {
      if (f.stop) return;
      f.n++;
      requestAnimationFrame(tick);
    });
  })()`);
  await drive();
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    w.frames_.stop = true;
    return w.frames_.n / ((performance.now() - w.frames_.t0) / 1000);
  });
}

async function pan(page: Page): Promise<void> {
  // Grab the background (left of the fitted graph), not a node: that would drag the node.
  const cx = 24;
  const cy = VIEW.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 90; i++) {
    const a = (i / 90) * 2 * Math.PI;
    await page.mouse.move(cx + 200 + Math.sin(a) * 200, cy + Math.sin(2 * a) * 120);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function zoom(page: Page): Promise<void> {
  await page.mouse.move(VIEW.width / 2 + 40, VIEW.height / 2 - 30);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, i < 30 ? -60 : 60);
    await page.waitForTimeout(16);
  }
}

/** Longest main-thread task (ms) from now until `until` resolves. */
async function longestTask<T>(page: Page, until: () => Promise<T>): Promise<{ value: T; longestMs: number }> {
  await page.evaluate(`(() => {
    window.longest_ = 0;
    window.obs_ = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest_ = Math.max(window.longest_, e.duration);
    });
    window.obs_.observe({ type: 'longtask', buffered: false });
  })()`);
  const value = await until();
  const longestMs = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    w.obs_.disconnect();
    return w.longest_;
  });
  return { value, longestMs };
}

async function benchSize(browser: Browser, origin: string, n: number, add: (row: Row) => void): Promise<void> {
  const k = `${n / 1000}k`;
  const key = `bench-${n}-${Date.now()}`;
  const context = await browser.newContext({ viewport: VIEW, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (err) => process.stderr.write(`  page error: ${err.message}\n`));
  try {
    // Cold: nothing cached, the layout runs from scratch.
    await page.goto(`${origin}/index.html?n=${n}&key=${key}&mode=global&size=${VIEW.width}x${VIEW.height}`);
    const { value: cold, longestMs } = await longestTask(page, async () => {
      const drawn = await waitForMark(page, 'drawn');
      const settled = await waitForMark(page, 'settled');
      return { drawn, settled };
    });
    const stats = await page.evaluate(() => (globalThis as unknown as PageGlobals).bench.view!.stats());
    add({ area: 'graph', measure: `${k} notes: first drawn frame, cold (layout from scratch)`, value: cold.drawn.t / 1000, unit: 's', target: n >= 10000 ? '≤ 6' : undefined });
    add({ area: 'graph', measure: `${k} notes: settled layout, cold`, value: cold.settled.t / 1000, unit: 's' });
    add({ area: 'graph', measure: `${k} notes: layout worker time to settle`, value: (cold.settled.detail?.workerMs ?? NaN) / 1000, unit: 's' });
    add({ area: 'graph', measure: `${k} notes: longest UI-thread task while laying out`, value: longestMs, unit: 'ms' });
    add({ area: 'graph', measure: `${k} notes: links drawn`, value: stats.drawnEdges, unit: 'links' });
    // Let the positions be saved, then reopen: drawn from the cache.
    await page.waitForTimeout(2500);
    await page.reload();
    const warm = await waitForMark(page, 'drawn');
    add({ area: 'graph', measure: `${k} notes: first drawn frame from cached positions`, value: warm.t / 1000, unit: 's', target: n >= 10000 ? '≤ 1.5' : undefined });
    const synced = await waitForMark(page, 'synced').catch(() => null);
    if (synced) add({ area: 'graph', measure: `${k} notes: all elements in Cytoscape (interactive) from cache`, value: synced.t / 1000, unit: 's' });
    await page.waitForTimeout(1000);
    const panFps = await fps(page, () => pan(page));
    add({ area: 'graph', measure: `${k} notes: frames per second while panning (mouse drag)`, value: panFps, unit: 'fps', target: n >= 10000 ? '≥ 45' : undefined });
    add({ area: 'graph', measure: `${k} notes: renderer JS heap, global graph shown (after GC)`, value: await heapMB(page), unit: 'MB', target: n >= 10000 ? '≤ 150' : undefined });
    await page.waitForTimeout(500);
    const zoomFps = await fps(page, () => zoom(page));
    add({ area: 'graph', measure: `${k} notes: frames per second while zooming (mouse wheel)`, value: zoomFps, unit: 'fps' });
    const draw = await page.evaluate(() => (globalThis as unknown as PageGlobals).bench.view!.stats());
    add({ area: 'graph', measure: `${k} notes: one full redraw of the edge layer`, value: draw.edgeDrawMs, unit: 'ms' });

    // Local graph: switch the open note and time until its neighbourhood is drawn.
    await page.goto(`${origin}/index.html?n=${n}&key=${key}&mode=local&size=${VIEW.width}x${VIEW.height}`);
    await page.waitForFunction(() => Boolean((globalThis as unknown as PageGlobals).bench?.view));
    const times: number[] = [];
    const sample = [101, 2203, 577, 3001, 809, 4417, 333, 999].map((i) => i % n);
    for (const i of sample) {
      const path = await page.evaluate((j) => `${['Podcast', 'Data stack', 'Analytics', 'Practices', 'Culture', 'People', 'Sources', 'Archive/2023', 'Archive/2024'][j % 9]}/Note ${j}.md`, i);
      const before = await page.evaluate(() => performance.now() - (globalThis as unknown as PageGlobals).bench.t0);
      await page.evaluate((p) => (globalThis as unknown as PageGlobals).bench.open(p), path);
      const mark = await waitForMark(page, 'drawn', before, 20_000);
      times.push(mark.t - before);
      await page.waitForTimeout(300);
    }
    // The first switch after the page loads also warms the JIT and the layout worker: reported apart.
    const [first, ...later] = times;
    add({ area: 'graph', measure: `${k} notes: local graph of a note, first switch after load`, value: first!, unit: 'ms' });
    add({ area: 'graph', measure: `${k} notes: local graph of a note, drawn (median of ${later.length} more)`, value: median(later), unit: 'ms', target: '≤ 100' });
    add({ area: 'graph', measure: `${k} notes: local graph of a note, drawn (slowest of those)`, value: Math.max(...later), unit: 'ms' });
  } finally {
    await context.close();
  }
}

/**
 * The global graph of a vault shaped like issue #12's (100k notes, ~1.7 M links): opened cold,
 * since a first layout of it is what a person meets first.
 */
async function benchHuge(browser: Browser, origin: string, n: number, add: (row: Row) => void): Promise<void> {
  const k = `${n / 1000}k`;
  const key = `bench-huge-${n}-${Date.now()}`;
  const context = await browser.newContext({ viewport: VIEW, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (err) => process.stderr.write(`  page error: ${err.message}\n`));
  try {
    // The page builds its synthetic graph data first (the app's equivalent is receiving the
    // host's payload); its clock (bench.t0, which marks count from) starts once that is done.
    await page.goto(`${origin}/index.html?n=${n}&shape=vault&key=${key}&mode=global&size=${VIEW.width}x${VIEW.height}`, { timeout: 300_000 });
    const { value: drawn, longestMs } = await longestTask(page, async () => {
      const mark = await waitForMark(page, 'drawn', -1, 180_000).catch(() => null);
      // The layout and the hand-over to Cytoscape keep going after the first frame: watch them too.
      await page.waitForTimeout(10_000);
      return mark;
    });
    const links = await page.evaluate(() => (globalThis as unknown as PageGlobals).bench.view!.stats());
    add({ area: 'graph', measure: `${k} vault-shaped notes: first useful frame, cold (from graph data in hand)`, value: drawn ? drawn.t / 1000 : NaN, unit: 's', target: '≤ 4' });
    add({ area: 'graph', measure: `${k} vault-shaped notes: links in the graph`, value: links.drawnEdges, unit: 'links' });
    add({ area: 'graph', measure: `${k} vault-shaped notes: longest UI-thread task, first frame + 10 s`, value: longestMs, unit: 'ms', target: '≤ 100' });
    add({ area: 'graph', measure: `${k} vault-shaped notes: renderer JS heap, global graph shown (after GC)`, value: await heapMB(page), unit: 'MB', target: '≤ 700' });
    if (drawn) {
      const panFps = await fps(page, () => pan(page));
      add({ area: 'graph', measure: `${k} vault-shaped notes: frames per second while panning (mouse drag)`, value: panFps, unit: 'fps', target: '≥ 30' });
      const zoomFps = await fps(page, () => zoom(page));
      add({ area: 'graph', measure: `${k} vault-shaped notes: frames per second while zooming (mouse wheel)`, value: zoomFps, unit: 'fps' });
    }
  } finally {
    await context.close();
  }
}

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The graph view in the main area: first frame from cached positions, and keyboard focus moves. */
async function benchViewSize(browser: Browser, origin: string, n: number, add: (row: Row) => void): Promise<void> {
  const k = `${n / 1000}k`;
  const key = `bench-view-${n}-${Date.now()}`;
  const context = await browser.newContext({ viewport: VIEW, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (err) => process.stderr.write(`  page error: ${err.message}\n`));
  const url = `${origin}/index.html?n=${n}&key=${key}&mode=global&variant=view&size=${VIEW.width}x${VIEW.height}`;
  try {
    // A first visit lays the vault out and saves the positions; the next opens from them.
    await page.goto(url);
    await waitForMark(page, 'settled');
    await page.waitForTimeout(2500);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      warm.push((await waitForMark(page, 'drawn')).t);
    }
    add({ area: 'graph', measure: `${k} notes: graph view first frame from cached positions (median of 3, from page start)`, value: median(warm) / 1000, unit: 's', target: '≤ 1' });

    // Keyboard: focus the stage, then walk with the arrow keys.
    await waitForMark(page, 'synced').catch(() => null);
    await page.locator('[role="application"]').focus();
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowDown'];
    const handler: number[] = [];
    const overlay: number[] = [];
    for (let i = 0; i < 100; i++) {
      await page.keyboard.press(keys[i % keys.length]!);
      // Wait for the overlay's redraw (the only layer a move redraws) to read its cost too.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const s = await page.evaluate(() => (globalThis as unknown as PageGlobals).bench.view!.stats());
      handler.push(s.focusMoveMs);
      overlay.push(s.labelDrawMs);
    }
    add({ area: 'graph', measure: `${k} notes: keyboard focus move, key handler (p95 of 100)`, value: percentile(handler, 95), unit: 'ms', target: '≤ 16' });
    add({ area: 'graph', measure: `${k} notes: keyboard focus move, overlay redraw (p95 of 100)`, value: percentile(overlay, 95), unit: 'ms' });
  } finally {
    await context.close();
  }
}

async function withBrowser(sizes: number[], run: (browser: Browser, origin: string, n: number, add: (row: Row) => void) => Promise<void>): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    process.stderr.write(`  ${row.area} · ${row.measure}: ${Math.round(row.value * 100) / 100} ${row.unit}\n`);
  };
  process.stderr.write('graph: building the bench page\n');
  buildGraphPage(OUT);
  const server = await serveGraphPage(OUT);
  const browser = await launchChromium();
  try {
    for (const n of sizes) {
      process.stderr.write(`graph ${n}\n`);
      await run(browser, server.origin, n, add);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

export async function benchGraph(sizes: number[]): Promise<Row[]> {
  const rows = await withBrowser(sizes, benchSize);
  if (process.env.BENCH_GRAPH_100K) rows.push(...(await benchGraphHuge([100_000])));
  return rows;
}

export function benchGraphHuge(sizes: number[]): Promise<Row[]> {
  return withBrowser(sizes, benchHuge);
}

export function benchGraphView(sizes: number[]): Promise<Row[]> {
  return withBrowser(sizes, benchViewSize);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  // `npx tsx bench/graph-bench.ts huge` runs only the 100k rows.
  const rows = process.argv[2] === 'huge' ? await benchGraphHuge([100_000]) : await benchGraph(sizes);
  for (const r of rows) process.stdout.write(`${r.measure.padEnd(70)} ${String(Math.round(r.value * 100) / 100).padStart(9)} ${r.unit.padEnd(6)} ${r.target ?? ''}\n`);
}
