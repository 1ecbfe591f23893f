import { graphql, useFragment, type FragmentType } from "../gql";
import { formatDateTime } from "../lib/format";
import { KANAL_LABEL } from "../lib/labels";
import { PengaduanBadge } from "./badges";
import { PenjelasanTenggat } from "./penjelasan-tenggat";

export const PengaduanView_PengaduanFragment = graphql(`
  fragment PengaduanView_Pengaduan on Pengaduan {
    id
    versi
    seq
    kodeLacak
    judul
    uraian
    status
    statusLabel
    kanal
    rahasia
    dibukaKembali
    createdAt
    selesaiAt
    tenggat
    terlambat
    alasanTolak
    aksiTersedia
    kategori {
      id
      nama
    }
    instansi {
      id
      nama
      zonaWaktu
      zonaWaktuLabel
    }
    pelapor {
      nama
      kontak
      terdaftar
    }
    riwayat {
      seq
      aksi
      keStatus
      pesan
      createdAt
      lampiran {
        id
        namaFile
        mime
        url
        bukti
      }
    }
  }
`);

const STEP: Record<string, string> = {
  DITERIMA: "Pengaduan diterima",
  VERIFIKASI: "Diverifikasi, akan ditindaklanjuti",
  TOLAK: "Ditolak",
  TINDAK_LANJUT: "Ditindaklanjuti",
  SELESAIKAN: "Selesai",
  TIDAK_PUAS: "Pelapor menyatakan tidak puas",
};

/** A complaint as its reporter and the desk see it: what, status, deadline and every response with attachments. */
export function PengaduanView(props: { pengaduan: FragmentType<typeof PengaduanView_PengaduanFragment>; staff?: boolean }) {
  const p = useFragment(PengaduanView_PengaduanFragment, props.pengaduan);
  const zone = p.instansi.zonaWaktu;
  const z = p.instansi.zonaWaktuLabel;
  return (
    <>
      <div className="card status-card">
        <div className="status-card__row">
          <PengaduanBadge status={p.status} large />
          <p className="status-card__nomor">
            Kode lacak <strong className="mono">{p.kodeLacak}</strong>
          </p>
        </div>
        <dl className="facts facts--compact">
          <div>
            <dt>Kantor</dt>
            <dd>{p.instansi.nama}</dd>
          </div>
          <div>
            <dt>Kategori</dt>
            <dd>{p.kategori.nama}</dd>
          </div>
          <div>
            <dt>Diterima</dt>
            <dd>
              {formatDateTime(p.createdAt, zone)} {z} · {KANAL_LABEL[p.kanal]}
            </dd>
          </div>
          {p.tenggat && p.status !== "SELESAI" && p.status !== "DITOLAK" && (
            <div>
              <dt>Tindak lanjut paling lambat</dt>
              <dd className={p.terlambat ? "sla sla--late" : undefined}>
                {formatDateTime(p.tenggat, zone)} {z}
                {p.terlambat && " (lewat batas)"}
                <PenjelasanTenggat id={p.id} tenggat={p.tenggat} zonaLabel={z} />
              </dd>
            </div>
          )}
          {p.selesaiAt && p.status === "SELESAI" && (
            <div>
              <dt>Selesai</dt>
              <dd>
                {formatDateTime(p.selesaiAt, zone)} {z}
              </dd>
            </div>
          )}
          {props.staff && (
            <div>
              <dt>Pelapor</dt>
              <dd>
                {p.pelapor
                  ? [p.pelapor.nama ?? "Tanpa nama", p.pelapor.kontak, p.pelapor.terdaftar ? "akun terdaftar" : null].filter(Boolean).join(" · ")
                  : "Dirahasiakan (hanya admin yang dapat melihat)"}
                {p.rahasia && p.pelapor && <span className="badge badge--pending">Rahasia</span>}
              </dd>
            </div>
          )}
          {!props.staff && p.rahasia && (
            <div>
              <dt>Identitas</dt>
              <dd>Dirahasiakan dari petugas</dd>
            </div>
          )}
        </dl>
        {p.status === "DITOLAK" && p.alasanTolak && <p className="alert alert--error">Alasan penolakan: {p.alasanTolak}</p>}
      </div>
      <section className="card" aria-labelledby="isi-pengaduan">
        <h2 id="isi-pengaduan">{p.judul}</h2>
        <div className="prose">{p.uraian}</div>
      </section>
      <section className="card" aria-labelledby="riwayat-pengaduan">
        <h2 id="riwayat-pengaduan">Riwayat dan tanggapan</h2>
        <ol className="timeline" reversed aria-label="Riwayat pengaduan, terbaru di atas">
          {[...p.riwayat]
            .sort((a, b) => b.seq - a.seq)
            .map((l, i) => (
              <li key={l.seq} className={`timeline__item${i === 0 ? " timeline__item--current" : ""}`}>
                <span className="timeline__marker" aria-hidden="true" />
                <div className="timeline__body">
                  <p className="timeline__title">{STEP[l.aksi] ?? l.aksi}</p>
                  <p className="timeline__meta">
                    <time dateTime={l.createdAt}>
                      {formatDateTime(l.createdAt, zone)} {z}
                    </time>
                  </p>
                  {l.pesan && <p className="timeline__message">{l.pesan}</p>}
                  {l.lampiran.length > 0 && (
                    <ul className="attachments">
                      {l.lampiran.map((a) => (
                        <li key={a.id}>
                          <a href={a.url} target="_blank" rel="noopener">
                            {a.namaFile}
                            <span className="sr-only"> ({a.bukti ? "bukti pelapor" : "dokumentasi tindak lanjut"}, tab baru)</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
        </ol>
      </section>
    </>
  );
}
