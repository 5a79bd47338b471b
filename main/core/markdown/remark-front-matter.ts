/**
 * remark plugin: YAML front matter. remark-frontmatter keeps it out of the markdown tree (a `yaml`
 * node); the shared `front-matter.ts` helpers locate and interpret it exactly as the extractor does.
 * Bad YAML is a problem on the note, never a failed parse.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import type { Processor, Transformer } from 'unified';
import { interpretFrontMatter, locateFrontMatter, type FrontMatterFields } from '../syntax/front-matter';

declare module 'vfile' {
  interface DataMap {
    /** Written by remark-front-matter: the fields Cairn reads from the note's front matter. */
    frontMatter: FrontMatterFields;
  }
}

export default function remarkFrontMatter(this: Processor): Transformer<Root, Root> {
  remarkFrontmatter.call(this, 'yaml');
  return (_tree, file) => {
    const located = locateFrontMatter(String(file.value));
    file.data.frontMatter = located ? interpretFrontMatter(located.yaml, located.firstLine) : noFrontMatter();
  };
}

/** The fields of a note without front matter. */
export function noFrontMatter(): FrontMatterFields {
  return { frontmatter: null, title: null, aliases: [], tags: [], videoId: null, url: null, media: null, links: [], problems: [] };
}
