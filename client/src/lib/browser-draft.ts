import { useEffect, useRef, useState } from "react";
import { useSession } from "./session";
import { PREFIX, storage } from "./browser-draft-store";

/**
 * The text of a form that has no draft on the server (a complaint, a PPID request) kept in the browser, so a
 * reload or a failed submit loses nothing.
 *
 * - sessionStorage, not localStorage: it lives as long as the tab, so a shared computer (a village office, an
 *   internet café) does not keep a citizen's complaint after the tab is closed; signing out clears it too
 *   (forgetBrowserDrafts, from the session).
 * - keyed per account and form: another account signed in later in the same tab never sees it.
 * - only the listed fields, never files, identity numbers or passwords: a text that contains a 16-digit number
 *   (a NIK typed into a description) is not stored at all.
 * - cleared when the form is sent (`clear`).
 */

/** 16 digits, perhaps grouped with spaces, dots or dashes: a NIK (or KK number) typed into free text. */
const IDENTITY_NUMBER = /(?:\d[\s.-]?){15}\d/;

export function containsIdentityNumber(text: string): boolean {
  return IDENTITY_NUMBER.test(text);
}

type Storable = string | boolean;

/**
 * Keeps `keys` of `values` for this account and `form`; on first render with a known account, hands what was
 * kept to `restore`. `restored` says the page shows text from before (the page says so).
 */
export function useBrowserDraft<T extends object>(form: string, values: T, keys: ReadonlyArray<keyof T & string>, restore: (kept: Partial<T>) => void) {
  const { me } = useSession();
  const key = me ? `${PREFIX}${me.id}:${form}` : null;
  const [restored, setRestored] = useState(false);
  const loadedFor = useRef<string | null>(null);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  // read once per account and form, before anything is written
  useEffect(() => {
    if (!key || loadedFor.current === key) return;
    loadedFor.current = key;
    const raw = storage()?.getItem(key);
    if (!raw) return;
    try {
      const kept = JSON.parse(raw) as Record<string, unknown>;
      const picked = Object.fromEntries(
        keys.filter((k) => typeof kept[k] === "string" || typeof kept[k] === "boolean").map((k) => [k, kept[k] as Storable]),
      ) as Partial<T>;
      if (Object.values(picked).some((v) => v !== "" && v !== false)) {
        restoreRef.current(picked);
        setRestored(true);
      }
    } catch {
      storage()?.removeItem(key);
    }
  }, [key, keys]);

  const snapshot = JSON.stringify(
    Object.fromEntries(
      keys
        .map((k) => [k, (values as Record<string, unknown>)[k]] as const)
        .filter(([, v]) => (typeof v === "string" && !containsIdentityNumber(v)) || typeof v === "boolean"),
    ),
  );
  useEffect(() => {
    if (!key || loadedFor.current !== key) return;
    storage()?.setItem(key, snapshot);
  }, [key, snapshot]);

  return {
    restored,
    /** The form was sent: nothing more to keep. */
    clear() {
      if (key) storage()?.removeItem(key);
      loadedFor.current = null;
      setRestored(false);
    },
  };
}
