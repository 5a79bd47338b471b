/**
 * Transcript bench: 1,000 videos' auto-captions (~50 MB of VTT in yt-dlp's rolling format, with
 * karaoke timestamps) loaded in the background as the app loads them, the index's memory, transcript
 * query latency, and note search latency at 10k notes while transcripts are loaded and searched
 * alongside every query (as the service does for `said`).
 *
 * Runs in a child process (`--expose-gc`, own heap). `npm run bench` calls `benchTranscripts()`
 * unless BENCH_SKIP_TRANSCRIPTS is set; BENCH_ONLY_TRANSCRIPTS=1 runs only these rows;
 * `npx tsx bench/transcript-bench.ts` runs it alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateNote } from './generate-vault';
import { rng } from './rng';
import type { VaultPath } from '../main/core/model';
import type { CaptionFile, CaptionSource } from '../main/core/media/model';
import { BackgroundSearch } from '../main/core/search/background-search';
import { BackgroundTranscripts } from '../main/core/media/background-transcripts';
import { TranscriptIndex } from '../main/core/media/transcript-index';
import type { Row } from './stats';

const SELF = fileURLToPath(import.meta.url);
const VIDEOS = 1000;
const VTT_BYTES = 50_000;
const NOTES = 10_000;
const QUERIES = 300;

// ---------------------------------------------------------------- what people say

const COMMON = (
  'so today we are going to talk about the data and why it matters you know like really think that this is ' +
  'what people do when they build a stream pipeline with kafka and flink then we look at the model and the ' +
  'metric because every team has its own way of measuring quality latency storage compute query warehouse'
).split(' ');

/** ~20k made-up words after the common ones, sampled by Zipf's law: a real vocabulary's long tail. */
const vocabulary = (() => {
  const syllables = ['ka', 'ro', 'mi', 'ten', 'sal', 'ver', 'dor', 'qua', 'lin', 'pes', 'tra', 'bel', 'nor', 'ghi', 'fu', 'zan'];
  const r = rng(11);
  const made = new Set<string>();
  while (made.size < 20_000) {
    let w = '';
    for (let i = 0, k = 2 + Math.floor(r() * 3); i < k; i++) w += syllables[Math.floor(r() * syllables.length)];
    made.add(w);
  }
  const words = [...new Set(COMMON), ...made];
  const cum = new Float64Array(words.length);
  let acc = 0;
  for (let i = 0; i < words.length; i++) cum[i] = acc += 1 / (i + 1);
  return {
    words,
    pick(r: () => number): string {
      const x = r() * acc;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return words[lo]!;
    },
  };
})();

function clock(s: number): string {
  return new Date(Math.round(s * 1000)).toISOString().slice(11, 23);
}

/** One video's auto-captions as yt-dlp writes YouTube's: each cue scrolls the last line up. */
export function autoCaptions(video: number): string {
  const r = rng(video * 7 + 3);
  let out = 'WEBVTT\nKind: captions\nLanguage: en\n\n';
  let t = 0;
  let previous = '';
  while (out.length < VTT_BYTES) {
    const words = Array.from({ length: 6 + Math.floor(r() * 6) }, () => vocabulary.pick(r));
    const spoken = words.length * 0.35;
    const karaoke = words.map((w, i) => (i === 0 ? w : `<${clock(t + i * 0.35)}><c> ${w}</c>`)).join('');
    out += `${clock(t)} --> ${clock(t + spoken)} align:start position:0%\n${previous || ' '}\n${karaoke}\n\n`;
    previous = words.join(' ');
    out += `${clock(t + spoken)} --> ${clock(t + spoken + 0.01)} align:start position:0%\n${previous}\n \n\n`;
    t += spoken + 0.01;
  }
  return out;
}

function videoIdOf(i: number): string {
  return `vid${String(i).padStart(8, '0')}`;
}

async function writeCaptions(dir: string): Promise<{ files: CaptionFile[]; bytes: number }> {
  const files: CaptionFile[] = [];
  let bytes = 0;
  for (let i = 0; i < VIDEOS; i++) {
    const videoId = videoIdOf(i);
    const path = `Channel ${i % 20}/Talk number ${i} [${videoId}].en.vtt`;
    const abs = join(dir, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, autoCaptions(i));
    const s = await stat(abs);
    bytes += s.size;
    files.push({ videoId, lang: 'en', format: 'vtt', root: 1, path, abs, bytes: s.size, mtimeMs: s.mtimeMs });
  }
  return { files, bytes };
}

export function transcriptQueries(): string[] {
  const r = rng(5);
  const w = () => vocabulary.words[Math.floor(Math.pow(r(), 2) * vocabulary.words.length)]!;
  const kinds = [() => `${w()} `, () => `${w()} ${w()} `, () => w().slice(0, 3), () => `"${w()} ${w()}"`, () => `${w()} OR ${w()} `, () => `${COMMON[Math.floor(r() * COMMON.length)]} `];
  return Array.from({ length: QUERIES }, (_, k) => kinds[k % kinds.length]!());
}

/** Queries as typed into the app: the note search bench's kinds over the notes' words, and some of what is said. */
function mixedQueries(): string[] {
  const r = rng(9);
  const noteWords = [...new Set(generateNote(3, NOTES).source.toLowerCase().match(/[a-z]{4,}/g) ?? [])].filter((x) => !['title', 'tags', 'class', 'timestamp'].includes(x));
  const w = () => noteWords[Math.floor(r() * noteWords.length)]!;
  const said = transcriptQueries();
  const kinds = [
    () => `${w()} `,
    () => `${w()} ${w()} `,
    () => w().slice(0, 3),
    () => `${w()} ${w().slice(0, 4)}`,
    () => `"${w()} ${w()}"`,
    () => `${w()} -${w()} `,
    () => `${w()} OR ${w()} `,
    () => `tag:${w()} ${w()} `,
    (k: number) => said[k]!,
  ];
  return Array.from({ length: QUERIES }, (_, k) => kinds[k % kinds.length]!(k));
}

// ---------------------------------------------------------------- measures

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const staticSource = (files: CaptionFile[]): CaptionSource => ({ captionFiles: () => files, onCaptionsChanged: () => () => {} });

async function measure(): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (measure: string, value: number, unit: string, target?: string) => rows.push({ area: 'transcripts', measure, value, unit, target });
  const dir = await mkdtemp(join(tmpdir(), 'cairn-transcript-bench-'));
  try {
    const { files, bytes } = await writeCaptions(dir);
    const mb = Math.round(bytes / 1e6);

    // The index in this process: its memory, and query latency without a worker's round trip.
    const before = heapMb();
    let t = performance.now();
    const index = new TranscriptIndex();
    await index.sync(files);
    const inProcessS = (performance.now() - t) / 1000;
    add(`${VIDEOS} videos (${mb} MB VTT): read, parse and index in one thread`, inProcessS, 's');
    add(`${VIDEOS} videos: index memory (heap + typed arrays; ${index.cues} cues)`, heapMb() - before, 'MB');
    const queries = transcriptQueries();
    for (const q of queries.slice(0, 30)) index.search(q, 20);
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const a = performance.now();
      hits += index.search(q, 20).length;
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    add(`${VIDEOS} videos: transcript query p50 (${QUERIES} mixed queries, 20 hits)`, percentile(times, 50), 'ms');
    add(`${VIDEOS} videos: transcript query p95`, percentile(times, 95), 'ms', '≤ 10');
    add(`${VIDEOS} videos: hits returned`, hits, 'hits');
    t = performance.now();
    const one = files[0]!;
    await writeFile(one.abs, autoCaptions(VIDEOS + 1));
    const s = await stat(one.abs);
    files[0] = { ...one, bytes: s.size, mtimeMs: s.mtimeMs };
    await index.sync(files);
    add('one caption file rewritten: sync (stat list, re-read and re-index that file)', performance.now() - t, 'ms');

    // The app's way: note search at 10k on its worker, transcripts loaded on theirs.
    const vault = join(dir, 'vault');
    const paths: VaultPath[] = [];
    for (let i = 0; i < NOTES; i++) {
      const note = generateNote(i, NOTES);
      await mkdir(join(vault, dirname(note.path)), { recursive: true });
      await writeFile(join(vault, note.path), note.source);
      paths.push(note.path as VaultPath);
    }
    const search = new BackgroundSearch();
    const ready = new Promise<void>((resolve) => search.onReady(resolve));
    search.start(vault, paths, null);
    await ready;
    const mixed = mixedQueries();
    const noteP95 = async (withSaid: BackgroundTranscripts | null) => {
      for (const q of mixed.slice(0, 30)) await search.search(q, 20);
      const engine: number[] = [];
      const wall: number[] = [];
      for (const q of mixed) {
        const a = performance.now();
        const [notes] = await Promise.all([search.search(q, 20), withSaid?.search(q, 20)]);
        wall.push(performance.now() - a);
        engine.push(notes.ms);
      }
      engine.sort((x, y) => x - y);
      wall.sort((x, y) => x - y);
      return { engine: percentile(engine, 95), wall: percentile(wall, 95) };
    };
    const alone = await noteP95(null);
    add(`${NOTES / 1000}k notes, no transcripts: note search p95 (on its worker)`, alone.engine, 'ms', '≤ 10');

    const transcripts = new BackgroundTranscripts();
    t = performance.now();
    transcripts.start(staticSource(files));
    await transcripts.whenLoaded();
    add(`${VIDEOS} videos (${mb} MB VTT): background load on the worker, to loaded`, (performance.now() - t) / 1000, 's', '≤ 5');
    const loaded = await noteP95(transcripts);
    add(`${NOTES / 1000}k notes + ${VIDEOS} videos loaded, said asked alongside: note search p95`, loaded.engine, 'ms', '≤ 10');
    add(`${NOTES / 1000}k notes + ${VIDEOS} videos: whole request p95 (note hits and said, round trips)`, loaded.wall, 'ms');
    await transcripts.close();
    await search.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- entry points

export async function benchTranscripts(): Promise<Row[]> {
  process.stderr.write('transcripts\n');
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child'], {
    encoding: 'utf8',
    maxBuffer: 1 << 22,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Row[];
}

const argv = process.argv.slice(2);
if (process.argv[1] === SELF && argv[0] === '--child') {
  process.stdout.write(`${JSON.stringify(await measure())}\n`);
} else if (process.argv[1] === SELF) {
  for (const r of await benchTranscripts()) process.stdout.write(`${`${r.area} · ${r.measure}`.padEnd(100)} ${String(Math.round(r.value * 100) / 100).padStart(10)} ${r.unit.padEnd(6)} ${r.target ?? ''}\n`);
}
