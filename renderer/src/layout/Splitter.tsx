/**
 * A drag handle between two panes (a focusable `separator`): drag it, or focus it and use the
 * arrow keys (Shift for bigger steps), Home/End for the limits, Enter to fold the pane.
 */
import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

export function Splitter(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  /** `x` resizes a column (vertical bar), `y` a row (horizontal bar). */
  axis: 'x' | 'y';
  /** The pane grows when the handle moves left/up (a pane on the right or bottom). */
  invert?: boolean;
  onChange(value: number): void;
  onToggle?(): void;
}) {
  const { label, value, min, max, axis, invert, onChange, onToggle } = props;
  const drag = useRef<{ start: number; value: number } | null>(null);
  const sign = invert ? -1 : 1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: axis === 'x' ? e.clientX : e.clientY, value };
    document.body.classList.add(axis === 'x' ? 'is-resizing-x' : 'is-resizing-y');
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const pos = axis === 'x' ? e.clientX : e.clientY;
    onChange(d.value + sign * (pos - d.start));
  };
  const end = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    document.body.classList.remove('is-resizing-x', 'is-resizing-y');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const grow = axis === 'x' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp'];
    if (e.key === grow[0]) onChange(value + sign * step);
    else if (e.key === grow[1]) onChange(value - sign * step);
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else if (e.key === 'Enter' && onToggle) onToggle();
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={`splitter splitter-${axis}`}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
      onDoubleClick={onToggle}
    />
  );
}
