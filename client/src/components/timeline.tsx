import { graphql, useFragment, type FragmentType } from "../gql";
import { formatDateTime } from "../lib/format";
import { CardSection } from "./card-section";

export const Timeline_PengajuanLogFragment = graphql(`
  fragment Timeline_PengajuanLog on PengajuanLog {
    seq
    aksi
    aktor
    diLoket
    createdAt
    dariStatus
    keStatus
    keStatusLabel
    pesan
  }
`);

const STEP_TEXT: Record<string, string> = {
  BUAT: "Draf dibuat",
  AJUKAN: "Diajukan",
  MINTA_PERBAIKAN: "Petugas meminta perbaikan",
  VERIFIKASI: "Berkas dinyatakan lengkap",
  PROSES: "Mulai diproses",
  LAMPIRKAN_HASIL: "Dokumen hasil dilampirkan",
  GANTI_DOKUMEN: "Pemohon mengganti dokumen",
  TAMBAH_DOKUMEN: "Pemohon menambahkan dokumen",
  SELESAIKAN: "Selesai",
  SIAPKAN_PENGAMBILAN: "Siap diambil di kantor",
  AJUKAN_TTD: "Surat hasil dibuat, menunggu tanda tangan pejabat",
  TANDATANGANI: "Surat hasil ditandatangani",
  KEMBALIKAN_SURAT: "Surat hasil dikembalikan pejabat untuk diperbaiki",
  SERAHKAN: "Dokumen diserahkan",
  TUGASKAN: "Ditangani petugas",
  LEPAS_TUGAS: "Penugasan petugas dilepas",
  TOLAK: "Ditolak",
  BATALKAN: "Dibatalkan",
};

export function stepText(aksi: string, dariStatus: string | null | undefined): string {
  if (aksi === "AJUKAN" && dariStatus === "PERLU_PERBAIKAN") return "Diajukan kembali setelah perbaikan";
  // a step this version of the client does not know yet: its code, readable
  return STEP_TEXT[aksi] ?? aksi.charAt(0) + aksi.slice(1).toLowerCase().replace(/_/g, " ");
}

const MESSAGE_LABEL: Record<string, string> = {
  MINTA_PERBAIKAN: "Pesan petugas",
  TOLAK: "Alasan",
  LAMPIRKAN_HASIL: "Dokumen",
  GANTI_DOKUMEN: "Dokumen",
  TAMBAH_DOKUMEN: "Dokumen",
};

/**
 * The Log Pengajuan, newest step first (what happened last is what people look for), each with its time,
 * who acted and the officer's message. `timeZone` is the office's.
 */
export function Timeline(props: { steps: ReadonlyArray<FragmentType<typeof Timeline_PengajuanLogFragment>>; timeZone?: string; zoneLabel?: string }) {
  const steps = useFragment(Timeline_PengajuanLogFragment, props.steps);
  const ordered = [...steps].sort((a, b) => b.seq - a.seq);
  if (ordered.length === 0) return <p className="muted">Belum ada riwayat.</p>;
  return (
    <ol className="timeline" reversed aria-label="Riwayat pengajuan, terbaru di atas">
      {ordered.map((s, i) => (
        <li key={s.seq} className={`timeline__item${i === 0 ? " timeline__item--current" : ""}`} data-seq={s.seq}>
          <span className="timeline__marker" aria-hidden="true" />
          <div className="timeline__body">
            <p className="timeline__title">
              {stepText(s.aksi, s.dariStatus)}
              {i === 0 && <span className="sr-only"> (langkah terakhir)</span>}
            </p>
            <p className="timeline__meta">
              <time dateTime={s.createdAt}>
                {formatDateTime(s.createdAt, props.timeZone)}
                {props.zoneLabel ? ` ${props.zoneLabel}` : ""}
              </time>
              {/* at the counter: the officer acted for the person standing there (staff see the name, the applicant "Petugas") */}
              {s.diLoket ? <> · di loket oleh {s.aktor ?? "petugas"}</> : s.aktor && <> · {s.aktor}</>}
              {s.dariStatus && s.dariStatus !== s.keStatus && <> · status: {s.keStatusLabel}</>}
            </p>
            {s.pesan && (
              <p className="timeline__message">
                <span className="timeline__message-label">{MESSAGE_LABEL[s.aksi] ?? "Catatan"}: </span>
                {s.pesan}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

export const PengajuanRiwayat_PengajuanFragment = graphql(`
  fragment PengajuanRiwayat_Pengajuan on Pengajuan {
    instansi {
      id
      zonaWaktu
      zonaWaktuLabel
    }
    riwayat {
      seq
      ...Timeline_PengajuanLog
    }
  }
`);

/** The Log Pengajuan of one pengajuan as a card, on the office's clock (the citizen's page and the officer's). */
export function PengajuanRiwayat(props: { pengajuan: FragmentType<typeof PengajuanRiwayat_PengajuanFragment>; title: string }) {
  const p = useFragment(PengajuanRiwayat_PengajuanFragment, props.pengajuan);
  return (
    <CardSection id="riwayat" title={props.title}>
      <Timeline steps={p.riwayat} timeZone={p.instansi.zonaWaktu} zoneLabel={p.instansi.zonaWaktuLabel} />
    </CardSection>
  );
}
