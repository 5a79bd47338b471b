/**
 * Headless commands over the same service the app uses. JSON on stdout, logs on stderr, exit 2
 * with a one-line reason on bad input. Contract: shared/DESIGN.md "CLI".
 */
import { performance } from 'node:perf_hooks';
import { VaultService } from './service';

const USAGE = `usage: cairn <command> <vault> [args] --json
  index <vault>                 every note with its links, timestamps and problems
  search <vault> "<query>"      ranked full-text hits
  backlinks <vault> <note path> notes linking to a note, with context
  citations <vault> [videoId]   every cited moment, by video
  --force                       read a folder refused as too large (a whole disk, a home folder)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<unknown> {
  const force = argv.includes('--force');
  const args = argv.filter((a) => a !== '--json' && a !== '--force');
  const [command, vault, ...rest] = args;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (!['index', 'search', 'backlinks', 'citations'].includes(command)) throw new UsageError(`unknown command "${command}"; try --help`);
  if (!vault) throw new UsageError(`${command}: missing <vault> folder`);
  // Checked before the vault is opened, so a usage error is the only line on stderr.
  if (command === 'search' && rest[0] === undefined) throw new UsageError('search: missing "<query>"');
  if (command === 'backlinks' && !rest[0]) throw new UsageError('backlinks: missing <note path>');

  const started = performance.now();
  const service = new VaultService({ canOpenOther: false, cacheDir: null, watch: false, search: command === 'search' || command === 'backlinks' });
  try {
    const info = await service.openVault({ root: vault, force });
    log(`opened ${info.root}: ${info.notes} notes`);
    const session = service.current!;
    switch (command) {
      case 'index': {
        const index = session.index;
        const notes = index.notes().sort((a, b) => (a.path < b.path ? -1 : 1));
        const stats = { ...index.stats(), ms: Math.round(performance.now() - started) };
        return {
          vault: info.root,
          stats,
          notes: notes.map((r) => ({
            path: r.path,
            title: r.title,
            aliases: r.aliases,
            tags: r.tags,
            videoId: r.videoId,
            headings: r.headings,
            links: index.links(r.path).map((l) => ({ target: l.target, path: l.path, subpath: l.subpath, subpathFound: l.subpathFound, embed: l.embed, alias: l.alias, via: l.via, line: l.line })),
            timestamps: r.timestamps.map((t) => ({ seconds: t.seconds, label: t.label, videoId: t.videoId, line: t.line })),
            problems: r.problems,
          })),
          unresolved: Object.fromEntries(index.unresolved()),
        };
      }
      case 'search': {
        const query = rest[0];
        if (query === undefined) throw new UsageError('search: missing "<query>"');
        await service.searchReady();
        const result = await service.search({ query, limit: 20 });
        if (result.error) throw new UsageError(`search: ${result.error}`);
        return { hits: result.hits.map((h) => ({ path: h.path, title: h.title, score: h.score, snippet: h.snippet })), ms: result.ms };
      }
      case 'backlinks': {
        const path = rest[0];
        if (!path) throw new UsageError('backlinks: missing <note path>');
        await service.searchReady();
        const result = await service.backlinks({ path });
        return { path: result.path, backlinks: result.linked.map((g) => ({ from: g.from, title: g.title, contexts: g.contexts, moreContexts: g.moreContexts })), moreBacklinks: result.moreLinked };
      }
      case 'citations': {
        const result = await service.citations({ videoId: rest[0] });
        return { videos: result.videos.map((v) => ({ videoId: v.videoId, citations: v.citations.map((c) => ({ path: c.path, seconds: c.seconds, label: c.label, text: c.text })) })) };
      }
    }
    return null;
  } finally {
    await service.close();
  }
}

function log(message: string): void {
  process.stderr.write(`cairn: ${message}\n`);
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: string })?.code;
    const expected = err instanceof UsageError || code === 'no-vault' || code === 'not-found' || code === 'too-large';
    const hint = code === 'too-large' ? ' Add --force to read it anyway.' : '';
    process.stderr.write(`cairn: ${expected ? message.split('\n').join('\n') + hint : `failed: ${message}`}\n`);
    process.exitCode = expected ? 2 : 1;
  },
);
