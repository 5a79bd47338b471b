/**
 * The citation index's text side: for each timestamp of a note, the sentence it supports. The
 * record gives the line; which timestamp on that line it is (several often share one) picks the
 * column, and the sentence around that column is the quote.
 */
import { LineTable } from './line-table';
import type { NoteRecord, Timestamp } from './model';
import { sentenceAround } from './syntax/plain-text';

export interface TimestampQuote {
  timestamp: Timestamp;
  text: string;
}

const MARKERS: Record<Timestamp['kind'], RegExp> = {
  anchor: /<a\b[^>]*yt-timestamp/gi,
  url: /youtu(?:\.be|be(?:-nocookie)?\.com)/gi,
  bare: /\[\d{1,2}:\d{1,2}(?::\d{1,2})?\]/g,
};

export function quotesOf(record: NoteRecord, source: string, videoId?: string): TimestampQuote[] {
  // One pass over the note finds every line; each quote then costs its own line, not a rescan.
  const lines = new LineTable(source);
  const seen = new Map<string, number>();
  const out: TimestampQuote[] = [];
  for (const timestamp of record.timestamps) {
    const key = `${timestamp.line}:${timestamp.kind}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    if (videoId !== undefined && timestamp.videoId !== videoId) continue;
    const lineText = lines.line(timestamp.line) ?? '';
    const column = nthMatch(lineText, MARKERS[timestamp.kind], nth);
    out.push({ timestamp, text: sentenceAround(lineText, 1, column ?? undefined) });
  }
  return out;
}

function nthMatch(text: string, pattern: RegExp, n: number): number | null {
  const re = new RegExp(pattern.source, pattern.flags);
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (i++ === n) return m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  return null;
}
