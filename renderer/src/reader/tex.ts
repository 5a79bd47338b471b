/**
 * TeX → KaTeX HTML with the limits the reader needs, given the KaTeX module (loaded lazily by
 * `MathView.tsx`; passed in so this is tested in Node with the real library). Never throws: a TeX
 * error comes back as a message to show next to the source.
 */
import type KatexModule from 'katex';

/** Longer TeX is shown as source: nobody writes a formula this long, and KaTeX's time grows with it. */
export const MAX_TEX_LENGTH = 20_000;

export type TexResult = { ok: true; html: string } | { ok: false; message: string };

export function renderTex(katex: typeof KatexModule, tex: string, display: boolean): TexResult {
  if (tex.length > MAX_TEX_LENGTH) {
    return {
      ok: false,
      message: `Too long to typeset (${tex.length.toLocaleString('en')} characters; the limit is ${MAX_TEX_LENGTH.toLocaleString('en')}).`,
    };
  }
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      // Errors come back to us (to show with the source) rather than as KaTeX's red inline text.
      throwOnError: true,
      // No \href, \url, \includegraphics or \htmlClass-style commands: a note cannot make links or load anything.
      trust: false,
      // Obsidian's MathJax accepts what KaTeX's strict mode warns about (unicode in math, etc.).
      strict: 'ignore',
      // Bounds for hostile input: `\rule{1000em}` and runaway macro expansion.
      maxSize: 50,
      maxExpand: 1000,
      output: 'htmlAndMathml',
    });
    return { ok: true, html };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
