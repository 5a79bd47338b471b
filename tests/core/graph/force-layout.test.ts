import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ForceLayout, seedPositions } from '../../../renderer/src/graph/force-layout';

/** Two dense clusters of 30 joined by one link, plus 5 loose nodes. */
function clusters(): { n: number; links: Uint32Array } {
  const pairs: number[] = [];
  for (const base of [0, 30]) {
    for (let i = 0; i < 30; i++) for (let j = i + 1; j < 30; j++) if ((i * 7 + j) % 4 === 0) pairs.push(base + i, base + j);
  }
  pairs.push(0, 30);
  return { n: 65, links: Uint32Array.from(pairs) };
}

const dist = (l: ForceLayout, a: number, b: number) => Math.hypot(l.x[a]! - l.x[b]!, l.y[a]! - l.y[b]!);

describe('ForceLayout', () => {
  it('settles with finite positions, each cluster together and apart from the other', () => {
    const layout = new ForceLayout(clusters());
    layout.run(1000);
    assert.ok(layout.settled);
    for (let i = 0; i < layout.n; i++) assert.ok(Number.isFinite(layout.x[i]) && Number.isFinite(layout.y[i]));
    let inside = 0;
    let across = 0;
    for (let i = 1; i < 30; i++) {
      inside += dist(layout, 1, i + 0) + dist(layout, 31, 30 + i);
      across += dist(layout, i, 30 + i) * 2;
    }
    assert.ok(inside * 1.5 < across, `clusters should be tighter inside (${inside}) than across (${across})`);
  });

  it('is repeatable: the same graph gives the same layout', () => {
    const a = new ForceLayout(clusters());
    const b = new ForceLayout(clusters());
    a.run(120);
    b.run(120);
    assert.deepEqual(a.positions(), b.positions());
  });

  it('keeps pinned nodes where they are and moves the others', () => {
    const g = clusters();
    const positions = new Float32Array(2 * g.n).fill(NaN);
    positions[0] = 500;
    positions[1] = -300;
    const pinned = new Uint8Array(g.n);
    pinned[0] = 1;
    const layout = new ForceLayout({ ...g, positions, pinned });
    const before = dist(layout, 1, 2);
    layout.run(200);
    assert.equal(layout.x[0], 500);
    assert.equal(layout.y[0], -300);
    assert.notEqual(dist(layout, 1, 2), before);
  });

  it('pushes apart nodes drawn big enough to overlap', () => {
    const radius = new Float32Array(10).fill(20);
    const positions = new Float32Array(20).fill(0).map((_, i) => (i % 2 ? 0 : i * 0.5));
    const layout = new ForceLayout({ n: 10, links: new Uint32Array(0), positions, radius }, { repulsion: 1 });
    layout.run(300);
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) assert.ok(dist(layout, i, j) > 30, `${i}-${j}: ${dist(layout, i, j)}`);
  });

  it('copes with nodes on the same spot and with no links at all', () => {
    const layout = new ForceLayout({ n: 50, links: new Uint32Array(0), positions: new Float32Array(100).fill(3) });
    layout.run(50);
    const xs = new Set(Array.from(layout.x, (v) => v.toFixed(3)));
    assert.ok(xs.size > 40, 'bodies on one spot get separated');
  });
});

describe('seedPositions', () => {
  it('places a new node beside the placed nodes it links to', () => {
    const x = new Float64Array(4);
    const y = new Float64Array(4);
    const given = Float32Array.from([1000, 1000, 1040, 1000, -500, -500, NaN, NaN]);
    seedPositions(x, y, given, Uint32Array.from([3, 0, 1, 3]), 40);
    assert.equal(x[0], 1000);
    assert.ok(Math.hypot(x[3]! - 1020, y[3]! - 1000) <= 40, `new node at ${x[3]},${y[3]}`);
  });

  it('follows chains of new nodes, and puts unconnected ones outside what is placed', () => {
    const x = new Float64Array(4);
    const y = new Float64Array(4);
    const given = Float32Array.from([0, 0, NaN, NaN, NaN, NaN, NaN, NaN]);
    seedPositions(x, y, given, Uint32Array.from([0, 1, 1, 2]), 40);
    assert.ok(Math.hypot(x[1]!, y[1]!) < 40);
    assert.ok(Math.hypot(x[2]! - x[1]!, y[2]! - y[1]!) < 40);
    assert.ok(Number.isFinite(x[3]) && Number.isFinite(y[3]));
  });
});
