/**
 * Highlight reel bench: how long the reel takes to move between moments with local media, from a
 * click on "Next moment" to the <video>'s `seeked` event, in Chromium through the web host (built
 * renderer in out/), with no network. A note cites the sample clip at 11 seconds, in two notes and
 * out of order; the reel is walked through several times. The video is paused as each seek lands,
 * so moments do not flow into each other by themselves between clicks.
 *
 * `npm run bench` calls `benchReel()` (skip with BENCH_SKIP_REEL=1); alone:
 * `node --import tsx bench/reel-bench.ts` (BENCH_REEL_PASSES=3), which saves bench/results/reel.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { writeMediaFolder } from '../tests/fixtures/media-folder';
import { startServe } from '../tests/e2e/helpers/serve';
import { launchChromium } from './chromium';
import { median, type Row } from './stats';

const VIDEO = 'BenchReel01';
const stamp = (s: number) => `- "moment ${s}" <a class="yt-timestamp" data-t="00:00:${String(s).padStart(2, '0')}">[00:00:${String(s).padStart(2, '0')}]</a>`;

async function writeBenchVault(dir: string): Promise<{ vaultDir: string; mediaDir: string }> {
  const vaultDir = join(dir, 'vault');
  const mediaDir = join(dir, 'Videos');
  await mkdir(vaultDir, { recursive: true });
  const odd = [11, 1, 9, 3, 7, 5];
  const even = [10, 2, 8, 4, 6];
  await writeFile(join(vaultDir, 'Odd.md'), `---\ntitle: Odd\nvideoId: ${VIDEO}\n---\n\n${odd.map(stamp).join('\n')}\n`);
  await writeFile(join(vaultDir, 'Even.md'), `---\ntitle: Even\nvideoId: ${VIDEO}\n---\n\n${even.map(stamp).join('\n')}\n`);
  writeMediaFolder(mediaDir, [{ id: VIDEO, title: 'Bench reel', info: true }]);
  return { vaultDir, mediaDir };
}

/**
 * Polls an expression in the page. Not `waitForFunction`: its polling evaluates the string with
 * `eval` inside the page, which the app's CSP (no 'unsafe-eval') refuses.
 */
async function until(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function benchReel(): Promise<Row[]> {
  const passes = Number(process.env.BENCH_REEL_PASSES ?? 3);
  const temp = await mkdtemp(join(tmpdir(), 'cairn-bench-reel-'));
  const { vaultDir, mediaDir } = await writeBenchVault(temp);
  const host = await startServe({ vaultDir, media: [mediaDir] });
  const browser = await launchChromium();
  const samples: number[] = [];
  try {
    const page = await browser.newPage();
    await page.context().route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('internetdisconnected'),
    );
    await page.goto(`${host.url}#/note/Odd.md`);
    await page.getByRole('main', { name: 'Reader' }).getByRole('button', { name: 'Play highlight reel' }).click();
    const reel = page.getByRole('region', { name: 'Highlight reel' });
    await reel.getByRole('button', { name: 'Next moment' }).waitFor();
    await until(page, `[...document.querySelectorAll('video')].some((v) => v.readyState >= 2 && !v.seeking)`);
    for (let pass = 0; pass < passes; pass++) {
      // Back to the first moment through the strip, then Next through all of them.
      await reel.getByRole('list', { name: 'Reel moments' }).getByRole('button').first().click();
      await until(page, `[...document.querySelectorAll('video')].some((v) => !v.seeking)`);
      for (;;) {
        const ms = await page.evaluate(`new Promise((resolve) => {
          const next = document.querySelector('[aria-label="Highlight reel"] button[aria-label="Next moment"]');
          const video = document.querySelector('video');
          if (!next || next.disabled || !video) return resolve(-1);
          const started = performance.now();
          video.addEventListener('seeked', () => { video.pause(); resolve(performance.now() - started); }, { once: true });
          next.click();
        })`);
        if (typeof ms !== 'number' || ms < 0) break;
        samples.push(ms);
      }
    }
  } finally {
    await browser.close();
    await host.stop();
    await rm(temp, { recursive: true, force: true });
  }
  const max = Math.max(...samples);
  return [
    { area: 'reel', measure: `reel seek between moments (local media), median of ${samples.length}`, value: median(samples), unit: 'ms', target: '≤ 300' },
    { area: 'reel', measure: 'reel seek between moments (local media), max', value: max, unit: 'ms', target: '≤ 300' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchReel();
  for (const r of rows) process.stdout.write(`${r.measure.padEnd(70)} ${String(Math.round(r.value * 100) / 100).padStart(9)} ${r.unit.padEnd(6)} ${r.target ?? ''}\n`);
  // Its own file, as the transcript rows have: a part run must not replace the whole run's figures.
  const result = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg(), rows };
  await writeFile(join(dirname(fileURLToPath(import.meta.url)), 'results', 'reel.json'), JSON.stringify(result, null, 2));
}
