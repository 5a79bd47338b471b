/**
 * Snippets never show, nor match in, what `%% comments %%` hide (RULES.md "Comments"): the reader hides
 * them, so a snippet from one would show words the note does not show.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NoteText } from '../../../main/core/search/snippets';

describe('snippets and comments', () => {
  const note = [
    '---',
    'title: "50%% notes"',
    '---',
    '%%',
    'secret plan',
    '%%',
    'visible line %% hidden aside %% stays',
    'secret? no: public plan',
  ].join('\n');

  it('starts a name-only snippet at the first line the reader shows', () => {
    assert.deepEqual(new NoteText(note).firstLine(), { line: 7, text: 'visible line stays' });
  });

  it('finds a phrase only where it is not commented out', () => {
    const text = new NoteText(note);
    assert.equal(text.hasPhrase(['hidden', 'aside']), false);
    assert.equal(text.hasPhrase(['public', 'plan']), true);
    assert.equal(text.hasPhrase(['secret', 'plan']), false);
  });
});
