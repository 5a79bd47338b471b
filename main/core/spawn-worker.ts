/**
 * Starting one of our worker modules the same way from sources (tsx: tests, CLI, web host) and from
 * the electron-vite build (a sibling `.js` bundle). Node 20 does not apply `--import tsx` loader
 * hooks inside workers, so from sources a tiny eval'd bootstrap registers tsx and then imports the
 * `.ts` module.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Whether the module at `callerUrl` runs from the TypeScript sources rather than the build. */
export function runsFromSources(callerUrl: string): boolean {
  return callerUrl.endsWith('.ts');
}

/** `callerUrl` is the caller's `import.meta.url`; `name` the worker module beside it, without extension. */
export function spawnWorker(callerUrl: string, name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (runsFromSources(callerUrl)) {
    const target = new URL(`./${name}.ts`, callerUrl).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl), { workerData, resourceLimits });
}
