import { useEffect, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import { useClient, type CombinedError } from "urql";
import type { PapanAntrianBerubahSubscription } from "../../gql/graphql";
import { useConnectionNotice } from "../../lib/connection";
import { requestErrorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { PapanAntrianSubscription } from "./documents";
import { instansiDariAlamat, kunciDitolak, PerangkatAntrian, type Perangkat } from "./device";
import { kalimatUntuk, PanggilanBaru, sintesisPeramban, ucapkan, type Panggilan } from "./speech";
import "./antrian.css";

type Papan = PapanAntrianBerubahSubscription["papanAntrianBerubah"];

const SUARA = "loket.antrian.suara";
/** a failed stream (not the network: graphql-ws reconnects by itself) is asked for again after this long */
const ULANGI_MS = 5000;

function suaraTersimpan(): boolean {
  try {
    return localStorage.getItem(SUARA) === "1";
  } catch {
    return false;
  }
}

function simpanSuara(on: boolean) {
  try {
    localStorage.setItem(SUARA, on ? "1" : "0");
  } catch {
    /* private mode: the choice lasts as long as the page */
  }
}

/** "09.41" on the display's own clock. */
function useJam(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit" }).format(now);
}

/**
 * Follows the board live: every board (the first at once, one after each reconnect, one after each change) is
 * shown, and the calls on it that are news are announced — each kunci once, so a board that comes again after a
 * reconnect repeats nothing.
 */
export function usePapan(instansiId: string, perangkat: Pick<Perangkat, "tolak">, umumkan: (baru: Panggilan[]) => void) {
  const client = useClient();
  const [papan, setPapan] = useState<Papan | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const [putaran, setPutaran] = useState(0);
  const baru = useRef(new PanggilanBaru());
  const onBaru = useRef(umumkan);
  onBaru.current = umumkan;
  const tolak = useRef(perangkat.tolak);
  tolak.current = perangkat.tolak;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `putaran` is the trigger: a stream that ended in an error is asked for again
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = client.subscription(PapanAntrianSubscription, { instansiId }).subscribe((result) => {
      if (result.error) {
        setError(result.error);
        if (kunciDitolak(result.error)) tolak.current();
        else timer = setTimeout(() => setPutaran((n) => n + 1), ULANGI_MS);
        return;
      }
      const next = result.data?.papanAntrianBerubah;
      if (!next) return;
      setError(null);
      setPapan(next);
      const news = baru.current.dari(next.dipanggil);
      if (news.length) onBaru.current(news);
    });
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, [client, instansiId, putaran]);

  return { papan, error };
}

function Papan({ instansiId, perangkat }: { instansiId: string; perangkat: Perangkat }) {
  const [suara, setSuara] = useState(suaraTersimpan);
  const suaraRef = useRef(suara);
  suaraRef.current = suara;
  const [kilat, setKilat] = useState<string | null>(null);
  const [ditolak, setDitolak] = useState(false);
  const jam = useJam();
  const notice = useConnectionNotice(perangkat.monitor);

  function bicara(teks: string) {
    const s = sintesisPeramban();
    if (!s) return;
    ucapkan(s.sintesis, s.Utterance, teks, (hasil) => {
      // the browser wants a tap on the page first: ask for it
      if (hasil === "ditolak") {
        setSuara(false);
        setDitolak(true);
      }
    });
  }

  const { papan, error } = usePapan(instansiId, perangkat, (baru) => {
    setKilat(baru[baru.length - 1]!.kunci);
    if (suaraRef.current) for (const p of baru) bicara(kalimatUntuk(p));
  });

  function alihSuara() {
    const on = !suara;
    setSuara(on);
    setDitolak(false);
    simpanSuara(on);
    if (on) bicara("Suara panggilan antrian aktif.");
    else sintesisPeramban()?.sintesis.cancel();
  }

  useEffect(() => {
    document.title = papan ? `Antrian — ${papan.instansiNama}` : "Layar antrian — Loket";
  }, [papan]);

  const [terbaru, ...sebelumnya] = papan?.dipanggil ?? [];
  const adaSintesis = !!sintesisPeramban();

  return (
    <main id="konten" className="papan">
      <header className="papan__atas">
        <div>
          <h1 className="papan__instansi">{papan?.instansiNama ?? "Layar antrian"}</h1>
          {papan && <p className="papan__tanggal">{formatDate(papan.tanggal)}</p>}
        </div>
        <div className="papan__kanan">
          <p role="status" aria-live="polite" className="papan__sambungan">
            {notice === "offline" && <span className="papan__terputus">Terputus — menyambung ulang…</span>}
            {notice === "back" && <span>Tersambung kembali</span>}
          </p>
          {adaSintesis && (
            <button type="button" className={`papan__suara${suara ? " papan__suara--aktif" : ""}`} aria-pressed={suara} onClick={alihSuara}>
              {suara ? "Suara aktif" : ditolak ? "Ketuk untuk mengaktifkan suara" : "Aktifkan suara"}
            </button>
          )}
          <p className="papan__jam">
            <time>{jam}</time>
          </p>
        </div>
      </header>

      {!papan && (
        <p className="papan__memuat" aria-busy={!error}>
          {error ? `${requestErrorMessage(error)} Mencoba lagi…` : "Menyambung ke Loket…"}
        </p>
      )}

      {papan && (
        <div className="papan__isi">
          <section className="papan__utama" aria-labelledby="papan-panggilan">
            <h2 id="papan-panggilan" className="papan__label">
              Nomor antrian
            </h2>
            {terbaru ? (
              <div key={terbaru.kunci} className={`papan__panggilan${kilat === terbaru.kunci ? " papan__panggilan--kilat" : ""}`} aria-live="assertive">
                <p className="papan__kode" data-testid="panggilan-kode">
                  {terbaru.kode}
                </p>
                <p className="papan__ke">
                  silakan ke <strong className="papan__loket">{terbaru.loket}</strong>
                </p>
                <p className="papan__grup-nama">{terbaru.grup}</p>
              </div>
            ) : (
              <p className="papan__kosong">Belum ada panggilan hari ini.</p>
            )}
          </section>

          <section className="papan__riwayat" aria-labelledby="papan-sebelumnya">
            <h2 id="papan-sebelumnya" className="papan__label">
              Panggilan sebelumnya
            </h2>
            {sebelumnya.length === 0 ? (
              <p className="papan__kosong-kecil">—</p>
            ) : (
              <ol className="papan__daftar">
                {sebelumnya.map((p) => (
                  <li key={p.kunci}>
                    <span className="papan__daftar-kode">{p.kode}</span>
                    <span className="papan__daftar-loket">{p.loket}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="papan__menunggu" aria-labelledby="papan-menunggu">
            <h2 id="papan-menunggu" className="papan__label">
              Menunggu
            </h2>
            <ul className="papan__grup">
              {papan.grup.map((g) => (
                <li key={g.id}>
                  <span className="papan__grup-judul">
                    <span className="papan__grup-kode">{g.kode}</span> {g.nama}
                  </span>
                  <span className="papan__grup-angka">
                    <strong>{g.menunggu}</strong> menunggu
                  </span>
                  <span className="papan__grup-terakhir">Terakhir: {g.terakhirDipanggil ?? "—"}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </main>
  );
}

/** /antrian/tampil/:instansiId — the TV in the waiting room. */
export default function TampilAntrianPage() {
  // the rest of the address: a global id may hold a "/" (base64)
  const instansiId = instansiDariAlamat(useParams()["*"]);
  if (!instansiId) {
    return (
      <main id="konten" className="antrian-kunci">
        <h1>Layar antrian tidak dikenal</h1>
        <p>Alamat ini tidak menunjuk instansi mana pun. Buka tautan pemasangan dari halaman Admin › Antrian.</p>
      </main>
    );
  }
  return (
    <PerangkatAntrian instansiId={instansiId} jenis="TAMPIL">
      {(perangkat) => <Papan instansiId={instansiId} perangkat={perangkat} />}
    </PerangkatAntrian>
  );
}
