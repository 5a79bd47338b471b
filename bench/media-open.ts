/**
 * One open of a vault through the service, in a fresh process: time to `ready` (what the reader
 * waits for) in wall and CPU time, and with a media folder, the time after that until its first scan is done. Prints JSON.
 */
import { realpath } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { VaultService } from '../main/service';

const [vault, media] = process.argv.slice(2);
if (!vault) throw new Error('usage: media-open <vault> [media folder]');
const root = await realpath(vault);
const service = new VaultService({ canOpenOther: false, cacheDir: null, watch: false, search: false, media: media ? [media] : [] });
const started = performance.now();
await service.openVault({ root });
const readyMs = performance.now() - started;
// CPU time (all threads, parse workers included) holds still on a loaded machine where wall time does not.
const cpu = process.cpuUsage();
const readyCpuMs = (cpu.user + cpu.system) / 1000;
let mediaMs: number | null = null;
if (media) {
  await service.media!.scanned();
  mediaMs = performance.now() - started - readyMs;
}
await service.close();
process.stdout.write(JSON.stringify({ readyMs, readyCpuMs, mediaMs }));
