/**
 * The open note as a sanitized hast tree, for the renderer to turn into React (hast-util-to-jsx-runtime).
 * Same parse plugins as the index's reference parser, then remark-rehype (raw HTML kept, so yt-timestamp
 * anchors survive), rehype-raw, and rehype-sanitize with GitHub's schema plus what our components need.
 * Isomorphic: no Node or DOM APIs.
 */
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Timestamp } from '../model';
import remarkComment, { commentHandlers } from './remark-comment';
import { interpretFrontMatter, locateFrontMatter, type FrontMatterFields } from '../syntax/front-matter';
import { remarkRefusal } from './nesting-limit';
import remarkFrontMatter, { noFrontMatter } from './remark-front-matter';
import remarkHighlight, { highlightHandlers } from './remark-highlight';
import remarkInlineFootnote from './remark-inline-footnote';
import remarkLabelSource from './remark-label-source';
import remarkObsidianMath from './remark-obsidian-math';
import remarkTimestamp from './remark-timestamp';
import remarkWikilink, { wikilinkHandlers } from './remark-wikilink';

const attributes = defaultSchema.attributes ?? {};

/**
 * GitHub's schema, plus: yt-timestamp anchors keep `class` and `data-t`; wikilinks and embeds keep their
 * class and `data-target`/`data-subpath`; highlighted code keeps `hljs` classes. Scripts, styles and
 * frames are dropped with their content; `on*` handlers, `style` and `javascript:` URLs never pass.
 */
export const renderSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...attributes,
    a: [
      ...(attributes['a'] ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')),
      ['className', 'data-footnote-backref', 'wikilink', 'yt-timestamp'],
      'dataT',
      'dataTarget',
      'dataSubpath',
    ],
    span: [...(attributes['span'] ?? []), ['className', 'embed', 'hljs', /^hljs-./], 'dataTarget', 'dataSubpath'],
    // math-inline / math-display: the hast remark-math's shape gives `$…$` and `$$…$$`, typeset by the reader.
    code: [['className', /^language-./, 'hljs', /^hljs-./, 'math-inline', 'math-display']],
  },
  strip: [...(defaultSchema.strip ?? []), 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'noscript', 'template'],
};

/** The index's parse plugins, then render-only syntax (highlights, inline footnotes), then HTML and the sanitizer. */
export function createRenderProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontMatter)
    .use(remarkGfm)
    .use(remarkComment, { dropCommentParagraphs: true })
    .use(remarkObsidianMath)
    .use(remarkWikilink)
    .use(remarkLabelSource)
    .use(remarkTimestamp)
    // Render-only syntax: changes how a note looks, nothing the index counts.
    .use(remarkHighlight)
    .use(remarkInlineFootnote)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { ...wikilinkHandlers, ...commentHandlers, ...highlightHandlers } })
    .use(rehypeRaw)
    .use(rehypeSanitize, renderSchema)
    .freeze();
}

export type RenderProcessor = ReturnType<typeof createRenderProcessor>;

export interface RenderedNote {
  tree: HastRoot;
  /** What remark-front-matter read (fields, problems). */
  frontMatter: FrontMatterFields;
  /** What remark-timestamp found, in source order (the renderer can match them to anchors by line). */
  timestamps: Timestamp[];
  file: VFile;
}

/** The note's sanitized hast tree, with the front matter and timestamps the plugins read on the way. */
export function renderNoteTree(processor: RenderProcessor, source: string): RenderedNote {
  const file = new VFile({ value: source });
  const refusal = remarkRefusal(source);
  if (refusal) return plainTextNote(source, file, refusal);
  const tree = processor.runSync(processor.parse(file), file);
  return { tree, frontMatter: file.data.frontMatter ?? noFrontMatter(), timestamps: file.data.timestamps ?? [], file };
}

export { DENSE_TEXT_NOTICE, PLAIN_TEXT_NOTICE } from './nesting-limit';

/**
 * A note remark must not read (`nesting-limit.ts`): its body as preformatted text under `notice`,
 * in linear time. Front matter is still read, so the title, aliases and video stay.
 */
function plainTextNote(source: string, file: VFile, notice: string): RenderedNote {
  const located = locateFrontMatter(source);
  const frontMatter = located ? interpretFrontMatter(located.yaml, located.firstLine) : noFrontMatter();
  file.data.frontMatter = frontMatter;
  const body = located ? source.slice(located.bodyOffset) : source;
  const tree: HastRoot = {
    type: 'root',
    children: [
      { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: notice }] }] },
      { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: body }] }] },
    ],
  };
  return { tree, frontMatter, timestamps: [], file };
}
