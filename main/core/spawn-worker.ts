/**
 * Starting one of our worker modules the same way from sources (tsx: tests, CLI, web host) and from
 * the electron-vite build (a sibling `.js` bundle).
 *
 * From sources, each worker module is bundled once per process with esbuild (the compiler tsx
 * itself runs on) and started as a script: a worker then answers in about 40 ms, against about
 * 0.4 s when every worker registers tsx's loader and compiles its module graph through it
 * (measured with the parse worker; Node 20 does not carry `--import tsx` into workers anyway).
 * Should bundling fail, the worker starts through a tiny bootstrap that registers tsx.
 */
import type * as Esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Whether the module at `callerUrl` runs from the TypeScript sources rather than the build. */
export function runsFromSources(callerUrl: string): boolean {
  return callerUrl.endsWith('.ts');
}

/** `callerUrl` is the caller's `import.meta.url`; `name` the worker module beside it, without extension. */
export function spawnWorker(callerUrl: string, name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (runsFromSources(callerUrl)) {
    const target = new URL(`./${name}.ts`, callerUrl);
    const bundle = bundled(fileURLToPath(target));
    if (bundle !== null) return new Worker(bundle, { eval: true, workerData, resourceLimits });
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target.href)}); })`;
    return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl), { workerData, resourceLimits });
}

const bundles = new Map<string, string | null>();

/** The module and everything it imports as one CommonJS script, or null when esbuild is missing or warns. */
function bundled(file: string): string | null {
  let code = bundles.get(file);
  if (code === undefined) {
    code = null;
    try {
      const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
      const result = esbuild.buildSync({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
      // A warning (say, `import.meta` in a script) means the bundle may not behave like the module.
      if (result.warnings.length === 0 && result.outputFiles.length === 1) code = result.outputFiles[0]!.text;
    } catch {
      code = null;
    }
    bundles.set(file, code);
  }
  return code;
}
