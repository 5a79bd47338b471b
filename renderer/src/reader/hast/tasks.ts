/**
 * Task list items drawn as read-only status markers. GFM gives `[ ]` and `[x]` as a disabled
 * checkbox; Obsidian (and its Tasks-style themes) also write one other character in the brackets,
 * `[/]` in progress, `[-]` cancelled, `[>]` deferred and so on, which GFM leaves as text. Both
 * become one `span.task-marker` with `role="checkbox"`, `aria-checked` (mixed for in progress) and
 * the status as its accessible name. Runs on the sanitized tree; the text itself is not touched, so
 * it stays searchable as before.
 */
import type { Element, Root } from 'hast';
import { eachElement, element, isBlankText, isElement } from './util';

/** The statuses Obsidian themes name; any other character is shown as itself. */
const STATUS_NAMES: Record<string, string> = {
  ' ': 'To do',
  x: 'Done',
  X: 'Done',
  '/': 'In progress',
  '-': 'Cancelled',
  '>': 'Deferred',
  '<': 'Scheduled',
  '!': 'Important',
  '?': 'Question',
  '*': 'Star',
  '"': 'Quote',
  i: 'Information',
  I: 'Idea',
  b: 'Bookmark',
  p: 'Pro',
  c: 'Con',
  k: 'Key',
  l: 'Location',
  f: 'Fire',
  w: 'Win',
  u: 'Up',
  d: 'Down',
  S: 'Savings',
};

// `[c] ` at the start of a list item's text, where `c` is one character other than GFM's own.
const CUSTOM = /^\[([^\s\]xX\\])\][ \t]/u;
// `[c]` with nothing after it (`- [ ] ` in a daily-note template): GFM needs text after the marker to
// make a task, so even `[ ]` and `[x]` come through as text here. Obsidian shows an empty checkbox.
const EMPTY = /^\[([^\]\\\n\t])\]\s*$/u;

export function taskStatusName(char: string): string {
  return STATUS_NAMES[char] ?? `Status “${char}”`;
}

function ariaChecked(char: string): 'true' | 'false' | 'mixed' {
  if (char === ' ') return 'false';
  if (char === '/') return 'mixed';
  return 'true';
}

function marker(char: string): Element {
  const slug = char === ' ' ? 'todo' : /^[a-z]$/i.test(char) ? char : 'u' + char.codePointAt(0)!.toString(16);
  return element(
    'span',
    {
      className: ['task-marker', `task-${slug}`],
      role: 'checkbox',
      ariaChecked: ariaChecked(char),
      ariaReadOnly: 'true',
      ariaLabel: taskStatusName(char),
      dataTask: char,
    },
    [],
  );
}

/** The element holding an item's first words: the item itself, or its first paragraph when loose. */
function firstLine(li: Element): Element {
  const first = li.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return isElement(first, 'p') ? first : li;
}

/** Whether nothing but blank text and nested lists follows `head` on the item's first line. */
function endsLine(line: Element, head: Element['children'][number]): boolean {
  const rest = line.children.slice(line.children.indexOf(head) + 1);
  return rest.every((c) => isBlankText(c) || isElement(c, 'ul') || isElement(c, 'ol'));
}

export function markTasks(tree: Root): void {
  eachElement(tree, (li, parent) => {
    if (li.tagName !== 'li' || parent.type !== 'element' || (parent.tagName !== 'ul' && parent.tagName !== 'ol'))
      return;
    const line = firstLine(li);
    const inputAt = line.children.findIndex((c) => isElement(c, 'input'));
    if (inputAt !== -1) {
      const input = line.children[inputAt] as Element;
      line.children[inputAt] = marker(input.properties.checked ? 'x' : ' ');
      li.properties.dataTask = input.properties.checked ? 'x' : ' ';
      return;
    }
    const head = line.children[0];
    if (head?.type !== 'text') return;
    const m = CUSTOM.exec(head.value) ?? (endsLine(line, head) ? EMPTY.exec(head.value) : null);
    if (!m) return;
    const char = m[1]!;
    head.value = ' ' + head.value.slice(m[0].length);
    line.children.unshift(marker(char));
    li.properties.className = ['task-list-item'];
    li.properties.dataTask = char;
    const cls = parent.properties.className;
    const list = Array.isArray(cls) ? cls.map(String) : [];
    if (!list.includes('contains-task-list')) parent.properties.className = [...list, 'contains-task-list'];
  });
}
