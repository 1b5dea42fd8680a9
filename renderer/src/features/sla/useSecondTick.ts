/**
 * A one-second clock shared by every SLA chip in the window: one interval while any chip is
 * mounted, none otherwise (app/useNow.ts ticks every 15 s and is too coarse for a countdown).
 */
import { useSyncExternalStore } from 'react';

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const subscribers = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  subscribers.add(onChange);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of subscribers) notify();
    }, 1_000);
  }
  return () => {
    subscribers.delete(onChange);
    if (subscribers.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useSecondTick(): number {
  return useSyncExternalStore(subscribe, () => now);
}
