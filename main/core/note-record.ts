/**
 * A `NoteRecord` put together from the front matter and what a parser found in the body. Both parsers
 * (the extractor and the remark reference) finish through here, so the fields they do not find
 * themselves (title fallback, tag order, problem order) cannot drift apart.
 */
import type { Block, Heading, LinkRef, NoteRecord, Problem, Timestamp, VaultPath } from './model';
import { noteName } from './paths';
import type { FrontMatterFields } from './syntax/front-matter';

export interface NoteBody {
  /** Inline tags in order of appearance. */
  tags: readonly string[];
  headings: Heading[];
  blocks: Block[];
  links: LinkRef[];
  timestamps: Timestamp[];
  problems: readonly Problem[];
}

export function noteRecord(path: VaultPath, fm: FrontMatterFields | null | undefined, body: NoteBody): NoteRecord {
  return {
    path,
    title: fm?.title ?? noteName(path),
    aliases: fm?.aliases ?? [],
    tags: [...new Set([...(fm?.tags ?? []), ...body.tags])],
    videoId: fm?.videoId ?? null,
    url: fm?.url ?? null,
    media: fm?.media ?? null,
    frontmatter: fm?.frontmatter ?? null,
    headings: body.headings,
    blocks: body.blocks,
    // Properties come first in the file, so their links come first in source order.
    links: fm && fm.links.length > 0 ? [...fm.links, ...body.links] : body.links,
    timestamps: body.timestamps,
    problems: [...(fm?.problems ?? []), ...body.problems],
  };
}

/** What a parser that threw leaves of a note: a bare record saying why. */
export function unparsedRecord(path: VaultPath, err: unknown): NoteRecord {
  const problem: Problem = { code: 'parse', message: `The note could not be parsed: ${String((err as Error)?.message ?? err)}` };
  return noteRecord(path, null, { tags: [], headings: [], blocks: [], links: [], timestamps: [], problems: [problem] });
}
