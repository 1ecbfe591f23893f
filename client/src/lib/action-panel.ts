import { useEffect, useRef, useState } from "react";
import { useDismissOnNextAction } from "./flash";
import { useForm } from "./form";

/**
 * A case page's row of action buttons, each opening one small form (a message, sometimes more) under the row:
 * which action is open, its form, and the "…: berhasil." line after it. Opening a panel moves focus into it, so
 * keyboard and screen-reader users land where they type; a different action starts with no stale messages.
 */
export function useActionPanel<A extends string, T extends object>(empty: T, fields: readonly string[], focus = "textarea, button") {
  const form = useForm<T>(empty, fields);
  const [pending, setPending] = useState<A | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // "…: berhasil." answers the last action only: the next one (any button, any form) takes it away
  useDismissOnNextAction(done !== null, () => setDone(null));
  useEffect(() => {
    if (pending) panelRef.current?.querySelector<HTMLElement>(focus)?.focus();
  }, [pending, focus]);

  function toggle(action: A) {
    setPending(pending === action ? null : action);
    form.setErrors({});
    form.setFormError(null);
    setDone(null);
  }

  /** The open action succeeded: say so, close the panel and empty its form. */
  function finished(message: string) {
    setDone(message);
    setPending(null);
    form.setValues(empty);
  }

  return { form, pending, setPending, toggle, done, setDone, finished, panelRef };
}
