"use client";

import { useEffect, useState } from "react";

/**
 * Runs `callback` once the browser has nothing better to do after the page came up (at the
 * latest after `timeoutMs`); returns the cancel. Safari has no requestIdleCallback: a short
 * timer stands in.
 */
export function whenIdle(callback: () => void, timeoutMs = 2000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 200);
  return () => window.clearTimeout(handle);
}

/**
 * A module the page does not start with (a live figure's polling, say), imported once the
 * browser is idle: null until it has arrived. It stays out of the page's first-load JavaScript
 * and never holds up what the agent needs first. `load` must be the same function every render
 * (declare it at module level).
 */
export function useIdleImport<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    let cancelled = false;
    const cancelIdle = whenIdle(() => {
      void load().then((module) => {
        if (!cancelled) setLoaded(() => module);
      });
    });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [load]);
  return loaded;
}
