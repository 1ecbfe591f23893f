import type { ReactNode } from "react";
import { formatDateTime } from "../lib/format";

/** One term of a `<dl className="facts">`: its label and its value. */
export function Fact({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

/** A moment on the office's clock ("12 Mei 2026 09.30 WIB"); nothing when it has not happened. */
export function TimeFact({
  label,
  at,
  instansi,
}: {
  label: ReactNode;
  at: string | null | undefined;
  instansi?: { zonaWaktu: string; zonaWaktuLabel: string };
}) {
  if (!at) return null;
  return (
    <Fact label={label}>
      {formatDateTime(at, instansi?.zonaWaktu)}
      {instansi && ` ${instansi.zonaWaktuLabel}`}
    </Fact>
  );
}
