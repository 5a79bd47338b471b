/**
 * One note's group in a backlinks or unresolved answer: the lines that mention something, each
 * shown once, the first `CONTEXTS_PER_NOTE` with their text and a count of the rest. A note linking
 * one target from 20,000 lines answers with 20 lines and "19,980 more".
 */
import { CONTEXTS_PER_NOTE, type BacklinkGroup } from './api';
import type { LineTable } from './core/line-table';
import type { VaultPath } from './core/model';

export function mentionGroup(
  from: VaultPath,
  title: string,
  lines: readonly number[],
  table: LineTable,
): BacklinkGroup {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const shown = unique.slice(0, CONTEXTS_PER_NOTE);
  return {
    from,
    title,
    contexts: shown.map((line) => ({ line, text: table.context(line) })),
    moreContexts: unique.length - shown.length,
  };
}
