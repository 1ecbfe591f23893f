import { useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import { useFragment as unmask } from "../../gql";
import type { TujuanKunjungan } from "../../gql/graphql";
import { AnswerRow } from "../../components/check-answers";
import { Field, FieldMessage, FormMessage, RadioChoice } from "../../components/field";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { errorOf, requestErrorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import {
  KunjunganItemFragment,
  KunjunganNodeQuery,
  PesanKunjunganMutation,
  PesanLayananQuery,
  SlotKunjunganBerubahSubscription,
  SlotKunjunganQuery,
  UbahJadwalKunjunganMutation,
} from "./documents";
import { TUJUAN, TUJUAN_URUT, hariKeDepan, jamDi, tanggalDi } from "./parts";
import "./kunjungan.css";

/** How many days ahead a visit can be booked (the API's slotKunjungan allows 14). */
const HARI = 14;

type Langkah = "tujuan" | "hari" | "jam" | "periksa";
interface Slot {
  mulai: string;
  selesai: string;
  kapasitas: number;
  sisa: number;
}

/**
 * /kunjungan/pesan?layanan=<id>[&pengajuan=<id>] — booking an office visit, one question a step: the purpose,
 * the day, the time (the places left follow live), the answers checked, then booked. With `ubah=<id>` the same
 * steps move an existing booking (its purpose stays). The answers live in the address, so "Ubah" links and
 * the browser's back button walk the steps.
 */
export default function PesanKunjunganPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const ubahRaw = params.get("ubah");
  const ubahValid = !ubahRaw || isUuid(ubahRaw);
  const [{ data: lama }] = useQuery({
    query: KunjunganNodeQuery,
    variables: { id: toGlobalId("Kunjungan", ubahRaw ?? "") },
    pause: !ubahRaw || !ubahValid,
  });
  const kunjunganLama = lama?.node?.__typename === "Kunjungan" ? unmask(KunjunganItemFragment, lama.node) : null;
  const layananRaw = params.get("layanan") ?? (kunjunganLama ? rawId(kunjunganLama.layanan.id) : "");
  const pengajuanRaw = params.get("pengajuan");
  const valid = isUuid(layananRaw) && ubahValid;
  const layananId = toGlobalId("Layanan", layananRaw);
  const [{ data, fetching, error }] = useQuery({ query: PesanLayananQuery, variables: { id: layananId }, pause: !valid });
  const l = data?.node?.__typename === "Layanan" ? data.node : null;

  const vars = { layananId, hari: HARI };
  const open = !!l && l.kunjungan !== "TIDAK_ADA";
  const [{ data: slotData, error: slotError }, refetchSlots] = useQuery({
    query: SlotKunjunganQuery,
    variables: vars,
    pause: !open,
    requestPolicy: "network-only",
  });
  const [{ data: live }] = useSubscription({ query: SlotKunjunganBerubahSubscription, variables: vars, pause: !open });
  const [slots, setSlots] = useState<Slot[] | null>(null);
  useEffect(() => {
    if (slotData?.slotKunjungan.__typename === "SlotKunjunganSuccess") setSlots(slotData.slotKunjungan.data);
  }, [slotData]);
  useEffect(() => {
    if (live) setSlots(live.slotKunjunganBerubah);
  }, [live]);

  const [pesanState, pesan] = useMutation(PesanKunjunganMutation);
  const [ubahState, ubah] = useMutation(UbahJadwalKunjunganMutation);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sudahAda, setSudahAda] = useState(false);
  const [catatan, setCatatan] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const uid = useId();

  // a choice shows at once: the address follows as a navigation, which React Router renders as a transition (a
  // radio button bound to the address alone would spring back until then)
  const [picked, setPicked] = useState<Record<string, string | null>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address is the trigger: once it has the choices, they are read from it
  useEffect(() => setPicked({}), [params]);
  const answer = (key: string) => (key in picked ? (picked[key] ?? null) : params.get(key));
  const tujuan = (kunjunganLama?.tujuan ?? answer("tujuan")) as TujuanKunjungan | null;
  const tanggal = answer("tanggal");
  const mulai = answer("mulai");
  const langkahParam = params.get("langkah") as Langkah | null;
  const langkah: Langkah = ubahRaw ? (langkahParam && langkahParam !== "tujuan" ? langkahParam : "hari") : (langkahParam ?? "tujuan");

  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger: each new step's question takes focus
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [langkah]);

  function go(next: Langkah, set: Record<string, string | null> = {}) {
    const p = new URLSearchParams(params);
    p.set("langkah", next);
    for (const [k, v] of Object.entries(set)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setPicked((x) => ({ ...x, ...set }));
    setFieldError(null);
    setFormError(null);
    setParams(p);
  }

  if (!valid || (data && !l) || (ubahRaw && lama && !kunjunganLama)) {
    return (
      <NotFound title="Layanan tidak ditemukan">
        Layanan ini tidak ada. Lihat <Link to="/layanan">daftar layanan</Link>.
      </NotFound>
    );
  }
  if (!l || (ubahRaw && !kunjunganLama)) {
    return (
      <Loading fetching={fetching} error={error}>
        Memuat layanan…
      </Loading>
    );
  }
  const zona = l.instansi.zonaWaktu;
  const label = l.instansi.zonaWaktuLabel;
  const tutup = !open || (slotData && slotData.slotKunjungan.__typename !== "SlotKunjunganSuccess");
  const tutupAlasan = slotData ? (errorOf(slotData.slotKunjungan)?.message ?? null) : null;

  const perHari = new Map<string, Slot[]>();
  for (const s of slots ?? []) {
    const d = tanggalDi(s.mulai, zona);
    perHari.set(d, [...(perHari.get(d) ?? []), s]);
  }
  const hariIni = slots ? hariKeDepan(zona, HARI) : [];
  const slotHari = tanggal ? (perHari.get(tanggal) ?? []) : [];
  const dipilih = mulai ? (slots?.find((s) => s.mulai === mulai) ?? null) : null;
  const dipilihPenuh = !!mulai && !!slots && (!dipilih || dipilih.sisa === 0);
  const waktu = (s: { mulai: string; selesai: string }) => `${jamDi(s.mulai, zona)}–${jamDi(s.selesai, zona)} ${label}`;
  const judul = ubahRaw ? "Ubah jadwal kunjungan" : "Pesan jadwal kunjungan";
  const langkahKe = ubahRaw ? { hari: 1, jam: 2, periksa: 3, tujuan: 1 }[langkah] : { tujuan: 1, hari: 2, jam: 3, periksa: 4 }[langkah];
  const jumlahLangkah = ubahRaw ? 3 : 4;
  const sending = pesanState.fetching || ubahState.fetching;

  async function kirim() {
    if (!mulai || !tujuan) return;
    setFormError(null);
    let answer: { __typename?: string } | null | undefined;
    let id: string | null = null;
    let requestError: Parameters<typeof requestErrorMessage>[0];
    if (kunjunganLama) {
      const r = await ubah({ id: kunjunganLama.id, mulai });
      requestError = r.error;
      answer = r.data?.ubahJadwalKunjungan;
      if (r.data?.ubahJadwalKunjungan.__typename === "UbahJadwalKunjunganSuccess") id = unmask(KunjunganItemFragment, r.data.ubahJadwalKunjungan.data).id;
    } else {
      const r = await pesan({
        input: {
          layananId,
          mulai,
          tujuan,
          pengajuanId: pengajuanRaw && isUuid(pengajuanRaw) ? toGlobalId("Pengajuan", pengajuanRaw) : null,
          catatan: catatan.trim() || null,
        },
      });
      requestError = r.error;
      answer = r.data?.pesanKunjungan;
      if (r.data?.pesanKunjungan.__typename === "PesanKunjunganSuccess") id = unmask(KunjunganItemFragment, r.data.pesanKunjungan.data).id;
    }
    if (id) {
      navigate(`/kunjungan/${rawId(id)}?${ubahRaw ? "diubah" : "baru"}=1`);
      return;
    }
    const err = errorOf(answer);
    if (!err) {
      setFormError(requestErrorMessage(requestError) ?? "Jadwal belum tersimpan. Coba lagi.");
      return;
    }
    if (err.code === "SLOT_PENUH" || err.code === "SLOT_LEWAT" || err.code === "SLOT_INVALID") {
      refetchSlots({ requestPolicy: "network-only" });
      go("jam", { mulai: null });
      setFieldError(
        err.code === "SLOT_PENUH" ? "Maaf, tempat terakhir pada jam itu baru saja dipesan orang lain. Pilih jam lain." : `${err.message} Pilih jam lain.`,
      );
      return;
    }
    setSudahAda(err.code === "SUDAH_ADA_JADWAL");
    setFormError(err.message);
  }

  return (
    <div className="narrow kunjungan-pesan">
      <p className="breadcrumb">
        <Link to="/kunjungan">Jadwal kunjungan saya</Link> <span aria-hidden="true">›</span> {l.nama}
      </p>
      <PageTitle>{judul}</PageTitle>
      <p className="lead">
        {l.nama} di {l.instansi.nama}
        {l.instansi.alamat && <span className="muted">, {l.instansi.alamat}</span>}
      </p>
      {kunjunganLama && (
        <p className="alert alert--info">
          Jadwal Anda sekarang: {formatDate(tanggalDi(kunjunganLama.mulai, zona))}, {waktu(kunjunganLama)}. Jadwal lama dilepas setelah jadwal baru tersimpan.
        </p>
      )}

      {tutup ? (
        <FormMessage kind="info">
          {tutupAlasan ?? "Layanan ini tidak menerima jadwal kunjungan."} Lihat <Link to={`/layanan/${layananRaw}`}>halaman layanan</Link>.
        </FormMessage>
      ) : (
        <section className="card" aria-labelledby={`${uid}-h`}>
          <p className="muted small">
            Langkah {langkahKe} dari {jumlahLangkah}
          </p>
          {langkah === "tujuan" && (
            <>
              <h2 id={`${uid}-h`} ref={headingRef} tabIndex={-1}>
                Apa keperluan kunjungan Anda?
              </h2>
              <RadioChoice
                name="tujuan"
                legend="Keperluan"
                options={TUJUAN_URUT.map((t) => [t, <TujuanOption key={t} t={t} />] as const)}
                value={(tujuan ?? "") as TujuanKunjungan}
                onChange={(t) => go("tujuan", { tujuan: t })}
                error={fieldError}
              />
              <button type="button" className="button button--primary" onClick={() => (tujuan ? go("hari") : setFieldError("Pilih keperluan kunjungan Anda."))}>
                Lanjut
              </button>
            </>
          )}

          {langkah === "hari" && (
            <>
              <h2 id={`${uid}-h`} ref={headingRef} tabIndex={-1}>
                Pilih hari kunjungan
              </h2>
              <p className="muted">Jadwal {HARI} hari ke depan. Hari tanpa jadwal adalah hari kantor tutup atau jadwalnya sudah penuh.</p>
              {!slots ? (
                <Loading fetching={!slotError} error={slotError}>
                  Memuat jadwal…
                </Loading>
              ) : (
                <ul className="kunjungan-hari">
                  {hariIni.map((d) => {
                    const list = perHari.get(d) ?? [];
                    const sisa = list.reduce((n, s) => n + s.sisa, 0);
                    const bisa = sisa > 0;
                    return (
                      <li key={d}>
                        <button
                          type="button"
                          className={`kunjungan-hari__pilih${tanggal === d ? " kunjungan-hari__pilih--dipilih" : ""}`}
                          disabled={!bisa}
                          aria-pressed={tanggal === d}
                          onClick={() => go("jam", { tanggal: d, mulai: null })}
                        >
                          <span className="kunjungan-hari__tanggal">{formatDate(d)}</span>
                          <span className="kunjungan-hari__sisa">
                            {list.length === 0 ? "Tutup" : bisa ? `${list.filter((s) => s.sisa > 0).length} jam tersedia` : "Penuh"}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          )}

          {langkah === "jam" && (
            <>
              <h2 id={`${uid}-h`} ref={headingRef} tabIndex={-1}>
                Pilih jam kunjungan
              </h2>
              <p>
                {tanggal ? formatDate(tanggal) : ""} ·{" "}
                <button type="button" className="button button--quiet button--small" onClick={() => go("hari", { mulai: null })}>
                  Ganti hari
                </button>
              </p>
              <fieldset className="choice" aria-describedby={`${uid}-jam-msg`}>
                <legend className="field__label">Jam (waktu {label})</legend>
                <p className="muted small">Sisa tempat diperbarui langsung saat orang lain memesan.</p>
                {!slots ? (
                  <p aria-busy="true">Memuat jadwal…</p>
                ) : slotHari.length === 0 ? (
                  <p>Tidak ada jadwal pada hari ini. Pilih hari lain.</p>
                ) : (
                  <div className="choice__options kunjungan-jam">
                    {slotHari.map((s) => (
                      <label key={s.mulai} className={`choice__option${s.sisa === 0 ? " kunjungan-jam--penuh" : ""}`}>
                        <input
                          type="radio"
                          name="mulai"
                          value={s.mulai}
                          checked={mulai === s.mulai}
                          disabled={s.sisa === 0}
                          aria-invalid={!!fieldError}
                          onChange={() => go("jam", { mulai: s.mulai })}
                        />
                        <span>
                          <strong>{waktu(s)}</strong>{" "}
                          <span className="kunjungan-jam__sisa" data-mulai={s.mulai}>
                            {s.sisa === 0 ? "Penuh" : `sisa ${s.sisa} dari ${s.kapasitas} tempat`}
                          </span>
                        </span>
                      </label>
                    ))}
                  </div>
                )}
                <FieldMessage id={`${uid}-jam-msg`} error={fieldError ?? (dipilihPenuh ? "Jam yang Anda pilih baru saja penuh. Pilih jam lain." : null)} />
              </fieldset>
              <button
                type="button"
                className="button button--primary"
                onClick={() => (mulai && !dipilihPenuh ? go("periksa") : setFieldError("Pilih jam yang masih ada tempatnya."))}
              >
                Lanjut
              </button>
            </>
          )}

          {langkah === "periksa" && (
            <>
              <h2 id={`${uid}-h`} ref={headingRef} tabIndex={-1}>
                Periksa kembali jadwal Anda
              </h2>
              <dl className="check-answers__list">
                <AnswerRow label="Layanan" value={l.nama} to={`/layanan/${layananRaw}`} />
                {!ubahRaw && <AnswerRow label="Keperluan" value={tujuan ? TUJUAN[tujuan].label : "—"} to={{ search: withStep(params, "tujuan") }} />}
                <AnswerRow label="Hari" value={tanggal ? formatDate(tanggal) : "—"} to={{ search: withStep(params, "hari") }} />
                <AnswerRow label="Jam" value={dipilih ? waktu(dipilih) : "—"} to={{ search: withStep(params, "jam") }} />
                <div className="check-answers__row">
                  <dt>Tempat</dt>
                  <dd>
                    {l.instansi.nama}
                    {l.instansi.alamat && `, ${l.instansi.alamat}`}
                  </dd>
                </div>
              </dl>
              {dipilihPenuh && <FormMessage kind="error">Jam yang Anda pilih baru saja penuh. Pilih jam lain.</FormMessage>}
              {!ubahRaw && (
                <Field name="catatan" label="Catatan untuk petugas" required={false} hint="Misalnya dokumen yang akan Anda bawa.">
                  {(props) => <textarea {...props} rows={2} maxLength={500} value={catatan} onChange={(e) => setCatatan(e.target.value)} />}
                </Field>
              )}
              <p className="muted">Kami mengirim pengingat sehari sebelum kunjungan. Bawa KTP dan dokumen asli yang diminta.</p>
              <FormMessage kind="error">
                {formError}
                {sudahAda && (
                  <>
                    {" "}
                    <Link to="/kunjungan">Lihat jadwal kunjungan saya</Link>.
                  </>
                )}
              </FormMessage>
              <button type="button" className="button button--primary" disabled={sending || dipilihPenuh || !mulai} onClick={kirim}>
                {sending ? "Menyimpan…" : ubahRaw ? "Simpan jadwal baru" : "Pesan jadwal"}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}

function TujuanOption({ t }: { t: TujuanKunjungan }) {
  return (
    <span>
      <strong>{TUJUAN[t].label}</strong>
      <br />
      <span className="muted small">{TUJUAN[t].keterangan}</span>
    </span>
  );
}

function withStep(params: URLSearchParams, langkah: Langkah): string {
  const p = new URLSearchParams(params);
  p.set("langkah", langkah);
  return `?${p.toString()}`;
}
