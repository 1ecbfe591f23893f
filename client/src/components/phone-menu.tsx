import { useCallback, useEffect, useState } from "react";

/**
 * The main menu on a phone: a "Menu" button that opens the list under the header (a disclosure, no hover
 * needed). From 640px the button is hidden and the list always shows, so nothing here runs on a desk.
 * The menu closes when another page opens (from the menu, by back or forward), so the new page is not hidden
 * under an open list. It remembers the address it was opened at, not the page on screen: navigation changes
 * the address first and the page only once its code has loaded, and a menu opened in between (a slow phone
 * right after logging in) belongs to the new page and stays open.
 */
export function usePhoneMenu(pathname: string) {
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of the page on screen
  useEffect(() => setOpenedAt((at) => (at === window.location.pathname ? at : null)), [pathname]);
  const toggle = useCallback(() => setOpenedAt((at) => (at === null ? window.location.pathname : null)), []);
  const close = useCallback((refocus: boolean) => {
    setOpenedAt(null);
    if (refocus) document.getElementById("tombol-menu")?.focus();
  }, []);
  return { open: openedAt !== null, toggle, close };
}

export function PhoneMenuButton({ open, onClick }: { open: boolean; onClick: () => void }) {
  return (
    <button type="button" id="tombol-menu" className="nav__toggle" aria-expanded={open} aria-controls="menu-utama" onClick={onClick}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" className="nav__toggle-icon">
        {open ? (
          <path d="M4 4l12 12M16 4L4 16" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        ) : (
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        )}
      </svg>
      Menu
    </button>
  );
}
