import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrowDirection, directionalCost, nextFocus, pickInDirection } from '../../../renderer/src/graph/focus-nav';

const p = (name: string, x: number, y: number) => ({ name, x, y });

describe('keyboard focus moves on the graph', () => {
  const centre = p('centre', 0, 0);
  const east = p('east', 100, 10);
  const farEast = p('farEast', 300, 0);
  const north = p('north', 5, -80);
  const south = p('south', -10, 120);
  const west = p('west', -60, -5);
  const diagonal = p('diagonal', 50, 60);

  it('maps the four arrow keys and nothing else', () => {
    assert.equal(arrowDirection('ArrowLeft'), 'left');
    assert.equal(arrowDirection('ArrowRight'), 'right');
    assert.equal(arrowDirection('ArrowUp'), 'up');
    assert.equal(arrowDirection('ArrowDown'), 'down');
    assert.equal(arrowDirection('Enter'), null);
  });

  it('picks the nearest node lying each way (screen coordinates: up is negative y)', () => {
    const all = [centre, east, farEast, north, south, west];
    assert.equal(pickInDirection(centre, all, 'right')?.name, 'east');
    assert.equal(pickInDirection(centre, all, 'up')?.name, 'north');
    assert.equal(pickInDirection(centre, all, 'down')?.name, 'south');
    assert.equal(pickInDirection(centre, all, 'left')?.name, 'west');
  });

  it('ignores nodes behind or too far to the side, and the node itself', () => {
    assert.equal(directionalCost(centre, west, 'right'), Infinity);
    assert.equal(directionalCost(centre, p('side', 10, 100), 'right'), Infinity);
    assert.equal(pickInDirection(centre, [centre, west], 'right'), null);
  });

  it('prefers a node straight ahead to a nearer one well off the axis', () => {
    const straight = p('straight', 120, 0);
    const offAxis = p('offAxis', 70, 60);
    assert.equal(pickInDirection(centre, [offAxis, straight], 'right')?.name, 'straight');
  });

  it('goes to a connected node that way before any nearer unconnected one', () => {
    const all = [centre, east, farEast, north, south, west, diagonal];
    let walked = false;
    const got = nextFocus(centre, [farEast, north], () => {
      walked = true;
      return all;
    }, 'right');
    assert.equal(got?.name, 'farEast');
    assert.equal(walked, false, 'the whole graph is not walked when a neighbour qualifies');
  });

  it('falls back to the nearest node that way when no neighbour lies that way, and to null when nothing does', () => {
    const all = [centre, east, farEast, north, south, west];
    assert.equal(nextFocus(centre, [north], () => all, 'right')?.name, 'east');
    assert.equal(nextFocus(farEast, [], () => all, 'right'), null);
  });

  it('breaks exact ties the same way whatever the order', () => {
    const a = p('a', 100, -10);
    const b = p('b', 100, 10);
    assert.equal(pickInDirection(centre, [a, b], 'right')?.name, 'a');
    assert.equal(pickInDirection(centre, [b, a], 'right')?.name, 'a');
  });

  it('stays cheap on 10k candidates', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => p(String(i), Math.cos(i) * i, Math.sin(i) * i));
    const started = performance.now();
    for (let k = 0; k < 50; k++) pickInDirection(many[k]!, many, 'up');
    assert.ok((performance.now() - started) / 50 < 16);
  });
});
