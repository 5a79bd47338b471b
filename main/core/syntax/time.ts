/** Parses a written time (`01:10:00`, `1:10:00`, `10:00`, lenient `00:4:56`) into seconds and its canonical label; null when it cannot be a time. */
export function parseTimeLabel(raw: string): { seconds: number; label: string } | null {
  const parts = raw.trim().split(':');
  if (parts.length < 2 || parts.length > 3) return null;
  if (!parts.every((p) => /^\d{1,2}$/.test(p) || (p === parts[0] && /^\d{1,3}$/.test(p)))) return null;
  const nums = parts.map(Number);
  const [h, m, s] = nums.length === 3 ? (nums as [number, number, number]) : [0, nums[0]!, nums[1]!];
  if (s > 59 || (nums.length === 3 && m > 59)) return null;
  const seconds = h * 3600 + m * 60 + s;
  return { seconds, label: formatTimeLabel(seconds, nums.length === 3) };
}

/** `4536` → `01:15:36`; `296` → `04:56` unless `withHours`. */
export function formatTimeLabel(seconds: number, withHours = false): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return withHours || h > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** YouTube's `t=` forms: `754`, `754s`, `12m34s`, `1h2m3s`; null when none of them. */
export function parseYoutubeT(raw: string): number | null {
  if (/^\d+s?$/.test(raw)) return parseInt(raw, 10);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(raw);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
