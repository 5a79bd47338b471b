/**
 * `npm run serve -- [--vault DIR] [--media DIR]... [--port N] [--no-open] [--no-cache] [--force]`: opens one vault and serves
 * it to a browser on 127.0.0.1. The first line of stdout is always
 * `Cairn is serving <vault> at <url>` (tests parse it); everything else goes to stderr.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VaultService } from '../service';
import { ensureRendererBuilt, REPO_ROOT, rendererOutDir } from './build-renderer';
import { DEFAULT_PORT, startWebHost } from './server';
import { stopOnSignals } from './shutdown';

/**
 * From this many notes the URL is printed as soon as the folder is listed, before the index is
 * built (the page shows the progress). A smaller vault opens in about a second: its URL waits for
 * it, so a script that calls the API right after the URL finds the vault ready.
 */
const EARLY_URL_NOTES = 2_000;

const USAGE = 'usage: npm run serve -- [--vault DIR] [--media DIR]... [--port N] [--no-open] [--no-cache] [--force]';

interface ServeArgs {
  vault: string;
  /** More folders to look for local copies of cited videos in (this run only). */
  media: string[];
  port: number;
  open: boolean;
  cache: boolean;
  /** Read a folder refused as too large (a whole disk, a home folder). */
  force: boolean;
}

function readArgs(argv: string[]): ServeArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      vault: { type: 'string' },
      media: { type: 'string', multiple: true },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stderr.write(USAGE + '\n');
    process.exit(0);
  }
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);
  return {
    vault: resolve(values.vault ?? join(REPO_ROOT, 'vault')),
    media: (values.media ?? []).map((dir) => resolve(dir)),
    port,
    open: !values['no-open'],
    cache: !values['no-cache'],
    force: values.force === true,
  };
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  // No browser opener on this machine is fine: the URL is printed.
  child.on('error', () => undefined);
  child.unref();
}

async function main(): Promise<void> {
  let args: ServeArgs;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`cairn serve: ${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const folder = await stat(args.vault).catch(() => null);
  if (!folder?.isDirectory()) {
    process.stderr.write(`cairn serve: no vault folder at ${args.vault}\n`);
    process.exitCode = 1;
    return;
  }

  await ensureRendererBuilt();

  const service = new VaultService({
    canOpenOther: false,
    // CAIRN_CACHE_DIR moves it (the bench keeps each run's caches apart).
    cacheDir: args.cache ? (process.env.CAIRN_CACHE_DIR ?? join(REPO_ROOT, '.cairn-cache')) : null,
    media: args.media,
  });
  service.onEvent((event) => {
    // A --media folder that cannot be read is worth a line; the vault is served without it.
    if (event.type === 'problem' && event.message.startsWith('Media folder')) process.stderr.write(`cairn serve: ${event.message}
`);
  });
  // Listening before the vault is open: a big vault's page can show its progress while it opens.
  const host = await startWebHost({ vault: service, rendererDir: rendererOutDir(), port: args.port });
  // Ctrl+C while a big vault opens stops it as promptly as later.
  stopOnSignals({
    close: () => host.close().then(() => service.close()),
    log: (message) => process.stderr.write(`cairn serve: ${message}\n`),
  });
  let announced = false;
  const announce = () => {
    if (announced) return;
    announced = true;
    process.stdout.write(`Cairn is serving ${args.vault} at ${host.url}\n`);
    if (args.open) openBrowser(host.url);
  };
  let reported = 0;
  const stopProgress = service.onEvent((event) => {
    if (event.type !== 'indexing') return;
    // The first progress comes once the folder is listed (so it is not refused as too large).
    // A big vault takes a while the first time: its URL now, its progress about once a second.
    if (event.total >= EARLY_URL_NOTES) announce();
    if (Date.now() - reported < 1000) return;
    reported = Date.now();
    process.stderr.write(`cairn serve: indexing ${event.done}/${event.total}\n`);
  });
  try {
    await service.openVault({ root: args.vault, force: args.force });
  } catch (err) {
    await host.close();
    if ((err as { code?: string }).code !== 'too-large') throw err;
    process.stderr.write(`cairn serve: ${(err as Error).message} Add --force to serve it anyway.\n`);
    process.exitCode = 2;
    await service.close();
    return;
  }
  stopProgress();
  announce();
}

main().catch((err: unknown) => {
  process.stderr.write(`cairn serve: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
