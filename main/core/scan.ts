/**
 * Lists a vault: notes (`.md`) and the other files links can name (images, media, PDFs). Skips
 * dot-folders (`.obsidian`, `.git`, `.trash`) and `node_modules`; follows symlinks only when they stay
 * inside the vault, once each, so a symlink loop cannot hang the scan.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isInside } from './read-note';
import { join, relative } from 'node:path';
import type { VaultPath } from './model';
import { isMarkdownPath, toVaultPath } from './paths';

export const ATTACHMENT_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'avif', 'mp3', 'wav', 'ogg', 'm4a', 'flac', 'mp4', 'webm', 'ogv', 'mov', 'mkv', 'pdf']);

export interface VaultListing {
  notes: VaultPath[];
  attachments: VaultPath[];
}

/** Whether a vault-relative path is one the vault ignores (a dot-folder, `node_modules`). */
export function isIgnoredPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((seg) => seg.startsWith('.') || seg === 'node_modules');
}

export { isInside };

export function isAttachmentPath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > 0 && ATTACHMENT_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

export async function scanVault(root: string): Promise<VaultListing> {
  const rootReal = await realpath(root);
  const listing: VaultListing = { notes: [], attachments: [] };
  const seenDirs = new Set<string>([rootReal]);

  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable mid-scan: the watcher reports it if it matters
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => null);
        if (!target || !isInside(rootReal, target)) continue;
        const info = await stat(target).catch(() => null);
        if (!info) continue;
        isDir = info.isDirectory();
        isFile = info.isFile();
        if (isDir) {
          if (seenDirs.has(target)) continue;
          seenDirs.add(target);
        }
      } else if (isDir) {
        seenDirs.add(full);
      }
      if (isDir) subdirs.push(full);
      else if (isFile) {
        const path = toVaultPath(relative(rootReal, full));
        if (!path) continue;
        // Every other file is listed too: links may name any of them (`.canvas`, `.pdf`, `.excalidraw`…).
        if (isMarkdownPath(path)) listing.notes.push(path);
        else listing.attachments.push(path);
      }
    }
    for (const sub of subdirs) await walk(sub);
  };
  await walk(rootReal);
  listing.notes.sort();
  listing.attachments.sort();
  return listing;
}
