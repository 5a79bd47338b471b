/**
 * The graph's colour groups, as Obsidian has them: search queries in order, each with a colour,
 * the first a note matches colouring it. With no groups the automatic colouring (by top folder
 * or tag) applies, and its presets turn it into query groups to edit.
 */
import { PALETTE } from './colour-groups';
import type { GraphSettings, GroupBy, QueryGroup } from './graph-settings';
import { MAX_GROUPS } from './graph-settings';

export function GraphGroups(props: {
  settings: GraphSettings;
  /** Per group, why its query could not be understood (or null). */
  errors: readonly (string | null)[];
  /** The automatic colouring's groups as query groups (see `presetGroups`). */
  presets(by: 'folder' | 'tag'): QueryGroup[];
  onChange(patch: Partial<GraphSettings>): void;
}) {
  const { settings: s, onChange } = props;
  const groups = s.groups;
  const set = (next: QueryGroup[]) => onChange({ groups: next.slice(0, MAX_GROUPS) });
  const edit = (i: number, patch: Partial<QueryGroup>) => set(groups.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  const move = (i: number, by: number) => {
    const next = [...groups];
    const [g] = next.splice(i, 1);
    next.splice(i + by, 0, g!);
    set(next);
  };
  const add = () => set([...groups, { query: '', color: PALETTE[groups.length % PALETTE.length]! }]);
  const addPresets = (by: 'folder' | 'tag') => {
    // Groups already there keep their place; the preset's come after, minus any already listed.
    const have = new Set(groups.map((g) => g.query.trim()));
    set([...groups, ...props.presets(by).filter((g) => !have.has(g.query))]);
  };

  return (
    <fieldset className="graph-groups" role="group" aria-label="Graph groups">
      <legend>Groups</legend>
      {groups.length === 0 ? (
        <label className="graph-row">
          <span>Colour by</span>
          <select value={s.groupBy} onChange={(e) => onChange({ groupBy: e.target.value as GroupBy })}>
            <option value="none">Nothing</option>
            <option value="folder">Folder</option>
            <option value="tag">Tag</option>
          </select>
        </label>
      ) : (
        <ol className="graph-group-list">
          {groups.map((g, i) => {
            const n = i + 1;
            const error = props.errors[i];
            return (
              <li key={i} className="graph-group">
                <div className="graph-group-row">
                  <input type="color" aria-label={`Group ${n} colour`} value={g.color} onChange={(e) => edit(i, { color: e.target.value })} />
                  <input
                    type="search"
                    className="graph-filter"
                    aria-label={`Group ${n} query`}
                    aria-invalid={error ? true : undefined}
                    placeholder="tag:kafka, path:Data/, words…"
                    value={g.query}
                    onChange={(e) => edit(i, { query: e.target.value })}
                  />
                  <button type="button" className="icon-button" aria-label={`Move group ${n} up`} title="Move up" disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="icon-button" aria-label={`Move group ${n} down`} title="Move down" disabled={i === groups.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="icon-button" aria-label={`Remove group ${n}`} title="Remove" onClick={() => set(groups.filter((_, k) => k !== i))}>
                    ×
                  </button>
                </div>
                {error && <p className="graph-group-error">{error}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <div className="graph-row graph-buttons">
        <button type="button" className="button" onClick={add} disabled={groups.length >= MAX_GROUPS}>
          New group
        </button>
        {groups.length > 0 && (
          <button type="button" className="button subtle" onClick={() => set([])}>
            Clear groups
          </button>
        )}
      </div>
      <div className="graph-row graph-buttons">
        <button type="button" className="button subtle" onClick={() => addPresets('folder')}>
          Add groups by top folder
        </button>
        <button type="button" className="button subtle" onClick={() => addPresets('tag')}>
          Add groups by tag
        </button>
      </div>
    </fieldset>
  );
}
