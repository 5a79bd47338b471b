/**
 * Turns the path of a request (still percent-encoded) into segments both hosts can join onto a
 * root. Refuses dot segments, empty segments, backslashes and NUL in any encoding, so a path that
 * passes can never climb out of the folder it is joined to.
 */
export function decodePathSegments(rawPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return segments;
}
