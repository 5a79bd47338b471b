/**
 * The remark reference parser (what the differential test trusts) stays linear on the pathological
 * cases. It reads about 0.5 MB/s, so the sizes are smaller than the extractor's; the ratio check is
 * the same. Cases where micromark itself is superlinear and nothing protects the app yet carry the
 * reason in `cases.ts` and run as `todo`: measured and reported, not failing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import type { VaultPath } from '../../../main/core/model';
import { cases } from './cases';
import { describeGrowth, measureGrowth, RATIO_LIMIT } from './growth';

const path = 'Pathological.md' as VaultPath;
const SIZE = 1_000;
/** A known gap is measured once at one scale: its ratio is reported, and it would only take long. */
const KNOWN_GAP = { rounds: 1, retries: 0, scaleUp: false };

describe('reference parser time grows linearly', () => {
  for (const c of cases) {
    it(c.name, { todo: c.micromark }, (t) => {
      const g = measureGrowth((s) => parseNoteReference(path, s), c.make, SIZE, c.micromark ? KNOWN_GAP : {});
      t.diagnostic(describeGrowth(c.name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(c.name, g)}`);
    });
  }
});
