/**
 * A foldable section of the side column, a landmark of its own (`aside`, `nav` or `section`)
 * named by its title. Whether it is folded is remembered with the layout.
 */
import type { ReactNode } from 'react';
import { layoutStore, useLayout } from '../state/layout';

export function Panel(props: {
  name: string;
  title: string;
  as: 'aside' | 'nav' | 'section';
  count?: number | null;
  defaultOpen?: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { name, title, count, children, actions } = props;
  const open = useLayout((s) => s.sections[name] ?? props.defaultOpen ?? true);
  const Tag = props.as;
  const bodyId = `panel-${name}`;
  return (
    <Tag className={'panel' + (open ? ' is-open' : '')} aria-label={title}>
      <div className="panel-head">
        <h2 className="panel-title">
          <button
            type="button"
            className="panel-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => layoutStore.setSection(name, !open)}
          >
            <span className="chevron" aria-hidden="true" />
            {title}
            {count !== undefined && count !== null && <span className="count">{count}</span>}
          </button>
        </h2>
        {actions}
      </div>
      <div className="panel-body" id={bodyId} hidden={!open}>
        {children}
      </div>
    </Tag>
  );
}
