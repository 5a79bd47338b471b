/** Every `.md` file below `dir`, depth first in name order: real notes for codec round trips. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function notesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...notesUnder(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}
