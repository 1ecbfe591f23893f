import type { PengaduanStatus, PengajuanStatus } from "../gql/graphql";
import { PENGADUAN_STATUS_LABEL, PENGADUAN_TONE, PENGAJUAN_STATUS_LABEL, PENGAJUAN_TONE } from "../lib/labels";

export function PengajuanBadge({ status, large = false }: { status: PengajuanStatus; large?: boolean }) {
  return <span className={`badge badge--${PENGAJUAN_TONE[status]}${large ? " badge--large" : ""}`}>{PENGAJUAN_STATUS_LABEL[status]}</span>;
}

export function PengaduanBadge({ status, large = false }: { status: PengaduanStatus; large?: boolean }) {
  return <span className={`badge badge--${PENGADUAN_TONE[status]}${large ? " badge--large" : ""}`}>{PENGADUAN_STATUS_LABEL[status]}</span>;
}

/** A "contoh" service is sample data for admins to edit, not an office's official standard. */
export function ContohBadge() {
  return (
    <span className="badge badge--contoh" title="Data contoh, bukan Standar Pelayanan resmi">
      Contoh
    </span>
  );
}
