/**
 * Bundles `cold-index.ts` and the parse worker the way electron-vite bundles the desktop app's main
 * process (vite, SSR build, dependencies left to node_modules), so the bench can time a cold open
 * as the desktop app runs it: plain JavaScript in the main thread and the workers, no tsx.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Returns the path of the bundled `cold-index.js`. */
export async function buildColdIndex(): Promise<string> {
  const outDir = join(here, '.built');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: { 'cold-index': join(here, 'cold-index.ts'), 'parse-worker': join(here, '../main/core/parse-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  return join(outDir, 'cold-index.js');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(await buildColdIndex());
