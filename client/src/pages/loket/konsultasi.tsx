import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { useFragment as unmask, type FragmentType } from "../../gql";
import type { KanalKonsultasi, KonsultasiItemFragment as Item } from "../../gql/graphql";
import { useDeskInstansi } from "../../components/desk-instansi";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, FormMessage, RadioChoice } from "../../components/field";
import { QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { errorOf } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { DEFAULT_ZONE, formatDateTime, todayIn } from "../../lib/format";
import { KANAL_KONSULTASI_LABEL } from "../../lib/labels";
import { LayananMejaQuery } from "./layanan-meja";
import {
  CatatKonsultasiMutation,
  EskalasiKonsultasiMutation,
  JawabKonsultasiMutation,
  KonsultasiItemFragment,
  KonsultasiMejaQuery,
  RingkasanKonsultasiQuery,
} from "../konsultasi/documents";
import { TautanSurvei } from "../konsultasi/tautan-survei";
import "../konsultasi/konsultasi.css";

/**
 * /loket/konsultasi — the helpdesk's consultations at the service desk: a question that came by phone, in person,
 * WhatsApp or email is recorded (answered on the spot, or left open); an open one is escalated to another body
 * (e.g. LKPP), which promises the caller a callback by the service's deadline, or answered. The answered ones and
 * the year's counts are a tab and a line away.
 */

export const KANAL_KONSULTASI: Readonly<Record<KanalKonsultasi, string>> = KANAL_KONSULTASI_LABEL;
const KANAL_OPSI = (["TELEPON", "LANGSUNG", "WHATSAPP", "EMAIL"] as const).map((k) => [k, KANAL_KONSULTASI[k]] as const);

const FIELDS = ["namaPenanya", "organisasi", "kontak", "kanal", "layananId", "pertanyaan", "jawaban"];

interface Values {
  namaPenanya: string;
  organisasi: string;
  kontak: string;
  kanal: KanalKonsultasi;
  layananId: string;
  pertanyaan: string;
  jawaban: string;
}

const EMPTY: Values = { namaPenanya: "", organisasi: "", kontak: "", kanal: "TELEPON", layananId: "", pertanyaan: "", jawaban: "" };

const CONFLICT_MESSAGE = "Konsultasi ini baru saja diubah petugas lain. Muat ulang daftar, lalu periksa kembali.";

interface Zona {
  zonaWaktu: string;
  zonaWaktuLabel: string;
}

function CatatKonsultasi({
  instansiId,
  layanan,
  loading,
  onSaved,
}: {
  instansiId: string;
  layanan: ReadonlyArray<{ id: string; nama: string }>;
  loading: boolean;
  onSaved: (k: Item) => void;
}) {
  const uid = useId();
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [{ fetching }, catat] = useMutation(CatatKonsultasiMutation);
  const [pesan, setPesan] = useState<string | null>(null);
  // answered on the spot: its survey link, to give the caller before they hang up or leave
  const [baru, setBaru] = useState<Item | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setPesan(null);
    setBaru(null);
    setFormError(null);
    const r = await catat({
      input: {
        instansiId,
        layananId: v.layananId || null,
        namaPenanya: v.namaPenanya.trim(),
        organisasi: v.organisasi.trim() || null,
        kontak: v.kontak.trim(),
        kanal: v.kanal,
        pertanyaan: v.pertanyaan.trim(),
        jawaban: v.jawaban.trim() || null,
      },
    });
    const res = r.data?.catatKonsultasi;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename !== "CatatKonsultasiSuccess") return form.showApiError(res);
    const k = unmask(KonsultasiItemFragment, res.data);
    form.setValues(EMPTY);
    form.setErrors({});
    setPesan(
      k.status === "SELESAI"
        ? `Konsultasi ${k.nomor} dari ${k.namaPenanya} tercatat dan sudah dijawab.`
        : `Konsultasi ${k.nomor} dari ${k.namaPenanya} tercatat. Jawab atau eskalasikan di daftar di bawah.`,
    );
    setBaru(k.tautanSurvei ? k : null);
    onSaved(k);
  }

  return (
    <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-labelledby={`${uid}-judul`}>
      <h2 id={`${uid}-judul`}>Catat konsultasi</h2>
      <ErrorSummary {...form.summary} />
      <Field name="namaPenanya" label="Nama penanya" error={errors.namaPenanya}>
        {(props) => <input {...props} type="text" autoComplete="off" maxLength={120} {...form.bind("namaPenanya")} />}
      </Field>
      <Field name="organisasi" label="Organisasi" required={false} hint="Misalnya nama perusahaan penyedia." error={errors.organisasi}>
        {(props) => <input {...props} type="text" autoComplete="off" maxLength={200} {...form.bind("organisasi")} />}
      </Field>
      <Field name="kontak" label="Kontak" hint="Nomor HP (08…) atau alamat email, untuk menjawab atau menghubungi kembali." error={errors.kontak}>
        {(props) => <input {...props} type="text" autoComplete="off" spellCheck={false} maxLength={200} {...form.bind("kontak")} />}
      </Field>
      <RadioChoice
        name="kanal"
        legend="Diterima melalui"
        options={KANAL_OPSI}
        value={v.kanal}
        onChange={(k) => set("kanal", k)}
        error={errors.kanal ?? null}
        inline
      />
      <Field name="layananId" label="Layanan" required={false} hint="Layanan yang ditanyakan, bila ada." error={errors.layananId}>
        {(props) => (
          <select {...props} {...form.bind("layananId")}>
            <option value="">{loading ? "Memuat pilihan…" : "— Tidak terkait layanan tertentu —"}</option>
            {layanan.map((l) => (
              <option key={l.id} value={l.id}>
                {l.nama}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="pertanyaan" label="Pertanyaan" error={errors.pertanyaan}>
        {(props) => <textarea {...props} rows={4} maxLength={4000} {...form.bind("pertanyaan")} />}
      </Field>
      <Field
        name="jawaban"
        label="Jawaban langsung"
        required={false}
        hint="Isi bila pertanyaan sudah dijawab saat itu juga: konsultasi langsung selesai."
        error={errors.jawaban}
      >
        {(props) => <textarea {...props} rows={3} maxLength={4000} {...form.bind("jawaban")} />}
      </Field>
      <FormActions error={formError} busy={fetching} busyText="Menyimpan…">
        Simpan konsultasi
      </FormActions>
      <div aria-live="polite">{pesan && <FormMessage kind="success">{pesan}</FormMessage>}</div>
      {baru?.tautanSurvei && <TautanSurvei url={baru.tautanSurvei} nomor={baru.nomor} />}
    </form>
  );
}

type Aksi = "eskalasi" | "jawab";

/** Escalating or answering one open consultation, with the version the officer saw. */
function AksiKonsultasi({ k, aksi, onDone, onCancel }: { k: Item; aksi: Aksi; onDone: (k: Item, aksi: Aksi) => void; onCancel: () => void }) {
  const uid = useId();
  const eskalasi = aksi === "eskalasi";
  const field = eskalasi ? "eskalasiKe" : "jawaban";
  const form = useForm({ eskalasiKe: "LKPP", jawaban: "" }, [field]);
  const [konflik, setKonflik] = useState(false);
  const [{ fetching: f1 }, kirimEskalasi] = useMutation(EskalasiKonsultasiMutation);
  const [{ fetching: f2 }, kirimJawab] = useMutation(JawabKonsultasiMutation);
  const busy = f1 || f2;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    form.setFormError(null);
    setKonflik(false);
    const r = eskalasi
      ? await kirimEskalasi({ id: k.id, versi: k.versi, eskalasiKe: form.values.eskalasiKe.trim() })
      : await kirimJawab({ id: k.id, versi: k.versi, jawaban: form.values.jawaban.trim() });
    const d = r.data as Record<string, { __typename: string; data?: FragmentType<typeof KonsultasiItemFragment> } | null | undefined> | undefined;
    const res = d ? Object.values(d)[0] : undefined;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename.endsWith("Success") && res.data) return onDone(unmask(KonsultasiItemFragment, res.data), aksi);
    if (errorOf(res)?.code === "CONFLICT") {
      setKonflik(true);
      return;
    }
    form.showApiError(res);
  }

  const siapa = <span className="sr-only"> {k.nomor}</span>;
  return (
    <form ref={form.formRef} className="form konsultasi__aksi-form" noValidate onSubmit={submit} aria-labelledby={`${uid}-judul`}>
      <h4 id={`${uid}-judul`} className="sr-only">
        {eskalasi ? "Eskalasi" : "Jawab"} konsultasi {k.nomor}
      </h4>
      {eskalasi ? (
        <Field
          name="eskalasiKe"
          label="Eskalasi ke"
          hint="Lembaga yang dimintai jawaban. Penanya dihubungi kembali paling lambat sesuai waktu layanan."
          error={form.errors.eskalasiKe}
        >
          {(props) => <input {...props} type="text" maxLength={120} {...form.bind("eskalasiKe")} />}
        </Field>
      ) : (
        <Field name="jawaban" label="Jawaban" hint="Jawaban yang disampaikan kepada penanya." error={form.errors.jawaban}>
          {(props) => <textarea {...props} rows={3} maxLength={4000} {...form.bind("jawaban")} />}
        </Field>
      )}
      {konflik && (
        <p className="alert alert--error" role="alert">
          {CONFLICT_MESSAGE}
        </p>
      )}
      <FormMessage kind="error">{form.formError}</FormMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? "Menyimpan…" : eskalasi ? "Kirim eskalasi" : "Simpan jawaban"}
          {siapa}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Batal{siapa}
        </button>
      </div>
    </form>
  );
}

function KartuKonsultasi({ k, zona, onDone }: { k: Item; zona: Zona; onDone?: (k: Item, aksi: Aksi) => void }) {
  const [aksi, setAksi] = useState<Aksi | null>(null);
  const zone = zona.zonaWaktu || DEFAULT_ZONE;
  const selesai = k.status === "SELESAI";
  return (
    <li className={`card request${k.terlambat ? " request--late" : ""}`}>
      <div className="request__head">
        <h3 className="request__title mono">{k.nomor}</h3>
        <span className={`badge ${selesai ? "badge--ok" : k.status === "DIEKSKALASI" ? "badge--pending" : "badge--info"}`}>
          {selesai ? "Sudah dijawab" : k.status === "DIEKSKALASI" ? `Dieskalasi ke ${k.eskalasiKe ?? ""}` : "Belum dijawab"}
        </span>
      </div>
      <p className="request__meta">
        {KANAL_KONSULTASI[k.kanal]} · dicatat {formatDateTime(k.createdAt, zone)} {zona.zonaWaktuLabel}
        {k.dicatatOleh && <> oleh {k.dicatatOleh}</>}
      </p>
      <dl className="facts facts--compact">
        <div>
          <dt>Penanya</dt>
          <dd>
            {k.namaPenanya}
            {k.organisasi && <> — {k.organisasi}</>}
          </dd>
        </div>
        <div>
          <dt>Kontak</dt>
          <dd className="mono">{k.kontak}</dd>
        </div>
        {k.layanan && (
          <div>
            <dt>Layanan</dt>
            <dd>{k.layanan.nama}</dd>
          </div>
        )}
        <div>
          <dt>Pertanyaan</dt>
          <dd className="konsultasi__teks">{k.pertanyaan}</dd>
        </div>
        {k.jawaban && (
          <div>
            <dt>Jawaban</dt>
            <dd className="konsultasi__teks">{k.jawaban}</dd>
          </div>
        )}
      </dl>
      {k.tenggatJawab && (
        <p className={k.terlambat ? "request__todo konsultasi__tenggat konsultasi__tenggat--terlambat" : "konsultasi__tenggat"}>
          {selesai ? "Janji hubungi kembali" : "Hubungi kembali paling lambat"}{" "}
          <strong className={k.terlambat ? "sla sla--late" : "sla"}>
            {formatDateTime(k.tenggatJawab, zone)} {zona.zonaWaktuLabel}
          </strong>
          {k.terlambat && <> (lewat batas)</>}
          {k.tenggatJawabSementara && <span className="muted"> — sementara</span>}
        </p>
      )}
      {selesai && k.selesaiAt && (
        <p className="muted small">
          Dijawab {formatDateTime(k.selesaiAt, zone)} {zona.zonaWaktuLabel}
          {k.dijawabOleh && <> oleh {k.dijawabOleh}</>}
        </p>
      )}
      {selesai && k.tautanSurvei && <TautanSurvei url={k.tautanSurvei} nomor={k.nomor} />}
      {!selesai && onDone && (
        <>
          {!aksi && (
            <div className="request__actions">
              {k.status === "TERBUKA" && (
                <button type="button" className="button button--secondary button--small" onClick={() => setAksi("eskalasi")}>
                  Eskalasi<span className="sr-only"> {k.nomor}</span>
                </button>
              )}
              <button type="button" className="button button--primary button--small" onClick={() => setAksi("jawab")}>
                Jawab<span className="sr-only"> {k.nomor}</span>
              </button>
            </div>
          )}
          {aksi && (
            <AksiKonsultasi
              k={k}
              aksi={aksi}
              onCancel={() => setAksi(null)}
              onDone={(x, a) => {
                setAksi(null);
                onDone(x, a);
              }}
            />
          )}
        </>
      )}
    </li>
  );
}

const TABS = [
  { key: "terbuka", label: "Belum dijawab", selesai: false },
  { key: "selesai", label: "Sudah dijawab", selesai: true },
] as const;

function MejaKonsultasi({ instansiId }: { instansiId: string }) {
  const uid = useId();
  const [tab, setTab] = useState<(typeof TABS)[number]>(TABS[0]);
  const [announce, setAnnounce] = useState("");
  // just answered from the open list (where it no longer shows): its survey link stays here to give the caller
  const [dijawab, setDijawab] = useState<Item | null>(null);
  const [{ data: layananData, fetching: layananFetching }] = useQuery({ query: LayananMejaQuery, variables: { instansiId } });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: KonsultasiMejaQuery,
    variables: { instansiId, selesai: tab.selesai },
    requestPolicy: "cache-and-network",
  });
  const layanan = (layananData?.layananList.edges ?? []).map((e) => e.node);
  const node = layananData?.node;
  const instansi = node?.__typename === "Instansi" ? node : null;
  const zona: Zona = { zonaWaktu: instansi?.zonaWaktu ?? DEFAULT_ZONE, zonaWaktuLabel: instansi?.zonaWaktuLabel ?? "WIB" };
  const tahun = Number(todayIn(zona.zonaWaktu).slice(0, 4));
  const [{ data: ringkasan }, refetchRingkasan] = useQuery({
    query: RingkasanKonsultasiQuery,
    variables: { instansiId, tahun },
    requestPolicy: "cache-and-network",
  });
  const items = (data?.konsultasiMeja ?? []).map((k: FragmentType<typeof KonsultasiItemFragment>) => unmask(KonsultasiItemFragment, k));

  function changed(text: string) {
    setAnnounce(text);
    refetch({ requestPolicy: "network-only" });
    refetchRingkasan({ requestPolicy: "network-only" });
  }

  const r = ringkasan?.ringkasanKonsultasi;

  return (
    <>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <CatatKonsultasi
        instansiId={instansiId}
        layanan={layanan.map((l) => ({ id: l.id, nama: l.nama }))}
        loading={layananFetching && !layananData}
        onSaved={() => changed("")}
      />
      <section aria-labelledby={`${uid}-ringkasan`}>
        <h2 id={`${uid}-ringkasan`}>Ringkasan tahun {tahun}</h2>
        {!r ? (
          <p aria-busy="true">Memuat…</p>
        ) : (
          <>
            <dl className="stats">
              <div className="card">
                <dt>Jumlah konsultasi</dt>
                <dd>{r.jumlah}</dd>
              </div>
              <div className="card">
                <dt>Dijawab langsung</dt>
                <dd>{r.dijawabLangsung}</dd>
              </div>
              <div className="card">
                <dt>Dieskalasi</dt>
                <dd>{r.dieskalasi}</dd>
              </div>
              <div className="card">
                <dt>Belum dijawab</dt>
                <dd>{r.terbuka}</dd>
              </div>
              <div className="card">
                <dt>Lewat janji hubungi kembali</dt>
                <dd>{r.terlambat}</dd>
              </div>
            </dl>
            {r.perKanal.length > 0 && (
              <p className="muted small">Menurut kanal: {r.perKanal.map((p) => `${KANAL_KONSULTASI[p.kanal]} ${p.jumlah}`).join(" · ")}</p>
            )}
          </>
        )}
      </section>
      <section aria-labelledby={`${uid}-daftar`}>
        <h2 id={`${uid}-daftar`}>Daftar konsultasi</h2>
        <div className="toolbar">
          <div className="tabs" role="group" aria-label="Saring menurut status">
            {TABS.map((t) => (
              <button
                key={t.key}
                type="button"
                className={`tab${t.key === tab.key ? " tab--active" : ""}`}
                aria-pressed={t.key === tab.key}
                onClick={() => {
                  setTab(t);
                  setDijawab(null);
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <button type="button" className="button button--quiet button--small" onClick={() => refetch({ requestPolicy: "network-only" })}>
            Muat ulang daftar
          </button>
        </div>
        {dijawab?.tautanSurvei && (
          <div className="card konsultasi__baru-dijawab">
            <p>
              Konsultasi <span className="mono">{dijawab.nomor}</span> dari {dijawab.namaPenanya} sudah dijawab.
            </p>
            <TautanSurvei url={dijawab.tautanSurvei} nomor={dijawab.nomor} />
          </div>
        )}
        <QueryState fetching={fetching} error={error} loaded={!!data} staleError />
        {data && items.length === 0 && (
          <p className="card">{tab.selesai ? "Belum ada konsultasi yang dijawab." : "Tidak ada konsultasi yang menunggu jawaban."}</p>
        )}
        {items.length > 0 && (
          <ul className="request-list">
            {items.map((k) => (
              <KartuKonsultasi
                key={`${k.id}-${k.versi}`}
                k={k}
                zona={zona}
                onDone={
                  tab.selesai
                    ? undefined
                    : (x, a) => {
                        if (a === "jawab") setDijawab(x);
                        changed(
                          a === "eskalasi"
                            ? `Konsultasi ${x.nomor} dieskalasi ke ${x.eskalasiKe ?? ""}.`
                            : `Konsultasi ${x.nomor} sudah dijawab dan pindah ke “Sudah dijawab”.`,
                        );
                      }
                }
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default function KonsultasiPage() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <>
      <PageTitle>Konsultasi (helpdesk)</PageTitle>
      <p className="lead">
        Pertanyaan yang masuk lewat telepon, datang langsung, WhatsApp, atau email. Kembali ke <Link to="/loket">loket antrian</Link>.
      </p>
      {picker}
      {instansiId && !waiting ? <MejaKonsultasi key={instansiId} instansiId={instansiId} /> : <p aria-busy="true">Memuat…</p>}
    </>
  );
}
