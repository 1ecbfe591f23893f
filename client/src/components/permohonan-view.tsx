import { graphql, useFragment, type FragmentType } from "../gql";
import type { PermohonanStatus } from "../gql/graphql";
import { formatDateTime, formatRupiah } from "../lib/format";
// the API's own number of working days for an answer
import { JAWAB_HARI } from "../../../server/shared/ppid";
import { PenjelasanTenggat } from "./penjelasan-tenggat";

export const PermohonanView_PermohonanFragment = graphql(`
  fragment PermohonanView_Permohonan on PermohonanInformasi {
    id
    versi
    nomorRegister
    status
    rincianInformasi
    tujuan
    format
    caraPerolehan
    pemohonNama
    diterimaAt
    tenggat
    tenggatSementara
    terlambat
    alasanPerpanjangan
    diputusAt
    catatanKeputusan
    pasalPengecualian
    pengecualianLabel
    ujiKonsekuensi
    biaya
    instansi {
      id
      nama
      zonaWaktu
      zonaWaktuLabel
    }
    keberatan {
      id
      nomorRegister
      alasanLabel
      uraian
      status
      diajukanAt
      tenggatTanggapan
      tanggapan
      ditanggapiAt
      batasSengketa
    }
  }
`);

export const PERMOHONAN_STATUS_LABEL: Record<PermohonanStatus, string> = {
  DITERIMA: "Diterima",
  DIPERPANJANG: "Diperpanjang",
  DIKABULKAN: "Dikabulkan",
  DIKABULKAN_SEBAGIAN: "Dikabulkan sebagian",
  DITOLAK: "Ditolak",
};

const TONE: Record<PermohonanStatus, string> = { DITERIMA: "info", DIPERPANJANG: "pending", DIKABULKAN: "ok", DIKABULKAN_SEBAGIAN: "ok", DITOLAK: "bad" };

export function PermohonanBadge({ status, large }: { status: PermohonanStatus; large?: boolean }) {
  return <span className={`badge badge--${TONE[status]}${large ? " badge--large" : ""}`}>{PERMOHONAN_STATUS_LABEL[status]}</span>;
}

const FORMAT_LABEL = { SOFTCOPY: "Salinan elektronik (softcopy)", HARDCOPY: "Salinan cetak (hardcopy)" } as const;
const CARA_LABEL = { AMBIL: "Diambil langsung", EMAIL: "Dikirim lewat email", POS: "Dikirim lewat pos" } as const;

/** A public-information request: what was asked, the deadline, the written answer and any objections. */
export function PermohonanView(props: { permohonan: FragmentType<typeof PermohonanView_PermohonanFragment> }) {
  const p = useFragment(PermohonanView_PermohonanFragment, props.permohonan);
  const zone = p.instansi.zonaWaktu;
  const z = p.instansi.zonaWaktuLabel;
  const open = p.status === "DITERIMA" || p.status === "DIPERPANJANG";
  return (
    <>
      <div className="card status-card">
        <div className="status-card__row">
          <PermohonanBadge status={p.status} large />
          <p className="status-card__nomor">
            Nomor register <strong className="mono">{p.nomorRegister}</strong>
          </p>
        </div>
        <dl className="facts facts--compact">
          <div>
            <dt>Badan publik</dt>
            <dd>{p.instansi.nama}</dd>
          </div>
          <div>
            <dt>Diterima</dt>
            <dd>
              {formatDateTime(p.diterimaAt, zone)} {z}
            </dd>
          </div>
          {open && (
            <div>
              <dt>Dijawab paling lambat</dt>
              <dd>
                <span className={p.terlambat ? "sla sla--late" : "sla"}>
                  {formatDateTime(p.tenggat, zone)} {z}
                  {p.terlambat && " (lewat batas)"}
                </span>
                {p.tenggatSementara && <span className="muted"> — sementara</span>}
                <span className="muted small">
                  {" "}
                  · {p.status === "DIPERPANJANG" ? "setelah perpanjangan satu kali" : `${JAWAB_HARI} hari kerja sejak diterima`}
                </span>
                <PenjelasanTenggat id={p.id} tenggat={p.tenggat} zonaLabel={z} />
              </dd>
            </div>
          )}
          {p.alasanPerpanjangan && (
            <div>
              <dt>Alasan perpanjangan</dt>
              <dd>{p.alasanPerpanjangan}</dd>
            </div>
          )}
          {p.diputusAt && (
            <div>
              <dt>Dijawab</dt>
              <dd>
                {formatDateTime(p.diputusAt, zone)} {z}
              </dd>
            </div>
          )}
        </dl>
      </div>
      {p.catatanKeputusan && (
        <section className="card" aria-labelledby={`jawaban-${p.id}`}>
          <h2 id={`jawaban-${p.id}`}>Jawaban tertulis</h2>
          <div className="prose">{p.catatanKeputusan}</div>
          {p.pasalPengecualian && (
            <p>
              {/* the label already reads "Pasal 17 huruf h: Mengungkap rahasia pribadi" */}
              <strong>Dasar pengecualian:</strong> UU 14/2008 {p.pengecualianLabel ?? `Pasal 17 huruf ${p.pasalPengecualian}`}.
            </p>
          )}
          {p.ujiKonsekuensi && (
            <p>
              <strong>Uji konsekuensi:</strong> {p.ujiKonsekuensi}
            </p>
          )}
          <p>
            <strong>Biaya salinan:</strong> {formatRupiah(p.biaya)}
          </p>
        </section>
      )}
      <section className="card" aria-labelledby={`rincian-${p.id}`}>
        <h2 id={`rincian-${p.id}`}>Informasi yang diminta</h2>
        <div className="prose">{p.rincianInformasi}</div>
        <dl className="facts facts--compact">
          <div>
            <dt>Tujuan</dt>
            <dd>{p.tujuan}</dd>
          </div>
          <div>
            <dt>Bentuk</dt>
            <dd>{FORMAT_LABEL[p.format]}</dd>
          </div>
          <div>
            <dt>Cara memperoleh</dt>
            <dd>{CARA_LABEL[p.caraPerolehan]}</dd>
          </div>
          <div>
            <dt>Pemohon</dt>
            <dd>{p.pemohonNama}</dd>
          </div>
        </dl>
      </section>
      {p.keberatan.length > 0 && (
        <section className="card" aria-labelledby={`keberatan-${p.id}`}>
          <h2 id={`keberatan-${p.id}`}>Keberatan</h2>
          <ul className="plain-list">
            {p.keberatan.map((k) => (
              <li key={k.id} className="keberatan">
                <p>
                  <strong className="mono">{k.nomorRegister}</strong> · {k.alasanLabel}{" "}
                  <span className={`badge badge--${k.status === "DITANGGAPI" ? "ok" : "pending"}`}>
                    {k.status === "DITANGGAPI" ? "Ditanggapi" : "Menunggu tanggapan"}
                  </span>
                </p>
                <p className="prose">{k.uraian}</p>
                {k.tanggapan ? (
                  <p className="timeline__message">
                    <span className="timeline__message-label">Tanggapan atasan PPID: </span>
                    {k.tanggapan}
                  </p>
                ) : (
                  <div className="muted small">
                    <p>
                      Ditanggapi paling lambat {formatDateTime(k.tenggatTanggapan, zone)} {z}.
                    </p>
                    <PenjelasanTenggat id={k.id} kolom="tenggatTanggapanPenjelasan" tenggat={k.tenggatTanggapan} zonaLabel={z} />
                  </div>
                )}
                {k.batasSengketa && (
                  <div className="small">
                    <p>
                      Bila belum puas, Anda dapat mengajukan sengketa ke Komisi Informasi paling lambat {formatDateTime(k.batasSengketa, zone)} {z}.
                    </p>
                    <PenjelasanTenggat id={k.id} kolom="batasSengketaPenjelasan" tenggat={k.batasSengketa} zonaLabel={z} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
