/**
 * What the colours and shapes mean: the colour groups (largest first) and the kinds of node
 * other than notes that are shown.
 */
import { useState } from 'react';
import type { Ref } from 'react';
import type { Grouping } from './colour-groups';
import type { GraphSettings } from './graph-settings';

/** `compact`: a short pane, where the legend starts folded so it does not cover the graph. */
export function GraphLegend({ grouping, settings, compact, ref }: { grouping: Grouping; settings: GraphSettings; compact: boolean; ref?: Ref<HTMLDivElement> }) {
  const [chosen, setOpen] = useState<boolean | null>(null);
  const open = chosen ?? !compact;
  const kinds: { key: string; label: string }[] = [];
  if (settings.showGhosts) kinds.push({ key: 'ghost', label: 'Unresolved' });
  if (settings.showTags) kinds.push({ key: 'tag', label: 'Tag' });
  if (settings.showVideos) kinds.push({ key: 'video', label: 'Video' });
  if (grouping.groups.length === 0 && kinds.length === 0) return null;
  return (
    <div className={'graph-legend' + (open ? '' : ' is-folded')} ref={ref}>
      <button type="button" className="graph-legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="chevron" aria-hidden="true" />
        Legend
      </button>
      {open && (
        <ul aria-label="Graph legend">
          {grouping.groups.map((g) => (
            <li key={g.key} title={`${g.count} notes`}>
              <span className="graph-swatch" style={{ background: g.color }} aria-hidden="true" />
              <span className="graph-legend-label">{g.label}</span>
            </li>
          ))}
          {grouping.groups.length > 0 && grouping.other > 0 && (
            <li title={`${grouping.other} notes`}>
              <span className="graph-swatch is-neutral" aria-hidden="true" />
              <span className="graph-legend-label">Other</span>
            </li>
          )}
          {kinds.map((k) => (
            <li key={k.key}>
              <span className={`graph-swatch is-${k.key}`} aria-hidden="true" />
              <span className="graph-legend-label">{k.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
