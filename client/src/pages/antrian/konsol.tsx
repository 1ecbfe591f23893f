import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import type { TiketHariIniQuery as TiketHariIniResult, TiketStatus } from "../../gql/graphql";
import { useDeskInstansi } from "../../components/desk-instansi";
import { FormMessage } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { errorOf, failureMessage } from "../../lib/errors";
import { rawId } from "../../lib/ids";
import {
  AmbilTiketMutation,
  KonsolLoketQuery,
  LayaniTiketMutation,
  PanggilBerikutnyaMutation,
  PanggilUlangTiketMutation,
  PapanAntrianSubscription,
  SelesaikanTiketMutation,
  TiketHariIniQuery,
  TiketTidakHadirMutation,
} from "./documents";
import "./antrian.css";

type Tiket = TiketHariIniResult["tiketHariIni"][number];

const AKTIF: TiketStatus[] = ["MENUNGGU", "DIPANGGIL", "DILAYANI"];

export const STATUS_TIKET: Record<TiketStatus, string> = {
  MENUNGGU: "Menunggu",
  DIPANGGIL: "Dipanggil",
  DILAYANI: "Sedang dilayani",
  SELESAI: "Selesai",
  TIDAK_HADIR: "Tidak hadir",
  DIBATALKAN: "Dibatalkan",
};

/** The counter and the groups this browser calls, per office: kept, so the officer chooses once. */
interface Pilihan {
  loketId: string;
  grupIds: string[] | null;
}

const SIMPAN = "loket.antrian.konsol:";

function bacaPilihan(instansiId: string | null): Pilihan {
  try {
    const raw = instansiId ? localStorage.getItem(SIMPAN + instansiId) : null;
    const p = raw ? (JSON.parse(raw) as Partial<Pilihan>) : {};
    return {
      loketId: typeof p.loketId === "string" ? p.loketId : "",
      grupIds: Array.isArray(p.grupIds) ? p.grupIds.filter((x) => typeof x === "string") : null,
    };
  } catch {
    return { loketId: "", grupIds: null };
  }
}

function simpanPilihan(instansiId: string, p: Pilihan) {
  try {
    localStorage.setItem(SIMPAN + instansiId, JSON.stringify(p));
  } catch {
    /* private mode: the choice lasts as long as the page */
  }
}

function jam(iso: string | null | undefined): string {
  return iso ? new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso)) : "—";
}

/** The ticket a counter is working on: the one it called last that is still called or being served. */
export function tiketDiLoket(tiket: readonly Tiket[], loketId: string): Tiket | null {
  const mine = tiket.filter((t) => t.loket?.id === loketId && (t.status === "DIPANGGIL" || t.status === "DILAYANI"));
  mine.sort((a, b) => (b.dipanggilAt ?? "").localeCompare(a.dipanggilAt ?? ""));
  return mine[0] ?? null;
}

type Aksi = "panggil" | "ulang" | "layani" | "tidakHadir" | "selesai";

function TiketSaatIni({ tiket, onAksi, sibuk }: { tiket: Tiket; onAksi: (aksi: Aksi) => void; sibuk: Aksi | null }) {
  const dipanggil = tiket.status === "DIPANGGIL";
  return (
    <section className="card konsol__saat-ini" aria-labelledby="tiket-saat-ini">
      <h2 id="tiket-saat-ini" className="konsol__label">
        Tiket di loket ini
      </h2>
      <p className="konsol__kode" data-testid="konsol-kode">
        {tiket.kode}
      </p>
      <p>
        <span className={`badge ${dipanggil ? "badge--pending" : "badge--ok"}`}>{STATUS_TIKET[tiket.status]}</span> {tiket.grup.nama}
        {tiket.layanan && <> · {tiket.layanan.nama}</>}
      </p>
      <p className="muted small">
        Diambil {jam(tiket.diambilAt)} · dipanggil {jam(tiket.dipanggilAt)}
        {(tiket.panggilanKe ?? 0) > 1 && <> ({tiket.panggilanKe}×)</>}
        {tiket.dilayaniAt && <> · dilayani sejak {jam(tiket.dilayaniAt)}</>}
      </p>
      <div className="konsol__aksi">
        {dipanggil && (
          <>
            <button type="button" className="button button--primary" disabled={!!sibuk} onClick={() => onAksi("layani")}>
              {sibuk === "layani" ? "Memproses…" : "Mulai layani"}
            </button>
            <button type="button" className="button button--secondary" disabled={!!sibuk} onClick={() => onAksi("ulang")}>
              {sibuk === "ulang" ? "Memanggil…" : "Panggil ulang"}
            </button>
            <button type="button" className="button button--secondary" disabled={!!sibuk} onClick={() => onAksi("tidakHadir")}>
              Tidak hadir
            </button>
          </>
        )}
        {tiket.status === "DILAYANI" && (
          <button type="button" className="button button--primary" disabled={!!sibuk} onClick={() => onAksi("selesai")}>
            {sibuk === "selesai" ? "Memproses…" : "Selesai"}
          </button>
        )}
      </div>
      <p className="konsol__tautan">
        {tiket.pengajuan ? (
          <Link to={`/petugas/pengajuan/${rawId(tiket.pengajuan.id)}`}>Buka pengajuan {tiket.pengajuan.nomorRegistrasi ?? ""}</Link>
        ) : (
          <Link to={`/loket/baru?tiket=${rawId(tiket.id)}`}>Layani di loket (catat pengajuan)</Link>
        )}
      </p>
    </section>
  );
}

function AmbilTiketLoket({
  instansiId,
  grup,
}: {
  instansiId: string;
  grup: ReadonlyArray<{ id: string; nama: string; layanan: ReadonlyArray<{ id: string; nama: string }> }>;
}) {
  const id = useId();
  const [grupId, setGrupId] = useState("");
  const [layananId, setLayananId] = useState("");
  const [pesan, setPesan] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [{ fetching }, ambil] = useMutation(AmbilTiketMutation);
  const dipilih = grup.find((g) => g.id === grupId) ?? grup[0];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!dipilih || fetching) return;
    setPesan(null);
    const result = await ambil({ instansiId, grupId: dipilih.id, layananId: layananId || null });
    const r = result.data?.ambilTiket;
    if (r?.__typename === "AmbilTiketSuccess") {
      const depan = r.data.menungguDiDepan;
      setPesan({
        kind: "success",
        text: `Tiket ${r.data.kode} dibuat (${r.data.grup.nama}). ${depan === 0 ? "Tidak ada yang menunggu di depannya." : `${depan} orang di depannya.`}`,
      });
      setLayananId("");
      return;
    }
    setPesan({ kind: "error", text: failureMessage(r, result.error) ?? "" });
  }

  if (!dipilih) return null;
  return (
    <details className="card konsol__ambil">
      <summary>Buat tiket untuk pengunjung di loket</summary>
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-grup`}>
            Grup antrian
          </label>
          <select
            id={`${id}-grup`}
            value={dipilih.id}
            onChange={(e) => {
              setGrupId(e.target.value);
              setLayananId("");
            }}
          >
            {grup.map((g) => (
              <option key={g.id} value={g.id}>
                {g.nama}
              </option>
            ))}
          </select>
        </div>
        {dipilih.layanan.length > 0 && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-layanan`}>
              Layanan <span className="field__optional">(tidak wajib)</span>
            </label>
            <select id={`${id}-layanan`} value={layananId} onChange={(e) => setLayananId(e.target.value)}>
              <option value="">— Belum ditentukan —</option>
              {dipilih.layanan.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.nama}
                </option>
              ))}
            </select>
          </div>
        )}
        {pesan && <FormMessage kind={pesan.kind}>{pesan.text}</FormMessage>}
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={fetching}>
            {fetching ? "Membuat…" : "Buat tiket"}
          </button>
        </div>
      </form>
    </details>
  );
}

function Konsol({ instansiId }: { instansiId: string }) {
  const uid = useId();
  const [{ data: setup, fetching: setupFetching, error: setupError }, refetchSetup] = useQuery({ query: KonsolLoketQuery, variables: { instansiId } });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TiketHariIniQuery,
    variables: { instansiId, status: AKTIF },
    context: useRef({ additionalTypenames: ["TiketAntrian"] }).current,
  });
  const [{ data: papan }] = useSubscription({ query: PapanAntrianSubscription, variables: { instansiId } });
  const [pilihan, setPilihan] = useState<Pilihan>(() => bacaPilihan(instansiId));
  const [sibuk, setSibuk] = useState<Aksi | null>(null);
  const [pesan, setPesan] = useState<{ kind: "error" | "info" | "success"; text: string } | null>(null);
  const [announce, setAnnounce] = useState("");
  const [, panggil] = useMutation(PanggilBerikutnyaMutation);
  const [, ulang] = useMutation(PanggilUlangTiketMutation);
  const [, layani] = useMutation(LayaniTiketMutation);
  const [, tidakHadir] = useMutation(TiketTidakHadirMutation);
  const [, selesaikan] = useMutation(SelesaikanTiketMutation);

  // another counter called, a kiosk issued a ticket: the lists on screen are fetched again (a burst once)
  useEffect(() => {
    if (!papan) return;
    const timer = setTimeout(() => {
      refetch({ requestPolicy: "network-only" });
      refetchSetup({ requestPolicy: "network-only" });
    }, 300);
    return () => clearTimeout(timer);
  }, [papan, refetch, refetchSetup]);

  const loketList = (setup?.loketInstansi ?? []).filter((l) => l.aktif);
  const grupList = (setup?.grupAntrian ?? []).filter((g) => g.aktif);
  const loket = loketList.find((l) => l.id === pilihan.loketId) ?? null;
  const grupIds = (pilihan.grupIds ?? grupList.map((g) => g.id)).filter((id) => grupList.some((g) => g.id === id));
  const tiket = data?.tiketHariIni ?? [];
  const saatIni = loket ? tiketDiLoket(tiket, loket.id) : null;

  function ubahPilihan(next: Partial<Pilihan>) {
    const p = { ...pilihan, ...next };
    setPilihan(p);
    simpanPilihan(instansiId, p);
  }

  async function jalankan(aksi: Aksi) {
    if (sibuk) return;
    setSibuk(aksi);
    setPesan(null);
    try {
      if (aksi === "panggil") {
        if (!loket) return;
        const result = await panggil({ loketId: loket.id, grupIds });
        const r = result.data?.panggilBerikutnya;
        if (r?.__typename === "PanggilBerikutnyaSuccess") {
          setAnnounce(`Memanggil ${r.data.kode}.`);
        } else if (errorOf(r)?.code === "ANTRIAN_KOSONG") {
          setPesan({ kind: "info", text: "Tidak ada yang menunggu di grup yang Anda layani." });
        } else setPesan({ kind: "error", text: failureMessage(r, result.error) ?? "" });
      } else if (saatIni) {
        const id = saatIni.id;
        const result =
          aksi === "ulang"
            ? await ulang({ id })
            : aksi === "layani"
              ? await layani({ id })
              : aksi === "tidakHadir"
                ? await tidakHadir({ id })
                : await selesaikan({ id });
        const d = result.data as Record<string, { __typename: string } | null | undefined> | undefined;
        const r = d ? Object.values(d)[0] : undefined;
        if (r?.__typename.endsWith("Success")) {
          const kata = { ulang: "dipanggil ulang", layani: "sedang dilayani", tidakHadir: "ditandai tidak hadir", selesai: "selesai dilayani" } as const;
          setAnnounce(`${saatIni.kode} ${kata[aksi]}.`);
        } else setPesan({ kind: "error", text: failureMessage(r, result.error) ?? "" });
      }
    } finally {
      setSibuk(null);
      refetch({ requestPolicy: "network-only" });
    }
  }

  const menungguPerGrup = grupList.map((g) => ({ grup: g, tiket: tiket.filter((t) => t.status === "MENUNGGU" && t.grup.id === g.id) }));

  return (
    <>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <QueryState fetching={setupFetching} error={setupError} loaded={!!setup}>
        Memuat loket…
      </QueryState>
      {setup && loketList.length === 0 && (
        <p className="card">
          Belum ada loket aktif di instansi ini. Admin instansi menambahkannya di <Link to="/admin/antrian">Admin › Antrian</Link>.
        </p>
      )}
      {setup && loketList.length > 0 && (
        <div className="konsol">
          <section className="card konsol__pilih" aria-labelledby={`${uid}-pilih`}>
            <h2 id={`${uid}-pilih`} className="konsol__label">
              Loket saya
            </h2>
            <div className="field">
              <label className="field__label" htmlFor={`${uid}-loket`}>
                Loket
              </label>
              <select id={`${uid}-loket`} value={loket?.id ?? ""} onChange={(e) => ubahPilihan({ loketId: e.target.value })}>
                <option value="">— Pilih loket —</option>
                {loketList.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.nama}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="choice">
              <legend className="field__label">Grup yang saya panggil</legend>
              {grupList.length === 0 && <p className="muted">Belum ada grup antrian aktif.</p>}
              {grupList.map((g) => (
                <label key={g.id} className="check">
                  <input
                    type="checkbox"
                    checked={grupIds.includes(g.id)}
                    onChange={(e) => ubahPilihan({ grupIds: e.target.checked ? [...grupIds, g.id] : grupIds.filter((x) => x !== g.id) })}
                  />
                  <span>
                    {g.kode} — {g.nama} <span className="muted">({g.menunggu} menunggu)</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </section>

          <div className="konsol__kerja">
            {pesan && <FormMessage kind={pesan.kind}>{pesan.text}</FormMessage>}
            {!loket && <p className="card">Pilih loket Anda dahulu: nomor yang dipanggil tampil di layar bersama nama loket itu.</p>}
            {loket && saatIni && <TiketSaatIni tiket={saatIni} sibuk={sibuk} onAksi={(a) => void jalankan(a)} />}
            {loket && !saatIni && (
              <section className="card konsol__saat-ini" aria-labelledby={`${uid}-kosong`}>
                <h2 id={`${uid}-kosong`} className="konsol__label">
                  {loket.nama}
                </h2>
                <p className="muted">Tidak ada tiket yang sedang dilayani di loket ini.</p>
                <button
                  type="button"
                  className="button button--primary konsol__panggil"
                  disabled={!!sibuk || grupIds.length === 0}
                  onClick={() => void jalankan("panggil")}
                >
                  {sibuk === "panggil" ? "Memanggil…" : "Panggil berikutnya"}
                </button>
                {grupIds.length === 0 && <p className="muted small">Pilih paling sedikit satu grup yang Anda panggil.</p>}
              </section>
            )}
            {loket && saatIni && (
              <p className="konsol__berikutnya">
                <button type="button" className="button button--secondary" disabled={!!sibuk || grupIds.length === 0} onClick={() => void jalankan("panggil")}>
                  {sibuk === "panggil" ? "Memanggil…" : "Panggil berikutnya"}
                </button>{" "}
                <span className="muted small">
                  {saatIni.kode} {saatIni.status === "DIPANGGIL" ? "ditandai tidak hadir" : "diselesaikan"} lebih dahulu.
                </span>
              </p>
            )}
            <AmbilTiketLoket instansiId={instansiId} grup={grupList} />
          </div>

          <section className="konsol__menunggu" aria-labelledby={`${uid}-menunggu`}>
            <div className="section-head">
              <h2 id={`${uid}-menunggu`}>Menunggu hari ini</h2>
              <LiveNote />
            </div>
            <QueryState fetching={fetching} error={error} loaded={!!data} staleError>
              Memuat antrian hari ini…
            </QueryState>
            {menungguPerGrup.map(({ grup, tiket: list }) => (
              <div key={grup.id} className="konsol__grup">
                <h3>
                  {grup.kode} — {grup.nama} <span className="tab__count">{list.length}</span>
                  {grupIds.includes(grup.id) && <span className="badge badge--info konsol__saya">grup saya</span>}
                </h3>
                {list.length === 0 ? (
                  <p className="muted small">Tidak ada yang menunggu.</p>
                ) : (
                  <ol className="konsol__daftar">
                    {list.map((t) => (
                      <li key={t.id}>
                        <span className="mono konsol__daftar-kode">{t.kode}</span>
                        <span>{t.layanan?.nama ?? "—"}</span>
                        <span className="muted small">
                          {jam(t.diambilAt)} · {t.sumber === "KIOSK" ? "kios" : "loket"}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </section>
        </div>
      )}
    </>
  );
}

/** /loket — the counter officer's console: call the next number, serve it, finish it. */
export default function KonsolLoketPage() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <>
      <PageTitle>Loket antrian</PageTitle>
      <p>
        <Link to="/loket/kunjungan">Kunjungan terjadwal hari ini</Link> · <Link to="/loket/konsultasi">Konsultasi (helpdesk)</Link> ·{" "}
        <Link to="/loket/pelatihan">Pelatihan</Link>
      </p>
      {picker}
      {instansiId && !waiting ? <Konsol key={instansiId} instansiId={instansiId} /> : <p aria-busy="true">Memuat…</p>}
    </>
  );
}
