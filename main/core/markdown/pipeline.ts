/**
 * The reference note parser: remark-parse (CommonMark) with front matter, GFM, comments, math, wikilinks and
 * timestamps; `collect-note.ts` then walks the tree once into a `NoteRecord`. The fast extractor
 * (`../extract/`) must produce identical records; this pipeline is what "identical" is measured against.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkComment from './remark-comment';
import remarkFrontMatter from './remark-front-matter';
import remarkLabelSource from './remark-label-source';
import remarkObsidianMath from './remark-obsidian-math';
import remarkTimestamp from './remark-timestamp';
import remarkWikilink from './remark-wikilink';

/** The parse plugins, in order; the renderer adds its rehype stages after these. */
export function createNoteParser() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontMatter)
    .use(remarkGfm)
    .use(remarkComment)
    .use(remarkObsidianMath)
    .use(remarkWikilink)
    .use(remarkLabelSource)
    .use(remarkTimestamp)
    .freeze();
}

export type NoteParser = ReturnType<typeof createNoteParser>;
