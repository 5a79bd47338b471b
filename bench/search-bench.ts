/**
 * Search bench: full-text index build time and memory, reload from the cache, and query latency
 * (p50/p95 over a mixed query set: words, prefixes being typed, typos, phrases, operators, OR),
 * at each size. Two corpora:
 * - the lead's seed-shaped notes (bench/generate-vault.ts): ~70 words of vocabulary, so nearly
 *   every term is in most notes (the dense, worst case for result sets and snippets);
 * - a long-tail corpus (Zipf over ~60k words) with a real vocabulary's shape, where most terms
 *   are rare and stay in MiniSearch's own tier (the case for prefix and fuzzy expansion).
 * At 10k the build also runs the way the app runs it: a worker reading the vault from disk, then a
 * reopen from its cache file.
 *
 * Every size runs in a child process (`--expose-gc`, own heap) so memory figures are its own.
 * `npm run bench` calls `benchSearch(sizes)`; `npx tsx bench/search-bench.ts 10000,100000` runs it alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateNote } from './generate-vault';
import { parseNoteSource } from '../main/core/load-note';
import type { VaultPath } from '../main/core/model';
import { BackgroundSearch } from '../main/core/search/background-search';
import { ColumnBuilder } from '../main/core/search/build-columns';
import { SearchEngine } from '../main/core/search/engine';
import { searchDocFrom } from '../main/core/search/search-doc';
import { rng } from './rng';
import type { Row } from './stats';

type Corpus = 'seed' | 'long-tail';
const SELF = fileURLToPath(import.meta.url);
const QUERIES = 300;

// ---------------------------------------------------------------- corpora

/** A long-tail vocabulary: common English first, then ~60k made-up words, sampled by Zipf's law. */
const longTail = (() => {
  const common = (
    'data team netflix members model decision product analysis platform metric insight research business stream ' +
    'event pipeline engineer science quality experiment test causal ranking title content studio forecast budget ' +
    'culture freedom feedback context memo leader partner dashboard query warehouse storage layer compute latency'
  ).split(' ');
  const syllables = ['ka', 'ro', 'mi', 'ten', 'sal', 'ver', 'dor', 'qua', 'lin', 'pes', 'tra', 'bel', 'nor', 'ghi', 'fu', 'zan', 'mo', 'lex', 'tur', 'vi'];
  const r = rng(7);
  const made = new Set<string>();
  while (made.size < 60_000) {
    let w = '';
    const k = 2 + Math.floor(r() * 3);
    for (let i = 0; i < k; i++) w += syllables[Math.floor(r() * syllables.length)];
    made.add(w);
  }
  const words = [...common, ...made];
  const cum = new Float64Array(words.length);
  let acc = 0;
  for (let i = 0; i < words.length; i++) cum[i] = acc += 1 / (i + 1);
  const pick = (r: () => number) => {
    const x = r() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  return { words, pick };
})();

function longTailNote(i: number, n: number): { path: string; source: string } {
  const r = rng(i * 2654435761 + 1);
  const pick = () => longTail.pick(r);
  const title = `${pick()} ${pick()} ${i}`;
  let s = `---\ntitle: ${title}\ntags: [${pick()}, topic/${pick()}]\n---\n\n`;
  while (s.length < 10_600) {
    if (r() < 0.08) s += `\n## ${pick()} ${pick()}\n\n`;
    const words = Array.from({ length: 8 + Math.floor(r() * 14) }, pick);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    s += `${words.join(' ')}.${r() < 0.3 ? ` See [[Note ${Math.floor(r() * n)}]].` : ''}${r() < 0.3 ? '\n\n' : ' '}`;
  }
  return { path: `notes/${Math.floor(i / 500)}/Note ${i}.md`, source: s };
}

function noteOf(corpus: Corpus, i: number, n: number): { path: string; source: string } {
  return corpus === 'seed' ? generateNote(i, n) : longTailNote(i, n);
}

/** For profiling scripts. */
export const noteOfForProfile = noteOf;

/** A mixed query set drawn from the corpus's own words, deterministic per corpus and size. */
function querySet(corpus: Corpus, n: number, sample: (i: number) => string): string[] {
  const r = rng(n + (corpus === 'seed' ? 1 : 2));
  const words = new Set<string>();
  for (let k = 0; k < 60; k++) for (const w of sample(Math.floor(r() * n)).toLowerCase().match(/[a-z]{4,}/g) ?? []) words.add(w);
  const vocab = [...words].filter((w) => !['title', 'tags', 'class', 'yt-timestamp', 'timestamp'].includes(w));
  const w = () => vocab[Math.floor(r() * vocab.length)]!;
  const typo = (s: string) => {
    const i = 1 + Math.floor(r() * (s.length - 2));
    return r() < 0.5 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i) + s.slice(i + 1);
  };
  const out: string[] = [];
  const kinds = [
    () => `${w()} `,
    () => `${w()} ${w()} `,
    () => `${w()} ${w()} ${w()} `,
    () => w().slice(0, 3),
    () => `${w()} ${w().slice(0, 4)}`,
    () => `${typo(w())} `,
    () => `"${w()} ${w()}"`,
    () => `${w()} -${w()} `,
    () => `${w()} OR ${w()} `,
    () => `tag:${w()} ${w()} `,
    () => `path:${corpus === 'seed' ? 'Podcast' : 'notes/1'} ${w()} `,
  ];
  for (let k = 0; k < QUERIES; k++) out.push(kinds[k % kinds.length]!());
  return out;
}

// ---------------------------------------------------------------- one size, in a child

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

/** CPU time of this process (all threads), in ms: the machine is shared, so wall time alone misleads. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(corpus: Corpus, n: number): Promise<Row[]> {
  const rows: Row[] = [];
  const k = n >= 1000 ? `${n / 1000}k` : String(n);
  const label = corpus === 'seed' ? `${k}` : `${k} long-tail`;
  const add = (measure: string, value: number, unit: string, target?: string) => rows.push({ area: 'search', measure: `${label}: ${measure}`, value, unit, target });

  // Sources stay in memory as UTF-8 bytes off the JS heap, the way the page cache holds files:
  // the build and snippets decode them as a read would, and the heap measures only the index.
  const sources = new Map<string, Buffer>();
  for (let i = 0; i < n; i++) {
    const note = noteOf(corpus, i, n);
    sources.set(note.path, Buffer.from(note.source));
  }
  let bytes = 0;
  for (const s of sources.values()) bytes += s.length;
  const decoder = new TextDecoder();
  const before = heapMb();

  // Cold build: extract, plain text, tokenize, columns, MiniSearch (the worker's work, minus reading files).
  let t = performance.now();
  let c = cpuMs();
  const readSource = (p: VaultPath) => {
    const b = sources.get(p);
    return b ? decoder.decode(b) : null;
  };
  // In a function, so the builder's buffers are garbage before memory is measured.
  const build = () => {
    const builder = new ColumnBuilder();
    for (const [path, bytes] of sources) {
      const source = decoder.decode(bytes);
      builder.add(searchDocFrom(parseNoteSource(path as VaultPath, source), source));
    }
    return SearchEngine.fromBuilder(builder, { readSource });
  };
  let engine = build();
  const buildS = (performance.now() - t) / 1000;
  const buildCpuS = (cpuMs() - c) / 1000;
  const indexMb = heapMb() - before;
  add(`cold build in memory (extract + index, ${(bytes / 1e6).toFixed(0)} MB), wall`, buildS, 's', n === 10_000 ? '≤ 15' : undefined);
  add('cold build in memory, CPU', buildCpuS, 's');
  add('index memory (heap + typed arrays)', indexMb, 'MB');

  // Save and reload (the cache file without the per-file stat table).
  const dir = await mkdtemp(join(tmpdir(), 'cairn-search-bench-'));
  try {
    const file = join(dir, 'search.bin');
    t = performance.now();
    const saved = engine.serialize();
    await writeFile(file, saved);
    add('save cache (serialize + write)', (performance.now() - t) / 1000, 's');
    add('cache file size', saved.byteLength / 1024 / 1024, 'MB');
    engine = null as unknown as SearchEngine;
    heapMb();
    t = performance.now();
    c = cpuMs();
    engine = SearchEngine.deserialize(await readFile(file), { readSource });
    add('reload from cache (read + decode + fill MiniSearch), wall', (performance.now() - t) / 1000, 's', n === 10_000 ? '≤ 1' : undefined);
    add('reload from cache, CPU', (cpuMs() - c) / 1000, 's');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // Queries, as typed: 20 hits with snippets (which read the note's source, here from memory).
  const queries = querySet(corpus, n, (i) => noteOf(corpus, i, n).source);
  for (const q of queries.slice(0, 30)) engine.search(q, { limit: 20 }); // warm the JIT
  heapMb();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const rankOnly: number[] = [];
  let errors = 0;
  let hits = 0;
  const slow: Array<[number, string]> = [];
  for (const q of queries) {
    const a = performance.now();
    const ca = cpuMs();
    const r = engine.search(q, { limit: 20 });
    times.push(performance.now() - a);
    cpuTimes.push(cpuMs() - ca);
    slow.push([cpuMs() - ca, q]);
    if (r.error) errors++;
    hits += r.hits.length;
  }
  if (process.env.BENCH_VERBOSE) for (const [ms, q] of slow.sort((x, y) => y[0] - x[0]).slice(0, 15)) process.stderr.write(`  ${ms.toFixed(1)} ms CPU  ${q}\n`);
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  const p95Target = n === 10_000 ? '≤ 10' : n === 100_000 ? '≤ 50' : undefined;
  add(`query p50 (${queries.length} mixed queries, 20 hits with snippets)`, percentile(times, 50), 'ms');
  add('query p95', percentile(times, 95), 'ms', p95Target);
  add('query max', times[times.length - 1]!, 'ms');
  add('query p50, CPU', percentile(cpuTimes, 50), 'ms');
  add('query p95, CPU', percentile(cpuTimes, 95), 'ms');
  // Ranking alone: the same queries with no note text to cut snippets from.
  const ranking = SearchEngine.deserialize(engine.serialize());
  for (const q of queries.slice(0, 30)) ranking.search(q, { limit: 20 });
  for (const q of queries) {
    if (q.startsWith('"')) continue; // phrases need the text
    const a = performance.now();
    ranking.search(q, { limit: 20 });
    rankOnly.push(performance.now() - a);
  }
  rankOnly.sort((x, y) => x - y);
  add('ranking only p50 (no snippets, no phrases)', percentile(rankOnly, 50), 'ms');
  add('ranking only p95', percentile(rankOnly, 95), 'ms');
  add('queries with an error / hits returned', errors, `/${hits}`);
  return rows;
}

/** The app's path at 10k: a worker reads the vault from disk and builds; then a reopen from its cache. */
async function measureWorker(n: number): Promise<Row[]> {
  const rows: Row[] = [];
  const k = `${n / 1000}k`;
  const dir = await mkdtemp(join(tmpdir(), 'cairn-search-vault-'));
  try {
    const paths: VaultPath[] = [];
    for (let i = 0; i < n; i++) {
      const note = generateNote(i, n);
      await mkdir(join(dir, dirname(note.path)), { recursive: true });
      await writeFile(join(dir, note.path), note.source);
      paths.push(note.path as VaultPath);
    }
    const cacheFile = join(dir, '.cache', 'search.bin');
    const open = async () => {
      let hostMs = 0;
      const search = new BackgroundSearch({ saveDelayMs: 10, onStatus: (e) => void (e.type === 'ready' && (hostMs = e.ms)) });
      const started = performance.now();
      const ready = new Promise<void>((resolve) => search.onReady(resolve));
      search.start(dir, paths, cacheFile);
      // Titles answer at once while the worker builds.
      const early = await search.search('kafka pipeline', 20);
      await ready;
      const s = (performance.now() - started) / 1000;
      const after = await search.search('kafka pipeline', 20);
      await search.close();
      return { s, early, after, hostS: hostMs / 1000 };
    };
    const cold = await open();
    rows.push({ area: 'search', measure: `${k}: background build, worker reading the vault from disk (to ready)`, value: cold.s, unit: 's', target: '≤ 15' });
    rows.push({ area: 'search', measure: `${k}: background build, the worker's own time (without starting it under tsx)`, value: cold.hostS, unit: 's' });
    rows.push({ area: 'search', measure: `${k}: first query while indexing (names only)`, value: cold.early.ms, unit: 'ms' });
    const warm = await open();
    rows.push({ area: 'search', measure: `${k}: reopen from cache (read, decode, stat every note, to ready)`, value: warm.s, unit: 's', target: '≤ 1' });
    rows.push({ area: 'search', measure: `${k}: reopen from cache, the worker's own time`, value: warm.hostS, unit: 's' });
    if (warm.after.hits.length === 0) throw new Error('reopened index found nothing');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- entry points

function child(corpus: Corpus, n: number, worker: boolean): Row[] {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', SELF, '--child', corpus, String(n), worker ? 'worker' : 'engine'], {
    encoding: 'utf8',
    maxBuffer: 1 << 22,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 15 * 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Row[];
}

export async function benchSearch(sizes: number[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    process.stderr.write(`search ${n}\n`);
    if (n <= 20_000) rows.push(...child('seed', n, true));
    for (const corpus of ['seed', 'long-tail'] as const) {
      try {
        rows.push(...child(corpus, n, false));
      } catch (err) {
        rows.push({ area: 'search', measure: `${n / 1000}k ${corpus}: failed (${String((err as Error).message).split('\n')[0]})`, value: NaN, unit: '' });
      }
    }
  }
  return rows;
}

const argv = process.argv.slice(2);
if (process.argv[1] === SELF && argv[0] === '--child') {
  const [, corpus, n, mode] = argv;
  const rows = mode === 'worker' ? await measureWorker(Number(n)) : await measure(corpus as Corpus, Number(n));
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} else if (process.argv[1] === SELF) {
  const sizes = (argv[0] ?? '10000,100000').split(',').map(Number);
  for (const r of await benchSearch(sizes)) process.stdout.write(`${`${r.area} · ${r.measure}`.padEnd(96)} ${String(Math.round(r.value * 100) / 100).padStart(10)} ${r.unit.padEnd(6)} ${r.target ?? ''}\n`);
}
