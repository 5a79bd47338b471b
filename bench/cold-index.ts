/** One cold open of a vault in a fresh process, so time and peak memory are this run's alone. Prints JSON. */
import { performance } from 'node:perf_hooks';
import { openIndex } from '../main/core/open-index';

const [root, workersArg] = process.argv.slice(2);
if (!root) throw new Error('usage: cold-index <vault> [workers]');
const started = performance.now();
const opened = await openIndex(root, { workers: workersArg === undefined ? undefined : Number(workersArg) });
const ms = performance.now() - started;
let bytes = 0;
for (const note of opened.notes.values()) bytes += note.size;
const stats = opened.index.stats();
process.stdout.write(
  JSON.stringify({ ms, notes: stats.notes, links: stats.links + stats.embeds, timestamps: stats.timestamps, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024 }),
);
