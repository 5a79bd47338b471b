/**
 * Headless commands over the same service the app uses. JSON on stdout, logs on stderr, exit 2
 * with a one-line reason on bad input. Contract: shared/DESIGN.md "CLI".
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MediaRoot } from './api';
import { VaultService } from './service';

const USAGE = `usage: cairn <command> <vault> [args] --json
  index <vault>                 every note with its links, timestamps and problems
  search <vault> "<query>"      ranked full-text hits, and what video captions say (said)
  backlinks <vault> <note path> notes linking to a note, with context
  citations <vault> [videoId]   every cited moment, by video, with its local copy
  videos <vault>                every cited video: title, channel, duration, local copy, captions, chapters
  --media DIR                   also look for local copies and captions in DIR (repeatable; citations, videos, search)
  --force                       read a folder refused as too large (a whole disk, a home folder)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<unknown> {
  const force = argv.includes('--force');
  const { media, args } = takeMedia(argv.filter((a) => a !== '--json' && a !== '--force'));
  const [command, vault, ...rest] = args;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (!['index', 'search', 'backlinks', 'citations', 'videos'].includes(command)) throw new UsageError(`unknown command "${command}"; try --help`);
  if (media.length > 0 && !['citations', 'videos', 'search'].includes(command)) throw new UsageError(`${command}: --media is for citations, videos and search`);
  if (!vault) throw new UsageError(`${command}: missing <vault> folder`);
  // Checked before the vault is opened, so a usage error is the only line on stderr.
  if (command === 'search' && rest[0] === undefined) throw new UsageError('search: missing "<query>"');
  if (command === 'backlinks' && !rest[0]) throw new UsageError('backlinks: missing <note path>');

  const started = performance.now();
  const service = new VaultService({ canOpenOther: false, cacheDir: null, watch: false, search: command === 'search' || command === 'backlinks', media });
  // A media folder that cannot be read is said on stderr; the answer goes on without it.
  service.onEvent((event) => {
    if (event.type === 'problem') log(event.message);
  });
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
        await service.transcriptsReady();
        const result = await service.search({ query, limit: 20 });
        if (result.error) throw new UsageError(`search: ${result.error}`);
        const hits = result.hits.map((h) => ({ path: h.path, title: h.title, score: h.score, snippet: h.snippet }));
        // `said` only when the captions in the vault (and --media folders) hold the words.
        const said = result.said?.map((s) => ({ videoId: s.videoId, title: s.title, lang: s.lang, seconds: s.seconds, label: s.label, text: s.text }));
        return said ? { hits, ms: result.ms, said } : { hits, ms: result.ms };
      }
      case 'backlinks': {
        const path = rest[0];
        if (!path) throw new UsageError('backlinks: missing <note path>');
        await service.searchReady();
        const result = await service.backlinks({ path });
        return { path: result.path, backlinks: result.linked.map((g) => ({ from: g.from, title: g.title, contexts: g.contexts, moreContexts: g.moreContexts })), moreBacklinks: result.moreLinked };
      }
      case 'citations': {
        await service.media?.scanned();
        const result = await service.citations({ videoId: rest[0] });
        const roots = service.media?.roots() ?? [];
        return {
          videos: result.videos.map((v) => ({
            videoId: v.videoId,
            media: v.media ?? hostPath(roots, v.local),
            citations: v.citations.map((c) => ({ path: c.path, seconds: c.seconds, label: c.label, text: c.text })),
          })),
        };
      }
      case 'videos': {
        await service.media?.scanned();
        const result = await service.videos({ videoId: rest[0] });
        return {
          videos: result.videos.map((v) => ({
            videoId: v.videoId,
            title: v.title,
            channel: v.channel,
            duration: v.duration,
            citations: v.citations,
            notes: v.notes,
            media: v.noteMedia ?? hostPath(result.roots, v.local),
            captions: [...new Set(v.captions.map((c) => c.lang))],
            chapters: v.chapters.map((c) => ({ seconds: c.seconds, title: c.title })),
          })),
        };
      }
    }
    return null;
  } finally {
    await service.close();
  }
}

/** `--media DIR` pairs (repeatable), taken out of the arguments. */
function takeMedia(argv: string[]): { media: string[]; args: string[] } {
  const media: string[] = [];
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--media') {
      const dir = argv[++i];
      if (!dir) throw new UsageError('--media: missing DIR');
      media.push(dir);
    } else if (arg.startsWith('--media=')) media.push(arg.slice('--media='.length));
    else args.push(arg);
  }
  return { media, args };
}

/** A library file as the CLI reports it: vault-relative when it lies in the vault, else absolute. */
function hostPath(roots: MediaRoot[], ref: { root: number; path: string } | null): string | null {
  if (!ref) return null;
  if (ref.root === 0) return ref.path;
  const root = roots.find((r) => r.id === ref.root);
  return root ? join(root.path, ...ref.path.split('/')) : null;
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
