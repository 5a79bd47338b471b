import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = new URL('../../../', import.meta.url).pathname;

/** Runs `npm run cli`'s entry point as a user would (a child process from the repo root); never throws on a non-zero exit. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Runs the `cairn` bin the way `npx cairn …` does (npx finds the package's own `bin` entry and runs
 * it with node); `npx` itself when `viaNpx` is set. Never throws on a non-zero exit.
 */
export async function cairnBin(
  args: string[],
  options: { viaNpx?: boolean; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [file, argv] = options.viaNpx
    ? ['npx', ['--no', 'cairn', ...args]]
    : [process.execPath, [`${repo}bin/cairn.js`, ...args]];
  try {
    const { stdout, stderr } = await run(file, argv, { cwd: options.cwd ?? repo, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
