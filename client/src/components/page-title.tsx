import { useEffect, useRef, type ReactNode } from "react";

let firstPage = true;

/**
 * The page's h1. It sets the document title and, after a client-side navigation (not on the first load),
 * takes keyboard focus so screen-reader users hear where they landed.
 */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const isFirstPage = useRef(false);
  const text = title ?? (typeof children === "string" ? children : "");
  useEffect(() => {
    document.title = text ? `${text} — Loket` : "Loket — Portal Layanan Publik";
  }, [text]);
  useEffect(() => {
    // (the ref keeps StrictMode's second run of this effect from treating the first page as a navigation)
    if (firstPage) {
      firstPage = false;
      isFirstPage.current = true;
    }
    if (!isFirstPage.current) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
