/**
 * Builds the renderer (only it: the web host needs neither the Electron main nor the preload) when
 * `out/renderer/index.html` is missing or older than anything the renderer is built from. Run as
 * a script it builds unconditionally; the serve command runs it in a child process so that Vite's
 * logs go to stderr and the URL stays the first line of stdout.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** What the renderer bundle is made of: its own sources and the shared modules it imports. */
const SOURCES = ['renderer', 'main/core', 'main/api.ts', 'electron.vite.config.ts', 'package-lock.json'];

export function rendererOutDir(repoRoot = REPO_ROOT): string {
  return join(repoRoot, 'out', 'renderer');
}

export async function rendererIsStale(repoRoot = REPO_ROOT): Promise<boolean> {
  const built = await stat(join(rendererOutDir(repoRoot), 'index.html')).catch(() => null);
  if (!built) return true;
  for (const source of SOURCES) {
    if ((await newestMtime(join(repoRoot, source))) > built.mtimeMs) return true;
  }
  return false;
}

async function newestMtime(path: string): Promise<number> {
  const stats = await stat(path).catch(() => null);
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Builds in a child process whose output all goes to our stderr; rejects when the build fails. */
export async function ensureRendererBuilt(repoRoot = REPO_ROOT): Promise<'fresh' | 'built'> {
  if (!(await rendererIsStale(repoRoot))) return 'fresh';
  process.stderr.write('cairn: building the renderer…\n');
  const script = fileURLToPath(import.meta.url);
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`The renderer build failed (${signal ?? `exit code ${code}`}).`));
    });
  });
  return 'built';
}

/** The renderer target of electron.vite.config.ts, built with electron-vite's own presets. */
async function buildRenderer(repoRoot: string): Promise<void> {
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ root: repoRoot }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer target.');
  await build(renderer);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildRenderer(REPO_ROOT).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
