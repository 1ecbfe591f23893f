import { useEffect, useRef, useState } from "react";

/** How long a changed card stays marked (the CSS fade takes as long: .live-changed in styles.css). */
export const HIGHLIGHT_MS = 3000;

/**
 * The class that marks a card for a moment after what it shows changed (`key`: e.g. the status), never on the
 * first render. A calm highlight that fades, not a frame in the error or focus colour: a live change is news, not
 * a problem. Screen readers hear of the change through the page's polite live region, not from this.
 */
export function useLiveHighlight(key: string | number | null | undefined, ms = HIGHLIGHT_MS): string {
  const first = useRef(key);
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    if (first.current === key) return;
    first.current = key;
    setChanged((n) => n + 1);
  }, [key]);
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!changed) return;
    setOn(true);
    const timer = setTimeout(() => setOn(false), ms);
    return () => clearTimeout(timer);
  }, [changed, ms]);
  return on ? "live-changed" : "";
}
