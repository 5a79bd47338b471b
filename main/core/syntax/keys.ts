/** Case-insensitive, NFC key for names and paths (Obsidian matches link targets this way). */
export function nameKey(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

/**
 * The key two headings compare by, after Obsidian's `stripHeading` ("normalizes headings for link
 * matching by stripping out special characters and shrinking consecutive spaces"), applied to a
 * heading's text and to a link's subpath alike: links and markdown links keep their shown text, every
 * character but letters, digits, combining marks, `-` and pictographs (emoji) becomes a space, runs of
 * spaces shrink to one, case is folded. So `## What is the Obsidian Hub?` is found by
 * `[[README#What is the Obsidian Hub]]`, `## Step 1: Setup` by `[[x#Step 1 Setup]]`, and
 * `## The **Kafka** [[pipeline|Pipeline]]` by `[[x#the kafka pipeline]]`.
 */
export function headingKey(s: string): string {
  return s
    .normalize('NFC')
    // No `[` inside the groups: each attempt stops at the next bracket, so long lines stay linear.
    .replace(/\[\[([^[\]|]*)\|([^[\]]*)\]\]/g, '$2')
    .replace(/\[([^[\]]*)\]\([^)[]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}\u200d-]+/gu, ' ')
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
