/**
 * The web host as a person starts it (`npm run serve`), measured from outside its process: time
 * until it prints its URL, time until full-text search answers from the whole index, the host's
 * RSS once it is idle with search built, and its peak RSS over the whole open (VmHWM, which counts
 * the main thread and every worker, as the figures do). Cold (no cache) and warm (the
 * snapshot and search cache the cold run left behind).
 *
 * `benchHost(vaults)` is called by `npm run bench` (skip with BENCH_SKIP_HOST=1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchVault } from './bench-vaults';
import type { Row } from './stats';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface HostRun {
  urlMs: number;
  searchMs: number;
  idleRssMb: number;
  peakRssMb: number;
}

/** VmRSS and VmHWM of a live process, in MB (Linux). */
export async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** `npm run serve` on `vault`; with a null cache folder, `--no-cache`. */
export function startHost(vault: string, cacheDir: string | null): { child: ChildProcess; url: Promise<string> } {
  const args = ['--max-semi-space-size=64', '--import', 'tsx', join(REPO, 'main/web/serve-cli.ts'), '--vault', vault, '--port', '0', '--no-open'];
  const child = spawn(process.execPath, cacheDir ? args : [...args, '--no-cache'], {
    cwd: REPO,
    env: cacheDir ? { ...process.env, CAIRN_CACHE_DIR: cacheDir } : process.env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = / at (http:\/\/\S+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing its URL`)));
  });
  return { child, url };
}

/** Full-text search is ready when a query no longer comes back `indexing`. */
export async function untilSearchReady(url: string): Promise<void> {
  for (;;) {
    const res = await fetch(new URL('api/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'search', params: { query: 'the' } }) });
    const body = (await res.json()) as { ok: boolean; value?: { indexing: boolean } };
    if (body.ok && body.value && !body.value.indexing) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function runHost(vault: string, cacheDir: string): Promise<HostRun> {
  const started = performance.now();
  const { child, url: urlPromise } = startHost(vault, cacheDir);
  try {
    const url = await urlPromise;
    const urlMs = performance.now() - started;
    await untilSearchReady(url);
    const searchMs = performance.now() - started;
    // Idle: let the last worker finish, the caches be written and the collector run.
    await new Promise((r) => setTimeout(r, 3000));
    const { rss, peak } = await memoryOf(child.pid!);
    return { urlMs, searchMs, idleRssMb: rss, peakRssMb: peak };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchHost(vaults: BenchVault[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const vault of vaults) {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cairn-host-bench-'));
    const big = vault.n >= 100_000;
    const goal = (at10k: string, at100k: string) => (vault.n === 10_000 ? at10k : big ? at100k : undefined);
    try {
      for (const phase of ['cold', 'warm'] as const) {
        const run = await runHost(vault.dir, cacheDir);
        const k = `${vault.label} ${phase}`;
        rows.push({ area: 'host', measure: `${k}: npm run serve until its URL prints`, value: run.urlMs / 1000, unit: 's' });
        rows.push({ area: 'host', measure: `${k}: until search answers from the whole index`, value: run.searchMs / 1000, unit: 's' });
        rows.push({ area: 'host', measure: `${k}: host RSS, vault open, search built, idle`, value: run.idleRssMb, unit: 'MB', target: goal('≤ 250', '≤ 1200') });
        rows.push({ area: 'host', measure: `${k}: peak RSS during open + search build`, value: run.peakRssMb, unit: 'MB', target: goal('≤ 450', '≤ 2000') });
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  return rows;
}
