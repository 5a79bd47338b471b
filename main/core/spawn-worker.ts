/**
 * Starting one of our worker modules the same way from sources (tsx: tests, CLI, web host) and from
 * the electron-vite build (a sibling `.js` bundle). Node 20 does not apply `--import tsx` loader
 * hooks inside workers, so from sources a tiny eval'd bootstrap registers tsx and then imports the
 * `.ts` module.
 */
import { Worker } from 'node:worker_threads';

/** `callerUrl` is the caller's `import.meta.url`; `name` the worker module beside it, without extension. */
export function spawnWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (callerUrl.endsWith('.ts')) {
    const target = new URL(`./${name}.ts`, callerUrl).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
}
