/**
 * Builds the graph bench page (bench/graph-page) and serves it on 127.0.0.1: shared by the graph
 * bench and the level-of-detail e2e test, which drive the same page in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export function buildGraphPage(outDir: string): void {
  execFileSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '-c', join(REPO, 'bench/graph-page/vite.config.ts'), '--outDir', outDir], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function serveGraphPage(outDir: string): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    readFile(join(outDir, path === '/' ? 'index.html' : path))
      .then((body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
