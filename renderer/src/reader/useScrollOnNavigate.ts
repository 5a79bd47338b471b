import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { navigation, useNavigation } from '../state/navigation';

/** Scrolls to the top on a fresh navigation, or back to where the reader was on back/forward. */
export function useScrollOnNavigate(scrollRef: RefObject<HTMLElement | null>, ready: boolean) {
  const seq = useNavigation((s) => s.seq);
  const done = useRef(-1);
  useLayoutEffect(() => {
    if (!ready || done.current === seq || !scrollRef.current) return;
    done.current = seq;
    scrollRef.current.scrollTop = navigation.getState().restoreScroll ?? 0;
  }, [ready, seq, scrollRef]);
}
