import type { VaultIndex } from '../../../main/core/vault-index';

/**
 * An index as `cli index --json` prints it (DESIGN.md "CLI"), without the vault folder and timing:
 * what "the live index equals a fresh index of the folder" compares, note for note, link for link.
 */
export function cliIndexShape(index: VaultIndex) {
  const notes = index.notes().sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    stats: index.stats(),
    notes: notes.map((r) => ({
      path: r.path,
      title: r.title,
      aliases: r.aliases,
      tags: r.tags,
      videoId: r.videoId,
      headings: r.headings,
      links: index
        .links(r.path)
        .map((l) => ({
          target: l.target,
          path: l.path,
          subpath: l.subpath,
          subpathFound: l.subpathFound,
          embed: l.embed,
          alias: l.alias,
          via: l.via,
          line: l.line,
        })),
      timestamps: r.timestamps.map((t) => ({ seconds: t.seconds, label: t.label, videoId: t.videoId, line: t.line })),
      problems: r.problems,
    })),
    unresolved: Object.fromEntries(index.unresolved()),
  };
}
