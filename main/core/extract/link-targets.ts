/** What a markdown link or image points at, and its label as the record shows it. */
import { vaultLinkTarget } from '../syntax/vault-link';
import { destinationUrl } from './entities';
import type { Leaf } from './leaves';

export interface LinkTarget {
  /** The URL as mdast holds it (escapes and character references decoded). */
  url: string;
  /** The vault file it names, or null for URLs and bare fragments. */
  vault: { target: string; subpath: string | null } | null;
}

/** A destination as written (`<…>` or raw). */
export function markdownLink(rawDestination: string): LinkTarget {
  const url = destinationUrl(rawDestination);
  return { url, vault: vaultLinkTarget(url) };
}

/** The raw source of a label between `[` and `]` (text offsets `from`–`to` of `leaf`), trimmed; null when empty. */
export function labelAlias(src: string, leaf: Leaf, from: number, to: number): string | null {
  return src.slice(leaf.sourceAt(from), leaf.sourceAt(to)).trim() || null;
}
