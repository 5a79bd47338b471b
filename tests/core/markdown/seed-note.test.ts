/** The reference parser on a real note (a copy of `/work/shared/seeds/000_*.txt`). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import type { VaultPath } from '../../../main/core/model';

const source = readFileSync(new URL('../../fixtures/notes/seed-000.md', import.meta.url), 'utf8');
const record = parseNoteReference('lennyspodcast/Role of data and insights at Netflix.md' as VaultPath, source);

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('reference parser on seed note 000', () => {
  it('finds one anchor timestamp per class="yt-timestamp" in the file (what grep -o counts)', () => {
    const anchors = record.timestamps.filter((t) => t.kind === 'anchor');
    assert.equal(anchors.length, occurrences(source, 'class="yt-timestamp"'));
    assert.equal(anchors.length, 31);
  });

  it('puts each anchor on the line that carries its data-t, with the note video', () => {
    const lines = source.split('\n');
    for (const t of record.timestamps) {
      assert.ok(lines[t.line - 1]?.includes(`data-t="${t.label}"`), `line ${t.line} has data-t="${t.label}"`);
      assert.equal(t.videoId, '2XgU6T4DalY');
    }
  });

  it('does not count anchor labels as bare timestamps even though the note has a videoId', () => {
    assert.equal(record.videoId, '2XgU6T4DalY');
    assert.deepEqual(record.timestamps.filter((t) => t.kind !== 'anchor'), []);
  });

  it('reads the title from front matter, every wikilink and the headings, with no problems', () => {
    assert.equal(record.title, 'Role of data and insights at Netflix');
    assert.equal(record.links.length, occurrences(source, '[['));
    assert.equal(record.links[0]?.target, 'lennyspodcast');
    assert.deepEqual(
      record.headings.map((h) => [h.level, h.text]),
      [
        [2, 'Unique Structure and Purpose'],
        [3, 'Key Benefits'],
        [3, 'Consumer Insights Team'],
        [2, 'Prerequisite: High Talent Density'],
      ],
    );
    assert.deepEqual(record.problems, []);
  });
});
