import { useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import type { AmbilTiketMutation as AmbilTiketResult, KioskAntrianQuery as KioskResult } from "../../gql/graphql";
import { failureMessage, requestErrorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { AmbilTiketMutation, KioskAntrianQuery } from "./documents";
import { instansiDariAlamat, kunciDitolak, PerangkatAntrian, type Perangkat } from "./device";
import "./antrian.css";

type Grup = NonNullable<KioskResult["kioskAntrian"]>["grup"][number];
type Tiket = Extract<AmbilTiketResult["ambilTiket"], { __typename: "AmbilTiketSuccess" }>["data"];

/** the ticket stays on screen this long, then the kiosk is ready for the next person */
export const KEMBALI_DETIK = 20;
/** opening hours and waiting counts change while the kiosk stands there */
const MUAT_ULANG_MS = 30_000;

function jamDari(iso: string): string {
  return new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

function TiketDiambil({ tiket, instansiNama, onSelesai }: { tiket: Tiket; instansiNama: string; onSelesai: () => void }) {
  const [sisa, setSisa] = useState(KEMBALI_DETIK);
  const judul = useRef<HTMLHeadingElement>(null);
  const selesai = useRef(onSelesai);
  selesai.current = onSelesai;
  useEffect(() => judul.current?.focus(), []);
  useEffect(() => {
    const timer = setInterval(() => setSisa((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (sisa <= 0) selesai.current();
  }, [sisa]);

  return (
    <section className="kiosk__hasil" aria-labelledby="tiket-judul">
      <div className="tiket-cetak">
        <p className="tiket-cetak__instansi">{instansiNama}</p>
        <h2 id="tiket-judul" ref={judul} tabIndex={-1} className="kiosk__label">
          Nomor antrian Anda
        </h2>
        <p className="kiosk__nomor" data-testid="tiket-kode">
          {tiket.kode}
        </p>
        <p className="kiosk__grup">
          {tiket.grup.nama}
          {tiket.layanan && <span className="kiosk__layanan"> · {tiket.layanan.nama}</span>}
        </p>
        <p className="kiosk__depan">
          {tiket.menungguDiDepan === 0 ? "Tidak ada antrian di depan Anda." : `${tiket.menungguDiDepan} orang menunggu di depan Anda.`}
        </p>
        <p className="kiosk__tanggal">
          {formatDate(tiket.tanggal)}, pukul {jamDari(tiket.diambilAt)}
        </p>
        <p className="tiket-cetak__catatan">Simpan tiket ini. Nomor Anda akan dipanggil dan tampil di layar.</p>
      </div>
      <div className="kiosk__aksi no-print">
        <button type="button" className="kiosk__tombol kiosk__tombol--cetak" onClick={() => window.print()}>
          Cetak tiket
        </button>
        <button type="button" className="kiosk__tombol kiosk__tombol--kembali" onClick={onSelesai}>
          Selesai
        </button>
      </div>
      <p className="kiosk__hitung no-print" aria-live="off">
        Kembali ke awal dalam {Math.max(sisa, 0)} detik.
      </p>
    </section>
  );
}

function Kiosk({ instansiId, perangkat }: { instansiId: string; perangkat: Perangkat }) {
  const [{ data, error }, refetch] = useQuery({ query: KioskAntrianQuery, variables: { instansiId }, requestPolicy: "cache-and-network" });
  const [{ fetching }, ambil] = useMutation(AmbilTiketMutation);
  const [grup, setGrup] = useState<Grup | null>(null);
  const [tiket, setTiket] = useState<Tiket | null>(null);
  const [gagal, setGagal] = useState<string | null>(null);
  const kiosk = data?.kioskAntrian;

  useEffect(() => {
    if (kunciDitolak(error)) perangkat.tolak();
  }, [error, perangkat]);
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), MUAT_ULANG_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  useEffect(() => {
    document.title = kiosk ? `Ambil antrian — ${kiosk.instansiNama}` : "Kios antrian — Loket";
  }, [kiosk]);

  async function ambilTiket(g: Grup, layananId: string | null) {
    if (fetching) return;
    setGagal(null);
    const result = await ambil({ instansiId, grupId: g.id, layananId });
    const r = result.data?.ambilTiket;
    if (r?.__typename === "AmbilTiketSuccess") {
      setGrup(null);
      setTiket(r.data);
      refetch({ requestPolicy: "network-only" });
      return;
    }
    if (!r && kunciDitolak(result.error)) return perangkat.tolak();
    setGagal(failureMessage(r, result.error));
  }

  function pilih(g: Grup) {
    if (g.layanan.length > 0) {
      setGagal(null);
      setGrup(g);
    } else void ambilTiket(g, null);
  }

  function awal() {
    setTiket(null);
    setGrup(null);
    setGagal(null);
  }

  return (
    <main id="konten" className="kiosk">
      <header className="kiosk__atas no-print">
        <p className="kiosk__instansi">{kiosk?.instansiNama ?? "Kios antrian"}</p>
        {kiosk && <p className="kiosk__tanggal-atas">{formatDate(kiosk.tanggal)}</p>}
      </header>

      {!kiosk && (
        <p className="kiosk__pesan" aria-busy={!error}>
          {error ? `${requestErrorMessage(error)} Mencoba lagi…` : "Memuat…"}
        </p>
      )}

      {kiosk && !kiosk.buka && !tiket && (
        <section className="kiosk__tutup" aria-labelledby="kiosk-tutup">
          <h1 id="kiosk-tutup">Layanan antrian sedang tutup</h1>
          <p>{kiosk.keteranganTutup ?? "Silakan datang kembali pada jam layanan."}</p>
        </section>
      )}

      {tiket && kiosk && <TiketDiambil tiket={tiket} instansiNama={kiosk.instansiNama} onSelesai={awal} />}

      {kiosk?.buka && !tiket && (
        <>
          <h1 className="kiosk__judul">{grup ? grup.nama : "Ambil nomor antrian"}</h1>
          <p className="kiosk__petunjuk">{grup ? "Pilih layanan yang Anda perlukan." : "Sentuh jenis layanan yang Anda perlukan."}</p>
          {gagal && (
            <p className="alert alert--error kiosk__gagal" role="alert">
              {gagal}
            </p>
          )}
          {!grup && kiosk.grup.length === 0 && <p className="kiosk__pesan">Belum ada antrian yang dibuka hari ini. Silakan tanyakan kepada petugas.</p>}
          {!grup && (
            <ul className="kiosk__pilihan">
              {kiosk.grup.map((g) => (
                <li key={g.id}>
                  <button type="button" className="kiosk__tombol" disabled={fetching} onClick={() => pilih(g)}>
                    <span className="kiosk__tombol-kode" aria-hidden="true">
                      {g.kode}
                    </span>
                    <span className="kiosk__tombol-nama">{g.nama}</span>
                    <span className="kiosk__tombol-info">{g.menunggu} menunggu</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {grup && (
            <>
              <ul className="kiosk__pilihan">
                {grup.layanan.map((l) => (
                  <li key={l.id}>
                    <button type="button" className="kiosk__tombol" disabled={fetching} onClick={() => void ambilTiket(grup, l.id)}>
                      <span className="kiosk__tombol-nama">{l.nama}</span>
                    </button>
                  </li>
                ))}
                <li>
                  <button type="button" className="kiosk__tombol kiosk__tombol--lain" disabled={fetching} onClick={() => void ambilTiket(grup, null)}>
                    <span className="kiosk__tombol-nama">Layanan lain / belum tahu</span>
                  </button>
                </li>
              </ul>
              <p>
                <button type="button" className="kiosk__tombol kiosk__tombol--kembali" onClick={awal}>
                  Kembali
                </button>
              </p>
            </>
          )}
          {fetching && (
            <p className="kiosk__pesan" aria-busy="true">
              Mencetak nomor…
            </p>
          )}
        </>
      )}
    </main>
  );
}

/** /antrian/kiosk/:instansiId — the touch screen at the entrance where visitors take a number. */
export default function KioskAntrianPage() {
  // the rest of the address: a global id may hold a "/" (base64)
  const instansiId = instansiDariAlamat(useParams()["*"]);
  if (!instansiId) {
    return (
      <main id="konten" className="antrian-kunci">
        <h1>Kios antrian tidak dikenal</h1>
        <p>Alamat ini tidak menunjuk instansi mana pun. Buka tautan pemasangan dari halaman Admin › Antrian.</p>
      </main>
    );
  }
  return (
    <PerangkatAntrian instansiId={instansiId} jenis="KIOSK">
      {(perangkat) => <Kiosk instansiId={instansiId} perangkat={perangkat} />}
    </PerangkatAntrian>
  );
}
