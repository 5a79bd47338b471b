/**
 * Builds the graph bench page (bench/graph-page) into out/graph-bench: the real graph pane,
 * mounted on synthetic data, without the rest of the app.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../../out/graph-bench'),
    emptyOutDir: true,
    // GRAPH_BENCH_DEBUG=1 keeps names readable in profiles.
    minify: !process.env.GRAPH_BENCH_DEBUG,
    rollupOptions: { input: resolve(here, 'index.html') },
  },
});
