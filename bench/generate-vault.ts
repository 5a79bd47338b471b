/**
 * A deterministic synthetic vault in the seeds' format (shared/seeds/000_*.txt): front matter with
 * a title and videoId, a `From: [[channel]]` line, 6–15 KB of prose, 10–30 wikilinks whose targets
 * follow a power law (a few hubs, a long tail), some aliased, some to notes that don't exist, and
 * 20–60 yt-timestamp anchors in rising order. Same (i, n) → same note, on every machine.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { rng } from './rng';

const WORDS = (
  'data insight netflix member event stream kafka flink iceberg table pipeline metric experiment test ' +
  'causal ranker impression signal model decision partner truth curiosity team central research consumer ' +
  'survey analytics engineer scientist dashboard cohort retention churn growth content studio production ' +
  'schedule forecast budget cash spend title launch audience recommendation personalization latency batch ' +
  'window join schema lineage quality freshness ownership context memo culture freedom responsibility talent ' +
  'density judgment candor feedback transparency platform service layer storage compute query warehouse'
).split(' ');
const FOLDERS = ['Podcast', 'Data stack', 'Analytics', 'Practices', 'Culture', 'People', 'Sources', 'Archive/2023', 'Archive/2024'];
const CHANNELS = ['lennyspodcast', 'netflixtechblog', 'datatalks', 'stratechery'];

export interface SyntheticNote {
  path: string;
  source: string;
}

export function noteTitle(i: number): string {
  const r = rng(i * 7919 + 17);
  const pick = () => WORDS[Math.floor(r() * WORDS.length)]!;
  const words = [pick(), pick(), pick()];
  return `${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)} ${words[1]} ${words[2]} ${i}`;
}

export function notePath(i: number): string {
  return `${FOLDERS[i % FOLDERS.length]}/${noteTitle(i)}.md`;
}

function videoId(i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const r = rng(i * 31 + 5);
  let id = '';
  for (let k = 0; k < 11; k++) id += alphabet[Math.floor(r() * 64)];
  return id;
}

function stamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const label = [h, m, s].map((v) => String(v).padStart(2, '0')).join(':');
  return `<a class="yt-timestamp" data-t="${label}">[${label}]</a>`;
}

export function generateNote(i: number, n: number): SyntheticNote {
  const r = rng(i + 1);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const word = () => WORDS[Math.floor(r() * WORDS.length)]!;
  const targetBytes = int(6_000, 15_000);
  const links = int(10, 30);
  const stamps = int(20, 60);
  // Power law: most links go to a few hub notes.
  const target = () => Math.min(n - 1, Math.floor(n * Math.pow(r(), 3)));

  const sentences: string[] = [];
  let bytes = 0;
  let linkBudget = links;
  let stampBudget = stamps;
  let seconds = int(5, 120);
  const totalSentences = Math.max(40, Math.round(targetBytes / 160));
  for (let k = 0; bytes < targetBytes; k++) {
    let sentence = Array.from({ length: int(12, 24) }, word).join(' ');
    sentence = sentence[0]!.toUpperCase() + sentence.slice(1);
    if (linkBudget > 0 && r() < links / totalSentences + 0.05) {
      linkBudget--;
      const roll = r();
      if (roll < 0.08) sentence += ` and [[Missing topic ${int(0, 50)}]]`;
      else if (roll < 0.3) sentence += ` as in [[${noteTitle(target())} | ${word()} ${word()}]]`;
      else sentence += ` like [[${noteTitle(target())}]]`;
    }
    // The anchor follows the claim it supports, before the full stop, as in the seeds.
    if (stampBudget > 0 && r() < stamps / totalSentences + 0.1) {
      stampBudget--;
      seconds += int(10, 90);
      sentence += ` ${stamp(seconds)}`;
    }
    sentence += '.';
    sentences.push(sentence);
    bytes += sentence.length + 1;
    if (k % 6 === 5) sentences.push(`\n## ${word()[0]!.toUpperCase()}${word().slice(1)} ${word()}\n`);
    else if (k % 3 === 2) sentences.push('\n');
  }
  const header = `---\ntitle: ${noteTitle(i)}\nvideoId: ${videoId(i)}\ntags: [${word()}, synthetic/${word()}]\n---\n\nFrom: [[${CHANNELS[i % CHANNELS.length]}]] <br/>\n\n`;
  return { path: notePath(i), source: header + sentences.join(' ').replace(/ \n /g, '\n') + '\n' };
}

/** Writes an n-note vault (plus the channel hub notes) into `dir`, replacing what was there. */
export async function writeVault(dir: string, n: number): Promise<{ notes: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  let bytes = 0;
  const dirs = new Set<string>();
  for (let i = 0; i < n; i++) {
    const note = generateNote(i, n);
    const file = join(dir, note.path);
    const folder = dirname(file);
    if (!dirs.has(folder)) {
      await mkdir(folder, { recursive: true });
      dirs.add(folder);
    }
    await writeFile(file, note.source);
    bytes += Buffer.byteLength(note.source);
  }
  for (const channel of CHANNELS) await writeFile(join(dir, 'Sources', `${channel}.md`), `---\ntitle: ${channel}\n---\n\nA channel.\n`);
  return { notes: n + CHANNELS.length, bytes };
}
