/**
 * Front matter as Obsidian's reading view shows it, under the title (the title itself is the h1):
 * empty values and nulls are left out, tags and aliases are chips, dates are dates, nested lists and
 * objects are indented key/value lists, and `[[links]]` inside values are our wikilinks, resolved
 * against the note's resolutions like the links in its body.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { NoteView } from '../../../main/api';
import { NoteContext } from './note-context';
import type { NoteContextValue } from './note-context';
import { asDate, chipValues, CHIP_KEYS, isEmptyValue, valueParts } from './property-values';
import { WikiLink } from './WikiLink';

const HIDDEN = new Set(['title']);
const URL_LIKE = /^https?:\/\/\S+$/i;
/** Deeper than this, a value is shown as text: front matter is not a place for deep trees. */
const MAX_DEPTH = 4;

export function Properties({ view }: { view: NoteView }) {
  const ctx = useMemo<NoteContextValue>(() => ({ view, mode: 'reader', depth: 0, chain: [view.path + '#'] }), [view]);
  const entries = Object.entries(view.frontmatter ?? {}).filter(([k, v]) => !HIDDEN.has(k) && !isEmptyValue(v));
  if (entries.length === 0) return null;
  return (
    <NoteContext.Provider value={ctx}>
      <dl className="properties" aria-label="Properties">
        {entries.map(([key, value]) => (
          <div className="property" key={key}>
            <dt>{key}</dt>
            <dd>
              {CHIP_KEYS.has(key.toLowerCase()) ? (
                <Chips name={key} value={value} />
              ) : (
                <Value value={value} depth={0} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </NoteContext.Provider>
  );
}

function Chips({ name, value }: { name: string; value: unknown }) {
  const tag = name.toLowerCase().startsWith('tag');
  return (
    <ul className="chips">
      {chipValues(name.toLowerCase(), value).map((v, i) => (
        <li key={i} className={tag ? 'chip chip-tag' : 'chip'}>
          {tag ? '#' + v : v}
        </li>
      ))}
    </ul>
  );
}

function Value({ value, depth }: { value: unknown; depth: number }): ReactNode {
  if (typeof value === 'boolean') return <span className="property-bool">{value ? 'Yes' : 'No'}</span>;
  if (typeof value === 'number') return <span className="property-number">{String(value)}</span>;
  if (typeof value === 'string') return <Text value={value} />;
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return <span>{String(value)}</span>;
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isEmptyValue(v));
    const flat = items.every((v) => typeof v !== 'object' || v === null);
    return (
      <ul className={flat ? 'property-list' : 'property-list property-nested'}>
        {items.map((v, i) => (
          <li key={i}>
            <Value value={v} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(value).filter(([, v]) => !isEmptyValue(v));
  return (
    <dl className="property-object">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <Value value={v} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Text({ value }: { value: string }) {
  const date = asDate(value);
  if (date) {
    const shown = date.hasTime
      ? date.date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
      : date.date.toLocaleDateString(undefined, { dateStyle: 'medium' });
    return (
      <time className="property-date" dateTime={date.iso}>
        {shown}
      </time>
    );
  }
  if (URL_LIKE.test(value)) {
    return (
      <a href={value} className="external" target="_blank" rel="noopener noreferrer">
        {value}
      </a>
    );
  }
  return (
    <>
      {valueParts(value).map((part, i) =>
        'text' in part ? (
          <span key={i}>{part.text}</span>
        ) : (
          <WikiLink key={i} target={part.link.target} subpath={part.link.subpath}>
            {part.link.alias || part.link.target || part.written}
          </WikiLink>
        ),
      )}
    </>
  );
}
