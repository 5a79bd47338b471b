/**
 * Bare timestamps (RULES.md "Timestamps" 3): in a note with a video, `[T]` in plain text is a cited
 * moment. They become the same `a.yt-timestamp[data-t]` the anchors are, so one component draws
 * both. Text inside links, buttons and code is left alone, as the index does.
 */
import type { ElementContent, Root } from 'hast';
import { parseTimeLabel } from '../../../../main/core/syntax/time';
import { element, text } from './util';

const BARE = /\[(\d{1,2}:\d{1,2}(?::\d{1,2})?)\]/g;
const SKIP = new Set(['a', 'button', 'code', 'pre', 'script', 'style']);

export function linkBareTimestamps(tree: Root): void {
  const visit = (children: ElementContent[]): ElementContent[] => {
    const out: ElementContent[] = [];
    for (const child of children) {
      if (child.type === 'element') {
        if (!SKIP.has(child.tagName)) child.children = visit(child.children);
        out.push(child);
        continue;
      }
      if (child.type !== 'text' || !child.value.includes('[')) {
        out.push(child);
        continue;
      }
      let last = 0;
      for (const m of child.value.matchAll(BARE)) {
        const t = parseTimeLabel(m[1]!);
        if (!t) continue;
        if (m.index > last) out.push(text(child.value.slice(last, m.index)));
        out.push(element('a', { className: ['yt-timestamp'], dataT: m[1]! }, [text(m[0])]));
        last = m.index + m[0].length;
      }
      if (last === 0) out.push(child);
      else if (last < child.value.length) out.push(text(child.value.slice(last)));
    }
    return out;
  };
  for (const child of tree.children) {
    if (child.type === 'element' && !SKIP.has(child.tagName)) child.children = visit(child.children);
  }
}
