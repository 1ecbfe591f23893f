import type { ReactNode } from "react";

/** A card of a page, named by its heading (a landmark screen-reader users can jump to). */
export function CardSection({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `card ${className}` : "card"} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
