/**
 * A vault shaped like a public Obsidian community vault rather than like Cairn's own notes: short
 * notes (about 2 KB) in folders up to five deep, an index note per folder, front matter on some
 * notes (tags, aliases, publish flags), callouts, task lists, tables, tags in prose, embeds of
 * images, `[[Note#Heading]]` links, links written by file name only. Big sizes are made the way
 * the 98,565-note measurement was: the same template vault copied side by side into
 * `Copy 01/`, `Copy 02/`…, so every name exists in many folders and every bare `[[Name]]` is
 * ambiguous, which is what real merged or duplicated vaults do to link resolution.
 * Same (n) → same files, on every machine.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { rng } from './rng';

/** The size of the real vault: copies of it make up the big sizes. */
export const TEMPLATE_NOTES = 6_571;

const TOPICS = (
  'plugin theme snippet workflow template dataview canvas graph backlink publish sync mobile vim hotkey ' +
  'callout embed alias property tag folder daily weekly review zettelkasten moc index outline tasks kanban ' +
  'calendar periodic excalidraw mermaid latex citation zotero pdf annotation reading highlight spaced ' +
  'repetition flashcard journal habit project area resource archive inbox capture refactor query'
).split(' ');
const SECTIONS = ['Overview', 'Installation', 'Usage', 'Settings', 'Examples', 'Related', 'Troubleshooting', 'See also'];
const TOP = ['01 - Community', '02 - Community Expansions', '03 - Showcases & Templates', '04 - Guides, Workflows, & Courses', '05 - Concepts', 'Attachments'];

interface TemplateNote {
  folder: string;
  name: string;
}

function titleCase(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** The template's notes: names unique inside one copy, folders 1–5 deep. */
function template(size: number): TemplateNote[] {
  const notes: TemplateNote[] = [];
  const r = rng(4242);
  const pick = () => TOPICS[Math.floor(r() * TOPICS.length)]!;
  const seen = new Set<string>();
  for (let i = 0; notes.length < size; i++) {
    const top = TOP[i % (TOP.length - 1)]!;
    const depth = 1 + Math.floor(r() * r() * 5);
    const parts = [top];
    for (let d = 1; d < depth; d++) parts.push(titleCase(TOPICS[(i * 7 + d * 13) % 24]!));
    let name = `${titleCase(pick())} ${pick()}`;
    if (seen.has(name.toLowerCase())) name = `${name} ${i}`;
    seen.add(name.toLowerCase());
    notes.push({ folder: parts.join('/'), name });
  }
  return notes;
}

function noteSource(i: number, notes: TemplateNote[]): string {
  const r = rng(i * 104_729 + 7);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const word = () => TOPICS[Math.floor(r() * TOPICS.length)]!;
  // Most links go to a few popular notes (the index and how-to notes), the rest anywhere.
  const other = () => notes[Math.min(notes.length - 1, Math.floor(notes.length * Math.pow(r(), 2.5)))]!.name;
  const sentence = () => {
    let s = titleCase(Array.from({ length: int(8, 18) }, word).join(' '));
    const roll = r();
    if (roll < 0.35) s += ` with [[${other()}]]`;
    else if (roll < 0.45) s += ` (see [[${other()}|${word()}]])`;
    else if (roll < 0.5) s += ` in [[${other()}#${SECTIONS[int(0, SECTIONS.length - 1)]}]]`;
    else if (roll < 0.53) s += ` and [[No such ${word()} note]]`;
    else if (roll < 0.6) s += ` #${word()}`;
    return `${s}.`;
  };
  const lines: string[] = [];
  if (r() < 0.6) {
    lines.push('---');
    lines.push(`tags: [${word()}, ${word()}/${word()}]`);
    if (r() < 0.3) lines.push(`aliases: [${titleCase(word())} ${word()} ${i}]`);
    if (r() < 0.4) lines.push(`publish: ${r() < 0.5}`);
    if (r() < 0.3) lines.push(`created: 2023-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`);
    lines.push('---', '');
  }
  lines.push(`# ${notes[i]!.name}`, '');
  const sections = int(2, 5);
  for (let k = 0; k < sections; k++) {
    lines.push(`## ${SECTIONS[(i + k) % SECTIONS.length]}`, '');
    lines.push(Array.from({ length: int(2, 6) }, sentence).join(' '), '');
    const block = r();
    if (block < 0.15) lines.push(`> [!tip] ${titleCase(word())}`, `> ${sentence()}`, '');
    else if (block < 0.3) lines.push(`- [ ] ${sentence()}`, `- [x] ${sentence()}`, '');
    else if (block < 0.4) lines.push(`| ${word()} | ${word()} |`, '| --- | --- |', `| [[${other()}]] | ${word()} |`, '');
    else if (block < 0.47) lines.push(`![[${word()}-${int(1, 40)}.png]]`, '');
    else if (block < 0.6) lines.push(`- [[${other()}]]`, `- [[${other()}]]`, `- [[${other()}]]`, '');
  }
  return lines.join('\n');
}

function copyPrefix(copy: number, copies: number): string {
  return copies > 1 ? `Copy ${String(copy + 1).padStart(2, '0')}/` : '';
}

/** The path of the i-th note of the first copy, for benches that edit or link a known note. */
export function communityNotePath(i: number, n: number): string {
  const notes = template(Math.min(n, TEMPLATE_NOTES));
  const note = notes[i % notes.length]!;
  return `${copyPrefix(0, Math.ceil(n / notes.length))}${note.folder}/${note.name}.md`;
}

/** Writes an n-note community-shaped vault into `dir` (copies of a ≤ 6,571-note template), replacing what was there. */
export async function writeCommunityVault(dir: string, n: number): Promise<{ notes: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  const notes = template(Math.min(n, TEMPLATE_NOTES));
  const copies = Math.ceil(n / notes.length);
  const sources = notes.map((_, i) => noteSource(i, notes));
  const dirs = new Set<string>();
  let bytes = 0;
  let written = 0;
  for (let c = 0; c < copies && written < n; c++) {
    const prefix = copyPrefix(c, copies);
    for (let i = 0; i < notes.length && written < n; i++, written++) {
      const file = join(dir, `${prefix}${notes[i]!.folder}/${notes[i]!.name}.md`);
      const folder = dirname(file);
      if (!dirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        dirs.add(folder);
      }
      await writeFile(file, sources[i]!);
      bytes += Buffer.byteLength(sources[i]!);
    }
  }
  return { notes: written, bytes };
}
