import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'main/electron/main.ts'),
          'parse-worker': resolve(__dirname, 'main/core/parse-worker.ts'),
          'search-worker': resolve(__dirname, 'main/core/search/search-worker.ts'),
          'transcript-worker': resolve(__dirname, 'main/core/media/transcript-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // Fonts stay files: the page CSP has no `font-src data:`, so an inlined (small) KaTeX font would be blocked.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/i.test(file) ? false : undefined),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
