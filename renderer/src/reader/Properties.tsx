/** Front matter as a compact list of properties under the title (the title itself is the h1). */
import type { ReactNode } from 'react';

const HIDDEN = new Set(['title']);
const URL_LIKE = /^https?:\/\/\S+$/i;

export function Properties({ frontmatter }: { frontmatter: Record<string, unknown> | null }) {
  if (!frontmatter) return null;
  const entries = Object.entries(frontmatter).filter(([k]) => !HIDDEN.has(k));
  if (entries.length === 0) return null;
  return (
    <dl className="properties" aria-label="Properties">
      {entries.map(([key, value]) => (
        <div className="property" key={key}>
          <dt>{key}</dt>
          <dd>{renderValue(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function renderValue(key: string, value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return <span className="property-empty">—</span>;
  if (Array.isArray(value)) {
    const chip = key === 'tags' || key === 'tag' || key === 'aliases' || key === 'alias';
    return (
      <ul className={chip ? 'chips' : 'property-list'}>
        {value.map((v, i) => (
          <li key={i} className={chip ? 'chip' : undefined}>
            {key.startsWith('tag') ? '#' + String(v).replace(/^#/, '') : renderValue('', v)}
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'boolean') return <span className="property-bool">{value ? 'Yes' : 'No'}</span>;
  if (typeof value === 'object') return <code className="property-json">{JSON.stringify(value)}</code>;
  const s = String(value);
  if (URL_LIKE.test(s)) {
    return (
      <a href={s} className="external" target="_blank" rel="noopener noreferrer">
        {s}
      </a>
    );
  }
  return s;
}
