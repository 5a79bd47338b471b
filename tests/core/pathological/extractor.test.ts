/** The fast extractor stays linear on every pathological case: 4× the input costs about 4× the time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import type { VaultPath } from '../../../main/core/model';
import { cases } from './cases';
import { describeGrowth, measureGrowth, RATIO_LIMIT } from './growth';

const path = 'Pathological.md' as VaultPath;
/** About 100 KB growing to 400 KB: the sizes the issue reported as taking seconds. */
const SIZE = 100_000;

describe('extractor time grows linearly', () => {
  for (const c of cases) {
    it(c.name, (t) => {
      const g = measureGrowth((s) => extractNote(path, s), c.make, SIZE);
      t.diagnostic(describeGrowth(c.name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(c.name, g)}`);
    });
  }
});
