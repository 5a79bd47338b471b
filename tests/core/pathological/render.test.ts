/**
 * The reader's pipeline (parse, remark-rehype, rehype-raw, sanitize), which runs on every opened
 * note, stays linear on the pathological cases. Cases where micromark itself is superlinear (their
 * reason is in `cases.ts`) run as `todo`: measured and reported, not failing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { cases } from './cases';
import { describeGrowth, measureGrowth, RATIO_LIMIT } from './growth';

const SIZE = 1_000;
/** A known gap is measured once at one scale: its ratio is reported, and it would only take long. */
const KNOWN_GAP = { rounds: 1, retries: 0, scaleUp: false };
const processor = createRenderProcessor();

describe('render time grows linearly', () => {
  for (const c of cases) {
    it(c.name, { todo: c.micromark }, (t) => {
      const g = measureGrowth((s) => renderNoteTree(processor, s), c.make, SIZE, c.micromark ? KNOWN_GAP : {});
      t.diagnostic(describeGrowth(c.name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(c.name, g)}`);
    });
  }
});
