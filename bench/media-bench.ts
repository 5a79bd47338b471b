/**
 * Media library bench: the first scan of a yt-dlp-style folder of 5,000 files (1,000 videos, each
 * a media file, `.en.vtt`, `.de.srt`, `.info.json` and `.webp`; a tenth of them renamed, so paired
 * only through their `.info.json`), and the vault's cold open with and without that folder
 * configured: the library scans after the vault is ready, so the open must not get slower.
 *
 * `npm run bench` calls `benchMedia(sizes)` (skip with BENCH_SKIP_MEDIA=1); alone:
 * `node --import tsx bench/media-bench.ts [vault sizes, default 10000]` (BENCH_MEDIA_FILES=5000).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { MediaLibrary } from '../main/core/media/library';
import { writeVault } from './generate-vault';
import { median, type Row } from './stats';
import { defaultCues, infoJson, defaultInfo, toSrt, toVtt } from '../tests/fixtures/media-folder';

const here = dirname(fileURLToPath(import.meta.url));
const FILES_PER_VIDEO = 5;

/** An 11-character id in YouTube's alphabet, distinct for each i. */
function videoId(i: number): string {
  return `v${String(i).padStart(10, '0')}`;
}

async function stamped(dir: string, stamp: string, make: () => Promise<void>): Promise<string> {
  const file = join(dir, '.generated');
  if (existsSync(file) && (await readFile(file, 'utf8').catch(() => '')) === stamp) return dir;
  process.stderr.write(`generating ${stamp} in ${dir}\n`);
  await rm(dir, { recursive: true, force: true });
  await make();
  await writeFile(file, stamp);
  return dir;
}

/** Media files are empty: the scan reads names, and the sizes it needs come from `stat`. */
export async function writeMediaBenchFolder(dir: string, files: number): Promise<void> {
  const videos = Math.ceil(files / FILES_PER_VIDEO);
  for (let i = 0; i < videos; i++) {
    const id = videoId(i);
    const folder = join(dir, `Channel ${i % 10}`);
    if (i < 10) await mkdir(folder, { recursive: true });
    const stem = i % 10 === 9 ? `Renamed talk ${i}` : `Talk number ${i} about things [${id}]`;
    const cues = defaultCues(id);
    await Promise.all([
      writeFile(join(folder, `${stem}.webm`), ''),
      writeFile(join(folder, `${stem}.en.vtt`), toVtt(cues)),
      writeFile(join(folder, `${stem}.de.srt`), toSrt(cues)),
      writeFile(join(folder, `${stem}.info.json`), infoJson(id, defaultInfo(id))),
      writeFile(join(folder, `${stem}.webp`), ''),
    ]);
  }
}

/** One first scan (names, caption stats, the id-less sidecars' ids), timed. */
async function scanOnce(dir: string): Promise<{ ms: number; ids: number; files: number }> {
  const started = performance.now();
  const library = new MediaLibrary(dir, () => false, { maxFiles: 200_000, watch: false, onChange: () => undefined, onProblem: (m) => process.stderr.write(`${m}\n`) });
  const folder = await library.addFolder(dir, 'command-line');
  await folder.scanDone;
  const ms = performance.now() - started;
  const ids = library.ids().length;
  await library.close();
  return { ms, ids, files: folder.files.files.size };
}

/** A vault's open to `ready` in a fresh process, with or without a media folder (see media-open.ts). */
interface OpenRun {
  readyMs: number;
  readyCpuMs: number;
  mediaMs: number | null;
}

function openOnce(vault: string, media: string | null): OpenRun {
  const args = ['--max-semi-space-size=64', '--import', 'tsx', join(here, 'media-open.ts'), vault, ...(media ? [media] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as OpenRun;
}

export async function benchMedia(sizes: number[]): Promise<Row[]> {
  const rows: Row[] = [];
  const files = Number(process.env.BENCH_MEDIA_FILES ?? 5000);
  const dir = await stamped(join(here, '.vaults', `media-${files}`), `media ${files}`, () => writeMediaBenchFolder(join(here, '.vaults', `media-${files}`), files));
  await scanOnce(dir); // warm the file system cache: the figure is the scan's, not the disk's
  const scans = [];
  for (let i = 0; i < 5; i++) scans.push(await scanOnce(dir));
  if (scans[0]!.ids !== Math.ceil(files / FILES_PER_VIDEO)) throw new Error(`the scan found ${scans[0]!.ids} videos`);
  rows.push({ area: 'media', measure: `first scan of a ${scans[0]!.files}-file yt-dlp folder (names, caption stats, id-less info.json), median of 5`, value: median(scans.map((s) => s.ms)) / 1000, unit: 's', target: '≤ 1' });

  for (const n of sizes.filter((s) => s >= 10_000)) {
    const vault = await stamped(join(here, '.vaults', String(n)), String(n), async () => void (await writeVault(join(here, '.vaults', String(n)), n)));
    const k = `${n / 1000}k`;
    openOnce(vault, dir);
    const without: OpenRun[] = [];
    const withMedia: OpenRun[] = [];
    // Alternated, so the machine's drift falls on both alike.
    for (let i = 0; i < Number(process.env.BENCH_COLD_RUNS ?? 5); i++) {
      without.push(openOnce(vault, null));
      withMedia.push(openOnce(vault, dir));
    }
    const wall = (runs: OpenRun[]) => median(runs.map((r) => r.readyMs)) / 1000;
    const cpu = (runs: OpenRun[]) => median(runs.map((r) => r.readyCpuMs)) / 1000;
    rows.push({ area: 'media', measure: `cold open ${k} to ready, no media folder, median of ${without.length}`, value: wall(without), unit: 's' });
    rows.push({ area: 'media', measure: `cold open ${k} to ready, with the ${files}-file media folder, median of ${withMedia.length}`, value: wall(withMedia), unit: 's', target: 'same as without' });
    rows.push({ area: 'media', measure: `cold open ${k} to ready: CPU time (all threads), no media folder / with it`, value: cpu(without), unit: `s / ${Math.round(cpu(withMedia) * 100) / 100} s` });
    rows.push({ area: 'media', measure: `cold open ${k}: media folder scanned, after ready, median`, value: median(withMedia.map((r) => r.mediaMs ?? 0)) / 1000, unit: 's' });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.argv[2] ?? '10000').split(',').map(Number);
  for (const row of await benchMedia(sizes)) process.stdout.write(`${row.area} · ${row.measure}: ${Math.round(row.value * 1000) / 1000} ${row.unit}${row.target ? `  (target ${row.target})` : ''}\n`);
}
