/** Case-insensitive, NFC key for names and paths (Obsidian matches link targets this way). */
export function nameKey(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

/**
 * The key two headings compare by: markdown formatting and link brackets stripped, whitespace
 * collapsed, case folded. `## The **Kafka** [[pipeline|Pipeline]]` and `[[x#the kafka pipeline]]` agree.
 * Obsidian writes heading links with `: # | ^ %` turned into spaces (`## Step 1: Setup` is linked as
 * `[[x#Step 1 Setup]]`), so those count as spaces too.
 */
export function headingKey(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~=[\]#|^:%]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Slug key: case, spaces, `_`, `-` and punctuation ignored (our resolution past Obsidian's rules). */
export function slugKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
