#!/usr/bin/env node
/**
 * `npx cairn <command> …`: the CLI in main/cli.ts, run from its TypeScript sources (no build step),
 * with nothing but its JSON on stdout (`npm run cli` prints npm's own banner there first). Starts
 * Node with the same flags as `npm run cli`, with tsx resolved from this package's own
 * node_modules so it works wherever the command is run from.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../main/cli.ts', import.meta.url));
// Resolved from this file, so it is this package's tsx, not whatever the working folder has.
const tsx = import.meta.resolve('tsx');

const child = spawn(
  process.execPath,
  // A larger young generation: indexing allocates many short-lived strings (same as `npm run cli`).
  ['--max-semi-space-size=64', '--import', tsx, cli, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

// Ctrl+C reaches the child through the terminal's process group; a signal sent to this process
// alone (a supervisor's SIGTERM) is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));

child.on('error', (err) => {
  process.stderr.write(`cairn: could not start node: ${err.message}\n`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  if (signal) {
    // End the same way, so a caller sees "killed by SIGTERM", not a made-up exit code.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exitCode = code ?? 1;
});
