/** Where a form's unsent text is kept in this tab (sessionStorage; see browser-draft.ts). No imports: the session uses it. */

export const PREFIX = "loket:draf:";

export function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage switched off: the forms work, without the safety net
  }
}

/** Removes every form text this tab kept (on signing out). */
export function forgetBrowserDrafts(): void {
  const s = storage();
  if (!s) return;
  for (const key of Object.keys(s)) if (key.startsWith(PREFIX)) s.removeItem(key);
}
