/**
 * What a markdown link destination names in the vault, per RULES.md "Markdown links to vault files":
 * the path (no query, no fragment) and the fragment, both percent-decoded and trimmed; null when the
 * destination is a URL (a scheme, or `//host`) or names no file (empty, `#fragment`, `?query`).
 */
export function vaultLinkTarget(destination: string): { target: string; subpath: string | null } | null {
  if (SCHEME.test(destination) || destination.startsWith('//')) return null;
  const hash = destination.indexOf('#');
  const beforeHash = hash < 0 ? destination : destination.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const target = percentDecode(query < 0 ? beforeHash : beforeHash.slice(0, query)).trim();
  if (!target || SCHEME.test(target)) return null;
  const subpath = hash < 0 ? null : percentDecode(destination.slice(hash + 1)).trim() || null;
  return { target, subpath };
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A malformed escape (`%zz`) leaves the text as written rather than failing the link. */
function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
