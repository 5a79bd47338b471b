/**
 * HTTP byte ranges (RFC 9110 §14), which media elements need to seek. Only a single range is
 * honoured; a multi-range request gets the whole file, which the RFC allows.
 */
export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** The range to send: null for the whole file, 'unsatisfiable' for a 416. */
export function parseRange(header: string | undefined | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null; // multi-range or another unit: ignore the header
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null; // invalid range-spec: ignore the header
  return { start, end };
}
