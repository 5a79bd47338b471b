/**
 * Starts the real web host (`npm run serve`'s script, run directly so signals reach it) on a temp
 * copy of a fixture vault, and parses the URL line it prints.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const FIXTURE_VAULTS = join(REPO_ROOT, 'tests/fixtures/vaults');

/** `Cairn is serving <vault> at http://127.0.0.1:<port>/<token>/`: the app lives under its token. */
const URL_LINE = /^Cairn is serving (.+) at (http:\/\/127\.0\.0\.1:(\d+))\/([A-Za-z0-9_-]+)\/$/;

export interface ServeHandle {
  /** The printed URL, `http://127.0.0.1:PORT/<token>/`: what a person would open, and the app's base. */
  url: string;
  /** `http://127.0.0.1:PORT`, no token. */
  origin: string;
  port: number;
  token: string;
  /** The temp copy of the vault the host serves; specs may write notes into it. */
  vaultDir: string;
  /** The host's process, for specs that signal it or watch it exit. */
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** A folder under tests/fixtures/vaults, copied to a temp dir. Default `basic`. */
  fixture?: string;
  /** Serve this folder as is instead of a fixture copy (it is not deleted on stop). */
  vaultDir?: string;
  /** Media library folders (`--media`, each as is). */
  media?: string[];
  timeoutMs?: number;
}

export async function startServe(options: ServeOptions = {}): Promise<ServeHandle> {
  let tempRoot: string | null = null;
  let vaultDir = options.vaultDir;
  if (!vaultDir) {
    tempRoot = await mkdtemp(join(tmpdir(), 'cairn-e2e-'));
    vaultDir = join(tempRoot, options.fixture ?? 'basic');
    await cp(join(FIXTURE_VAULTS, options.fixture ?? 'basic'), vaultDir, { recursive: true });
  }
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/web/serve-cli.ts',
      '--vault',
      vaultDir,
      ...(options.media ?? []).flatMap((dir) => ['--media', dir]),
      '--port',
      '0',
      '--no-open',
      '--no-cache',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const cleanup = async () => {
    await stopChild(child);
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  };
  try {
    const line = await firstLine(child, options.timeoutMs ?? 120_000);
    const match = URL_LINE.exec(line);
    if (!match) throw new Error(`Unexpected first line from the web host: ${line}`);
    const [, , origin, port, token] = match as unknown as [string, string, string, string, string];
    return {
      url: `${origin}/${token}/`,
      origin,
      port: Number(port),
      token,
      vaultDir,
      process: child,
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`The web host printed no URL within ${timeoutMs} ms.\n${err.slice(-2000)}`)),
      timeoutMs,
    );
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        done(out.slice(0, end).trim());
      }
    });
    // Keep draining stderr so the child never blocks on a full pipe; keep the tail for errors.
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      err = (err + chunk).slice(-8000);
      if (process.env.CAIRN_E2E_VERBOSE) process.stderr.write(chunk);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`The web host exited (${signal ?? code}) before printing its URL.\n${err.slice(-2000)}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
