/**
 * The graph's settings panel: which kinds of node to show, filters, colour groups (GraphGroups)
 * and forces.
 */
import { useEffect, useRef, useState } from 'react';
import type { Facet } from './facets';
import { GraphGroups } from './GraphGroups';
import type { GraphSettings, QueryGroup } from './graph-settings';
import { LIMITS, defaultSettings } from './graph-settings';

export function GraphControls(props: {
  id: string;
  settings: GraphSettings;
  facets: { folders: Facet[]; tags: Facet[] };
  groupErrors: readonly (string | null)[];
  presets(by: 'folder' | 'tag'): QueryGroup[];
  onChange(patch: Partial<GraphSettings>): void;
  onRelayout(): void;
  onClose(): void;
}) {
  const { settings: s, facets, onChange } = props;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') props.onClose();
    };
    const el = ref.current!;
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [props]);

  const toggle = (key: 'showGhosts' | 'showTags' | 'showVideos' | 'showOrphans' | 'arrows' | 'citationSize' | 'lightSearch', label: string, hint?: string) => (
    <label className="graph-check" title={hint}>
      <input type="checkbox" checked={s[key]} onChange={(e) => onChange({ [key]: e.target.checked })} />
      {label}
    </label>
  );

  return (
    <div className="graph-controls" id={props.id} ref={ref} role="group" aria-label="Graph settings">
      <fieldset>
        <legend>Show</legend>
        {toggle('showGhosts', 'Unresolved links', 'Notes that are linked to but do not exist yet')}
        {toggle('showTags', 'Tags')}
        {toggle('showVideos', 'Videos', 'Videos cited by timestamps, linked from each citing note')}
        {toggle('showOrphans', 'Orphans', 'Notes without any link shown')}
        {toggle('arrows', 'Arrows', 'Show which way each link goes')}
        {toggle('citationSize', 'Citations', 'Size video nodes by how often notes cite them (each timestamp counts)')}
        {toggle('lightSearch', 'Light search hits', 'While the search box has a query, dim the notes it does not find')}
      </fieldset>

      <fieldset>
        <legend>Filter</legend>
        <input
          type="search"
          className="graph-filter"
          aria-label="Filter graph"
          placeholder="Title or path…"
          value={s.text}
          onChange={(e) => onChange({ text: e.target.value })}
        />
        <FacetPicker name="Filter by folder" facets={facets.folders} chosen={s.folders} onChange={(folders) => onChange({ folders })} />
        <FacetPicker name="Filter by tag" facets={facets.tags} chosen={s.tags} onChange={(tags) => onChange({ tags })} />
      </fieldset>

      <GraphGroups settings={s} errors={props.groupErrors} presets={props.presets} onChange={onChange} />

      <fieldset>
        <legend>Forces</legend>
        <Range label="Link distance" value={s.linkDistance} {...LIMITS.linkDistance} step={5} onChange={(linkDistance) => onChange({ linkDistance })} />
        <Range label="Repulsion" value={s.repulsion} {...LIMITS.repulsion} step={5} onChange={(repulsion) => onChange({ repulsion })} />
        <div className="graph-row graph-buttons">
          <button type="button" className="button" onClick={props.onRelayout}>
            Restart layout
          </button>
          <button
            type="button"
            className="button subtle"
            onClick={() => onChange({ linkDistance: defaultSettings.linkDistance, repulsion: defaultSettings.repulsion })}
          >
            Reset forces
          </button>
        </div>
      </fieldset>
    </div>
  );
}

function Range(props: { label: string; value: number; min: number; max: number; step: number; onChange(v: number): void }) {
  return (
    <label className="graph-row graph-range">
      <span>{props.label}</span>
      <input type="range" min={props.min} max={props.max} step={props.step} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} />
      <output>{props.value}</output>
    </label>
  );
}

/** A foldable list of checkboxes, with a search box once the list is long. */
function FacetPicker(props: { name: string; facets: Facet[]; chosen: string[]; onChange(next: string[]): void }) {
  const [query, setQuery] = useState('');
  const chosen = new Set(props.chosen);
  const q = query.trim().toLowerCase();
  const shown = props.facets.filter((f) => chosen.has(f.key) || !q || f.label.toLowerCase().includes(q)).slice(0, 200);
  const set = (key: string, on: boolean) => props.onChange(on ? [...props.chosen, key] : props.chosen.filter((k) => k !== key));
  return (
    <details className="graph-facets" open={props.chosen.length > 0 || undefined}>
      <summary>
        {props.name}
        {props.chosen.length > 0 && <span className="count">{props.chosen.length}</span>}
      </summary>
      <div role="group" aria-label={props.name}>
        {props.facets.length > 12 && (
          <input type="search" className="graph-filter" aria-label={`Find in ${props.name.toLowerCase()}`} placeholder="Find…" value={query} onChange={(e) => setQuery(e.target.value)} />
        )}
        {props.facets.length === 0 && <p className="muted">None in this vault.</p>}
        <ul>
          {shown.map((f) => (
            <li key={f.key}>
              <label className="graph-check">
                <input type="checkbox" checked={chosen.has(f.key)} onChange={(e) => set(f.key, e.target.checked)} />
                <span className="graph-facet-label">{f.label}</span>
                <span className="count">{f.count}</span>
              </label>
            </li>
          ))}
        </ul>
        {props.chosen.length > 0 && (
          <button type="button" className="button subtle" onClick={() => props.onChange([])}>
            Clear
          </button>
        )}
      </div>
    </details>
  );
}
