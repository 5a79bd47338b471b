/**
 * The rest of the index path stays linear too: a note with very many links builds, resolves and
 * reports in time proportional to its links, and front matter is located and read in time
 * proportional to its length (also past the limit where the `yaml` package is no longer asked).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import type { NoteRecord, VaultPath } from '../../../main/core/model';
import { interpretFrontMatter, locateFrontMatter, MAX_YAML_CHARS } from '../../../main/core/syntax/front-matter';
import { VaultIndex } from '../../../main/core/vault-index';
import { cases, repeat } from './cases';
import { describeGrowth, measureGrowth, RATIO_LIMIT } from './growth';

/** A vault of a hub note with about `links` links (a tenth to each of ten notes, the rest unresolved) and the ten notes. */
function vault(links: number): NoteRecord[] {
  const line =
    '[[Note 1]] [[Note 2#Part]] [[missing one]] ![[Note 3]] [[Note 4|alias]] [[Note 5]] [[other missing]] [[Note 6]] [[Note 7]] [[Note 8#^id]]\n';
  const body = repeat(line, (links / 10) * line.length);
  const hub = extractNote('Hub.md' as VaultPath, body);
  const notes = Array.from({ length: 10 }, (_, i) => extractNote(`Note ${i}.md` as VaultPath, `# Part\n\ntext ^id\n`));
  return [hub, ...notes];
}

describe('index time grows linearly', () => {
  it('builds and resolves a note with 50,000 links', (t) => {
    const records = new Map<string, NoteRecord[]>();
    const make = (n: number) => {
      records.set(String(n), vault(n));
      return String(n);
    };
    const g = measureGrowth(
      (key) => {
        const index = VaultIndex.build(records.get(key)!.map((record) => ({ kind: 'note' as const, record })));
        assert.ok(index.stats().links > 0);
      },
      make,
      12_500,
    );
    const hub = vault(50_000)[0]!;
    assert.ok(hub.links.length >= 50_000, `${hub.links.length} links`);
    t.diagnostic(describeGrowth('index build', g));
    assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth('index build', g)}`);
  });

  for (const c of cases.filter((k) => k.name.startsWith('front matter'))) {
    it(`locates and reads ${c.name}`, (t) => {
      const g = measureGrowth(
        (s) => {
          const located = locateFrontMatter(s);
          if (located) interpretFrontMatter(located.yaml, located.firstLine);
        },
        c.make,
        100_000,
      );
      t.diagnostic(describeGrowth(c.name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(c.name, g)}`);
    });
  }
});

describe('front matter limits', () => {
  it('reports YAML beyond the plain subset and over the limit as a problem, with its size', () => {
    const yaml = repeat('k: [[Note]]\n', MAX_YAML_CHARS + 100);
    const fields = interpretFrontMatter(yaml, 2);
    assert.equal(fields.frontmatter, null);
    assert.equal(fields.problems.length, 1);
    assert.equal(fields.problems[0]!.code, 'yaml');
    assert.match(fields.problems[0]!.message, /too long to read: 33 KB .* limit is 32 KB/);
  });

  it('still reads plain key: value front matter of any length', () => {
    const yaml = 'title: Long\n' + repeat('aliases:\n', 1) + repeat('  - "[[Some note]]"\n', 4 * MAX_YAML_CHARS);
    const fields = interpretFrontMatter(yaml, 2);
    assert.deepEqual(fields.problems, []);
    assert.equal(fields.title, 'Long');
    assert.ok(fields.aliases.length > 5000);
  });

  it('finds the closing fence after many lines that only look like one', () => {
    const source = '---\n' + repeat('a\u2028---', 50_000) + '\n---\nbody\n';
    const located = locateFrontMatter(source);
    assert.ok(located);
    assert.equal(source.slice(located.bodyOffset), 'body\n');
  });
});
