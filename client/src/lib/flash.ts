import { useCallback, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";

/** What counts as the person's next action: a form sent, or a button, link or disclosure pressed. */
const ACTION = "button, a[href], summary, [role='button'], input[type='submit']";

/**
 * Calls `dismiss` at the person's next action anywhere on the page (a click on a control, a form submitted),
 * once, while `active`. A success message is about the last thing done: left standing beside the next step, it
 * reads as that step's answer. (Leaving the page unmounts it anyway.)
 */
export function useDismissOnNextAction(active: boolean, dismiss: () => void): void {
  const latest = useRef(dismiss);
  latest.current = dismiss;
  useEffect(() => {
    if (!active) return;
    const onClick = (e: Event) => {
      if (e.target instanceof Element && e.target.closest(ACTION)) latest.current();
    };
    const onSubmit = () => latest.current();
    // capture: heard before the control's own handler, which may set the next message
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [active]);
}

/**
 * A message handed over by the previous page in its navigation state (e.g. "Pengaduan terkirim…", or after
 * logging out): shown once, dropped from history so a reload does not say it again, and gone at the next action.
 */
export function useFlash(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [handed] = useState(() => (location.state as { flash?: string } | null)?.flash);
  const [flash, setFlash] = useState(handed);
  useEffect(() => {
    if (handed) navigate(".", { replace: true, state: null });
  }, [handed, navigate]);
  useDismissOnNextAction(
    !!flash,
    useCallback(() => setFlash(undefined), []),
  );
  return flash;
}
