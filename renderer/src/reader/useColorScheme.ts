/** Whether the app is drawn dark: it follows the system, as the CSS does (`prefers-color-scheme`). */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useDarkScheme(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(QUERY).matches);
}
