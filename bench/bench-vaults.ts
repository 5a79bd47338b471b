/**
 * The two kinds of vault every size is measured on: `synthetic` (Cairn's own format, long notes
 * full of links and timestamps, bench/generate-vault.ts) and `community` (short Obsidian notes in
 * deep folders, copies side by side so every name exists many times, bench/generate-community-vault.ts).
 * Generated once into bench/.vaults and reused while their stamp matches.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { communityNotePath, writeCommunityVault } from './generate-community-vault';
import { generateNote, writeVault } from './generate-vault';

export type VaultKind = 'synthetic' | 'community';

export interface BenchVault {
  kind: VaultKind;
  n: number;
  dir: string;
  /** How rows name it: `10k` for the synthetic vault, `10k community` for the other. */
  label: string;
  /** A note the live bench edits, vault-relative. */
  editPath: string;
  /** A link the live bench appends in round `round`. */
  linkTarget(round: number): string;
}

const here = new URL('.', import.meta.url).pathname;

/** `BENCH_KINDS=synthetic` (or `community`) measures one kind; both by default. */
export function benchKinds(): VaultKind[] {
  const kinds = (process.env.BENCH_KINDS ?? 'synthetic,community').split(',').map((k) => k.trim());
  for (const k of kinds) if (k !== 'synthetic' && k !== 'community') throw new Error(`BENCH_KINDS: unknown kind ${k}`);
  return kinds as VaultKind[];
}

export async function benchVault(kind: VaultKind, n: number): Promise<BenchVault> {
  const dir = join(here, '.vaults', kind === 'synthetic' ? String(n) : `community-${n}`);
  const stamp = join(dir, '.generated');
  if (!existsSync(stamp) || (await readFile(stamp, 'utf8')) !== String(n)) {
    process.stderr.write(`generating ${n} ${kind} notes in ${dir}\n`);
    if (kind === 'synthetic') await writeVault(dir, n);
    else await writeCommunityVault(dir, n);
    await writeFile(stamp, String(n));
  }
  const size = `${n / 1000}k`;
  if (kind === 'synthetic')
    return { kind, n, dir, label: size, editPath: generateNote(7, n).path, linkTarget: (round) => generateNote(round, n).path.replace(/\.md$/, '') };
  return { kind, n, dir, label: `${size} community`, editPath: communityNotePath(7, n), linkTarget: (round) => communityNotePath(round + 100, n).replace(/\.md$/, '') };
}
