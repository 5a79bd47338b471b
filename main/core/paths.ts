import type { VaultPath } from './model';

/** Normalises a vault-relative path: POSIX separators, NFC, no leading `./` or `/`, no `.`/`..` segments. Returns null when it would escape the vault. */
export function toVaultPath(raw: string): VaultPath | null {
  const parts: string[] = [];
  for (const segment of raw.normalize('NFC').replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    if (segment.includes('\0')) return null;
    parts.push(segment);
  }
  if (parts.length === 0) return null;
  return parts.join('/') as VaultPath;
}

/** Like `toVaultPath`, for paths we produced ourselves; throws on an escape, which would be our bug. */
export function vaultPath(raw: string): VaultPath {
  const p = toVaultPath(raw);
  if (p === null) throw new Error(`not a vault path: ${JSON.stringify(raw)}`);
  return p;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `notes/Kafka.md` → `Kafka`. */
export function noteName(path: string): string {
  const base = basename(path);
  return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}

export function isMarkdownPath(path: string): boolean {
  return path.toLowerCase().endsWith('.md');
}

/** Joins a note-relative reference onto the folder of `from`; null when it escapes the vault. */
export function joinRelative(from: VaultPath, relative: string): VaultPath | null {
  if (relative.startsWith('/')) return toVaultPath(relative);
  const folder = dirname(from);
  return toVaultPath(folder ? `${folder}/${relative}` : relative);
}
