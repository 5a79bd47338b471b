/** What search indexes of a note: its names, headings, tags, cited videos and plain body text. */
import type { NoteRecord, VaultPath } from '../model';
import { noteName } from '../paths';
import { SEARCH_TEXT_LIMIT } from '../read-note';
import { locateFrontMatter } from '../syntax/front-matter';
import { searchText } from '../syntax/plain-text';
import { FIELD_COUNT } from './columns';

export interface SearchDoc {
  path: VaultPath;
  title: string;
  aliases: string[];
  headings: string[];
  tags: string[];
  /** Every video the note cites (its own `videoId` and its timestamps' videos), for `video:`. */
  videoIds: string[];
  /** The body as plain text: markup, front matter and code syntax gone. */
  text: string;
}

export function searchDocFrom(record: NoteRecord, source: string): SearchDoc {
  const capped = source.length > SEARCH_TEXT_LIMIT ? source.slice(0, SEARCH_TEXT_LIMIT) : source;
  const bodyOffset = locateFrontMatter(capped)?.bodyOffset ?? 0;
  const videoIds = new Set<string>();
  if (record.videoId) videoIds.add(record.videoId);
  for (const t of record.timestamps) if (t.videoId) videoIds.add(t.videoId);
  return {
    path: record.path,
    title: record.title,
    aliases: record.aliases,
    headings: record.headings.map((h) => h.text),
    tags: record.tags,
    videoIds: [...videoIds],
    text: searchText(capped, bodyOffset),
  };
}

/** The text of each indexed field, in `FIELDS` order. A file name unlike the title counts as a name too. */
export function fieldTexts(doc: SearchDoc): string[] {
  const file = noteName(doc.path);
  const title = file.toLowerCase() === doc.title.toLowerCase() ? doc.title : `${doc.title}\n${file}`;
  const texts = [title, doc.aliases.join('\n'), doc.headings.join('\n'), doc.tags.join(' '), doc.text];
  if (texts.length !== FIELD_COUNT) throw new Error('fieldTexts is out of step with FIELDS');
  return texts;
}
