/**
 * Mount points of kernel pseudo-filesystems (`/proc`, `/sys`, `/dev`…), which a vault scan must never
 * enter: they hold thousands of entries that are not files, and symlinks there point back into `/`
 * (`cli index /` once listed 6,935 "notes" under `proc/`). Read from `/proc/self/mountinfo` where it
 * exists; elsewhere the usual names at the filesystem root stand in.
 */
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';

const PSEUDO_TYPES = new Set([
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'devfs',
  'cgroup',
  'cgroup2',
  'securityfs',
  'debugfs',
  'tracefs',
  'pstore',
  'bpf',
  'fusectl',
  'configfs',
  'mqueue',
  'hugetlbfs',
  'autofs',
  'binfmt_misc',
  'efivarfs',
  'nsfs',
  'rpc_pipefs',
  'selinuxfs',
  'fuse.gvfsd-fuse',
  'fuse.portal',
]);

const FALLBACK = ['/proc', '/sys', '/dev'];

/** Absolute mount points to skip. Read afresh each call: mounts come and go, and the file is a few KB. */
export function pseudoMountPoints(): Set<string> {
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return new Set(sep === '/' ? FALLBACK : []);
  }
  return pseudoMountsIn(text);
}

/**
 * Parses mountinfo lines: `36 35 98:0 /root /mnt/point opts… - fstype source superopts`. The mount
 * point is field 5 with spaces and the like escaped as octal (`\040`).
 */
export function pseudoMountsIn(mountinfo: string): Set<string> {
  const out = new Set<string>();
  for (const line of mountinfo.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    if (dash < 0 || fields.length < 5) continue;
    const point = fields[4]!.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
    const type = fields[dash + 1] ?? '';
    const tmpfsUnderDev = type === 'tmpfs' && (point === '/dev' || point.startsWith('/dev/'));
    if (PSEUDO_TYPES.has(type) || tmpfsUnderDev) out.add(point);
  }
  return out;
}

/** Whether an absolute real path is a pseudo mount point or lies under one. */
export function underPseudoMount(real: string, points: ReadonlySet<string>): boolean {
  for (const point of points) {
    if (real === point || real.startsWith(point.endsWith(sep) ? point : point + sep)) return true;
  }
  return false;
}
