/**
 * One open of a vault in a fresh process, so time and peak memory are this run's alone. Prints JSON.
 * With a snapshot file: a warm open from it, or, when the file does not exist yet, a cold open that
 * then writes it (the writing is not timed).
 */
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { writeSnapshot } from '../main/core/cache';
import { openIndex } from '../main/core/open-index';

const [vault, workersArg, snapshotFile] = process.argv.slice(2);
if (!vault) throw new Error('usage: cold-index <vault> [workers|""] [snapshot file]');
const root = await realpath(vault);
const writing = snapshotFile !== undefined && !existsSync(snapshotFile);
const started = performance.now();
const opened = await openIndex(root, { workers: workersArg ? Number(workersArg) : undefined, snapshotFile: writing ? null : snapshotFile });
const ms = performance.now() - started;
if (writing) await writeSnapshot(snapshotFile, root, opened.notes.values());
let bytes = 0;
for (const note of opened.notes.values()) bytes += note.size;
const stats = opened.index.stats();
process.stdout.write(
  JSON.stringify({ ms, notes: stats.notes, fromCache: opened.fromCache, links: stats.links + stats.embeds, timestamps: stats.timestamps, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024 }),
);
