/**
 * Obsidian callouts: a block quote whose first line is `[!type]`, optionally `+` (foldable, open) or
 * `-` (foldable, closed), then an optional title. It becomes a `div.callout` (or `details` when
 * foldable) with a title row and the rest as content. Runs after sanitizing, on the tree the
 * sanitizer already cleaned, so it only rearranges trusted nodes.
 */
import type { Element, ElementContent, Root } from 'hast';
import { element, eachElement, isBlankText, isElement, text } from './util';

const MARKER = /^\s*\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*/;

/** Obsidian's aliases, folded onto the types we style. */
const ALIASES: Record<string, string> = {
  note: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

export function calloutType(raw: string): string {
  return ALIASES[raw.toLowerCase()] ?? 'note';
}

export function transformCallouts(tree: Root): void {
  eachElement(tree, (node, parent, index) => {
    if (node.tagName !== 'blockquote') return;
    const callout = toCallout(node);
    if (callout) parent.children[index] = callout;
  });
}

function toCallout(quote: Element): Element | null {
  const firstIndex = quote.children.findIndex((c) => !isBlankText(c));
  const first = quote.children[firstIndex];
  if (!isElement(first, 'p')) return null;
  const head = first.children[0];
  if (head?.type !== 'text') return null;
  const m = MARKER.exec(head.value);
  if (!m?.[1]) return null;

  const written = m[1];
  const fold = m[2] ?? '';
  // The title runs to the end of the marker's line; the rest of that paragraph is content.
  const rest: ElementContent[] = [text(head.value.slice(m[0].length)), ...first.children.slice(1)];
  const title: ElementContent[] = [];
  let bodyStart = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const child = rest[i]!;
    if (child.type === 'text' && child.value.includes('\n')) {
      const nl = child.value.indexOf('\n');
      if (nl > 0) title.push(text(child.value.slice(0, nl)));
      rest[i] = text(child.value.slice(nl + 1));
      bodyStart = i;
      break;
    }
    if (isElement(child, 'br')) {
      bodyStart = i + 1;
      break;
    }
    title.push(child);
  }
  const leftover = rest.slice(bodyStart).filter((c) => !(c.type === 'text' && c.value === ''));
  const body: ElementContent[] = [];
  if (leftover.some((c) => !isBlankText(c))) body.push({ ...first, children: leftover });
  body.push(...quote.children.slice(firstIndex + 1));

  const type = calloutType(written);
  const hasTitle = title.some((c) => !isBlankText(c));
  const titleChildren: ElementContent[] = hasTitle
    ? title
    : [text(written.charAt(0).toUpperCase() + written.slice(1).toLowerCase())];
  const titleRow: ElementContent[] = [
    element('span', { className: ['callout-icon'], ariaHidden: 'true' }, []),
    element('span', { className: ['callout-title-text'] }, titleChildren),
  ];
  const content = element('div', { className: ['callout-content'] }, body);
  const props = {
    className: ['callout'],
    dataCallout: type,
    dataCalloutWritten: written.toLowerCase(),
    dataLine: quote.properties.dataLine,
    dataLineEnd: quote.properties.dataLineEnd,
  };
  if (fold) {
    return {
      ...element('details', { ...props, open: fold === '+' }, [
        element('summary', { className: ['callout-title'] }, titleRow),
        content,
      ]),
      position: quote.position,
    };
  }
  return {
    ...element('div', { ...props, role: 'note' }, [
      element('div', { className: ['callout-title'] }, titleRow),
      content,
    ]),
    position: quote.position,
  };
}
