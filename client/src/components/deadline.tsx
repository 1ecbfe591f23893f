import { formatDateTime, formatSisaKerja, workdayMinutes } from "../lib/format";

interface DeadlineProps {
  tenggat: string | null | undefined;
  sisaMenitKerja: number | null | undefined;
  tenggatSementara?: boolean;
  terlambat?: boolean;
  instansi: { zonaWaktu: string; zonaWaktuLabel: string; jamLayanan?: ReadonlyArray<{ hari: number; buka: string; tutup: string }> };
  /** short form for lists */
  compact?: boolean;
  /** words before the date (none when a label already says what it is) */
  prefix?: string;
}

/** The SLA deadline on the office's calendar and the working time left ("2 hari kerja 3 jam"). */
export function Deadline({ tenggat, sisaMenitKerja, tenggatSementara, terlambat, instansi, compact, prefix = "Batas waktu " }: DeadlineProps) {
  if (!tenggat) return null;
  const sisa = sisaMenitKerja == null ? null : formatSisaKerja(sisaMenitKerja, workdayMinutes(instansi.jamLayanan));
  const overdue = terlambat || sisa?.overdue;
  const when = `${formatDateTime(tenggat, instansi.zonaWaktu)} ${instansi.zonaWaktuLabel}`;
  if (compact) {
    return (
      <span className={overdue ? "sla sla--late" : "sla"}>
        {sisa ? (overdue ? `Lewat batas: ${sisa.text.replace(/^terlambat /, "")}` : `Sisa ${sisa.text}`) : when}
      </span>
    );
  }
  return (
    <span className={overdue ? "sla sla--late" : "sla"}>
      {prefix}
      {when}
      {sisa && <> ({overdue ? `lewat ${sisa.text.replace(/^terlambat /, "")}` : `sisa ${sisa.text}`})</>}
      {tenggatSementara && <span className="muted"> — sementara, hari libur tahun berikutnya belum ditetapkan</span>}
    </span>
  );
}
