/**
 * Math typeset by KaTeX, which is loaded (with its CSS and fonts) only when a note has math.
 * Until then, and whenever the TeX is wrong, the source is shown; a wrong formula adds KaTeX's
 * message and never breaks the rest of the note.
 */
import { renderTex } from './tex';
import { lazyModule, useLazyModule } from './useLazyModule';

const katex = lazyModule(() => import('./katex-module').then((m) => m.default));

export function MathView({ tex, display }: { tex: string; display: boolean }) {
  const state = useLazyModule(katex);
  const Wrapper = display ? 'div' : 'span';
  const base = display ? 'math math-display' : 'math math-inline';
  if (state.status !== 'ready') {
    return (
      <Wrapper className={`${base} math-source`} data-math-state={state.status}>
        {display ? <pre>{tex}</pre> : <code>{tex}</code>}
        {state.status === 'failed' && (
          <span className="math-error">Could not load the math typesetter: {state.message}</span>
        )}
      </Wrapper>
    );
  }
  const result = renderTex(state.module, tex, display);
  if (!result.ok) {
    return (
      <Wrapper className={`${base} math-source math-invalid`} role="group" aria-label="Math that could not be typeset">
        {display ? <pre>{tex}</pre> : <code>{tex}</code>}
        <span className="math-error">{result.message}</span>
      </Wrapper>
    );
  }
  // KaTeX's own markup from TeX with `trust: false`: text is escaped and no command makes links,
  // scripts or network requests, so this HTML carries nothing the note's author could inject.
  return <Wrapper className={base} dangerouslySetInnerHTML={{ __html: result.html }} />;
}
