/** On every pathological case (at a small size) the extractor still produces the reference's record. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import type { VaultPath } from '../../../main/core/model';
import { cases } from './cases';

const path = 'Pathological.md' as VaultPath;

describe('extractor and reference agree on pathological input', () => {
  for (const c of cases) {
    it(c.name, () => {
      for (const n of [40, 400, 3000]) {
        const source = c.make(n);
        assert.deepStrictEqual(
          extractNote(path, source),
          parseNoteReference(path, source),
          `at ${source.length} characters`,
        );
      }
    });
  }
});
