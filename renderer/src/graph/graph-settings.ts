/**
 * What the user chose for the graph: mode, node kinds, filters, colour groups and forces. Kept
 * per vault; whatever is read back from storage is checked field by field, so an old or damaged
 * entry degrades to defaults instead of breaking the pane.
 */

export type GraphMode = 'local' | 'global';
export type GroupBy = 'none' | 'folder' | 'tag';

/** A colour group defined by a search query (Obsidian's graph groups): the first that matches a note colours it. */
export interface QueryGroup {
  query: string;
  /** `#rrggbb`, what an `<input type=color>` gives and takes. */
  color: string;
}

/** Groups kept per vault; more than this is no longer a legend anyone can read. */
export const MAX_GROUPS = 40;

export interface GraphSettings {
  mode: GraphMode;
  /** Local graph depth, 1–3 links away from the open note. */
  depth: number;
  showGhosts: boolean;
  showTags: boolean;
  showVideos: boolean;
  showOrphans: boolean;
  arrows: boolean;
  /** Size video nodes by how often notes cite them (every timestamp), not by how many notes do. */
  citationSize: boolean;
  /** Matches a note's title or path (case-insensitive; every word must match). */
  text: string;
  /** Only notes in (or under) one of these folders; empty means all. */
  folders: string[];
  /** Only notes carrying one of these tags (or a nested tag under one); empty means all. */
  tags: string[];
  /** Automatic colouring, used while `groups` is empty. */
  groupBy: GroupBy;
  /** Query groups in order; the first a note matches colours it. */
  groups: QueryGroup[];
  /** While the search box has a query, light its hits in the graph and dim the rest. */
  lightSearch: boolean;
  linkDistance: number;
  repulsion: number;
}

export const LIMITS = {
  depth: { min: 1, max: 3 },
  linkDistance: { min: 10, max: 200 },
  repulsion: { min: 5, max: 300 },
} as const;

export const defaultSettings: GraphSettings = {
  mode: 'local',
  depth: 1,
  showGhosts: false,
  showTags: false,
  showVideos: false,
  showOrphans: true,
  arrows: false,
  citationSize: false,
  text: '',
  folders: [],
  tags: [],
  groupBy: 'folder',
  groups: [],
  lightSearch: true,
  linkDistance: 40,
  repulsion: 120,
};

export function normalizeSettings(raw: unknown): GraphSettings {
  const s: GraphSettings = { ...defaultSettings, folders: [], tags: [], groups: [] };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.mode === 'local' || r.mode === 'global') s.mode = r.mode;
  if (r.groupBy === 'none' || r.groupBy === 'folder' || r.groupBy === 'tag') s.groupBy = r.groupBy;
  if (Array.isArray(r.groups)) s.groups = r.groups.flatMap(normalizeGroup).slice(0, MAX_GROUPS);
  for (const key of ['showGhosts', 'showTags', 'showVideos', 'showOrphans', 'arrows', 'citationSize', 'lightSearch'] as const) {
    if (typeof r[key] === 'boolean') s[key] = r[key];
  }
  if (typeof r.text === 'string') s.text = r.text.slice(0, 500);
  for (const key of ['folders', 'tags'] as const) {
    const v = r[key];
    if (Array.isArray(v)) s[key] = [...new Set(v.filter((x): x is string => typeof x === 'string'))].slice(0, 500);
  }
  for (const key of ['depth', 'linkDistance', 'repulsion'] as const) {
    const v = r[key];
    if (typeof v === 'number' && Number.isFinite(v)) {
      const n = Math.min(LIMITS[key].max, Math.max(LIMITS[key].min, v));
      s[key] = key === 'depth' ? Math.round(n) : n;
    }
  }
  return s;
}

function normalizeGroup(raw: unknown): QueryGroup[] {
  if (!raw || typeof raw !== 'object') return [];
  const { query, color } = raw as Record<string, unknown>;
  if (typeof query !== 'string') return [];
  return [{ query: query.slice(0, 1000), color: typeof color === 'string' && HEX.test(color) ? color.toLowerCase() : '#888888' }];
}

const HEX = /^#[0-9a-f]{6}$/i;

/** The folder filter value that stands for the vault's top level (notes in no folder). */
export const ROOT_FOLDER = '/';

/** Whether `folder` is `filter` or inside it; `ROOT_FOLDER` matches only the top level. */
export function inFolder(folder: string, filter: string): boolean {
  if (filter === ROOT_FOLDER) return folder === '';
  return folder === filter || folder.startsWith(filter + '/');
}

/** Whether `tag` is `filter` or nested under it (`a/b` is under `a`). */
export function underTag(tag: string, filter: string): boolean {
  return tag === filter || tag.startsWith(filter + '/');
}
