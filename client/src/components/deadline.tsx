import { graphql, useFragment, type FragmentType } from "../gql";
import { formatDateTime, formatSisaKerja, workdayMinutes } from "../lib/format";
import { CLOSED_STATUSES } from "../lib/labels";
import { Fact } from "./facts";
import { PenjelasanTenggat } from "./penjelasan-tenggat";

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

export const PengajuanTenggat_PengajuanFragment = graphql(`
  fragment PengajuanTenggat_Pengajuan on Pengajuan {
    id
    status
    tenggat
    tenggatSementara
    terlambat
    sisaMenitKerja
    instansi {
      id
      zonaWaktu
      zonaWaktuLabel
      jamLayanan {
        hari
        buka
        tutup
      }
    }
  }
`);

/**
 * A pengajuan's deadline while the work runs (nothing before the clock starts, nor once the pengajuan is closed
 * unless `evenClosed`): as a fact of a `<dl>` under `label`, in the short form for lists (`compact`, in a small
 * paragraph with `line`), or on its own.
 */
export function PengajuanTenggat(props: {
  pengajuan: FragmentType<typeof PengajuanTenggat_PengajuanFragment>;
  label?: string;
  compact?: boolean;
  line?: boolean;
  evenClosed?: boolean;
}) {
  const p = useFragment(PengajuanTenggat_PengajuanFragment, props.pengajuan);
  if (!p.tenggat || (!props.evenClosed && CLOSED_STATUSES.includes(p.status))) return null;
  const deadline = (
    <Deadline
      tenggat={p.tenggat}
      sisaMenitKerja={p.sisaMenitKerja}
      tenggatSementara={p.tenggatSementara}
      terlambat={p.terlambat}
      instansi={p.instansi}
      compact={props.compact}
      prefix={props.label ? "" : undefined}
    />
  );
  const penjelasan = props.compact ? null : <PenjelasanTenggat id={p.id} tenggat={p.tenggat} zonaLabel={p.instansi.zonaWaktuLabel} />;
  if (props.label)
    return (
      <Fact label={props.label}>
        {deadline}
        {penjelasan}
      </Fact>
    );
  return props.line ? (
    <div className="small">
      <p>{deadline}</p>
      {penjelasan}
    </div>
  ) : (
    <>
      {deadline}
      {penjelasan}
    </>
  );
}
