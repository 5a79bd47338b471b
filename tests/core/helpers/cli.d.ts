/** Runs `npm run cli`'s entry point as a user would (a child process from the repo root); never throws on a non-zero exit. */
export declare function cli(...args: string[]): Promise<{
    code: number;
    stdout: string;
    stderr: string;
}>;
/**
 * Runs the `cairn` bin the way `npx cairn …` does (npx finds the package's own `bin` entry and runs
 * it with node); `npx` itself when `viaNpx` is set. Never throws on a non-zero exit.
 */
export declare function cairnBin(args: string[], options?: {
    viaNpx?: boolean;
    cwd?: string;
}): Promise<{
    code: number;
    stdout: string;
    stderr: string;
}>;
