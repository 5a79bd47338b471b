import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { scopeFootnoteIds } from '../../../renderer/src/reader/hast/scope-ids';
import { elementsWhere } from '../helpers/hast';

const processor = createRenderProcessor();

const all = elementsWhere;

const ids = (tree: Root) => all(tree, (e) => typeof e.properties.id === 'string').map((e) => String(e.properties.id));
const hrefs = (tree: Root) =>
  all(tree, (e) => String(e.properties.href ?? '').startsWith('#')).map((e) => String(e.properties.href));

describe('footnote ids scoped per rendered body', () => {
  const host = renderNoteTree(processor, 'Host^[host inline] and[^a].\n\n[^a]: Host note.\n').tree;
  const embedded = renderNoteTree(processor, 'Embedded^[embedded inline].\n').tree;

  it('gives an embedded note’s footnotes ids of their own, and points its references at them', () => {
    const scoped = scopeFootnoteIds(embedded, 'e1');
    const hostIds = new Set(ids(host));
    assert.ok(
      ids(embedded).some((id) => hostIds.has(id)),
      'unscoped, the two notes share footnote ids',
    );
    assert.ok(!ids(scoped).some((id) => hostIds.has(id)), 'scoped, none is shared');
    // Every in-page link still finds its target (the sanitizer adds one more `user-content-` to ids).
    const scopedIds = new Set(ids(scoped));
    for (const href of hrefs(scoped)) assert.ok(scopedIds.has('user-content-' + href.slice(1)), href);
    assert.ok(hrefs(scoped).length >= 2, 'a reference and a back-link');
  });

  it('leaves the cached tree alone', () => {
    const before = JSON.stringify(embedded);
    scopeFootnoteIds(embedded, 'e2');
    assert.equal(JSON.stringify(embedded), before);
  });
});
