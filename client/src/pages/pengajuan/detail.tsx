import { useEffect, useRef, useState } from "react";
import { useLiveHighlight } from "../../lib/live-highlight";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { useClient, useMutation } from "urql";
import { graphql, useFragment } from "../../gql";
import type { PengajuanDetail_PengajuanFragment as Detail, PengajuanLiveSubscription as LiveEvent, PengajuanStatus, PengirimanOpsi } from "../../gql/graphql";
import { PengajuanBadge } from "../../components/badges";
import { CardSection } from "../../components/card-section";
import { PengajuanTenggat } from "../../components/deadline";
import { DocumentSlots, slotKey, type UploadSlot } from "../../components/document-slots";
import { Fact, TimeFact } from "../../components/facts";
import { ErrorSummary } from "../../components/error-summary";
import { FormMessage, RadioChoice } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { checkServiceForm, ServiceForm, toFormValues } from "../../components/service-form";
import { Survey } from "../../components/survey";
import { PengajuanRiwayat } from "../../components/timeline";
import { requestErrorMessage, type ApiError, type FieldErrors, failureMessage, errorOf, problemsOf } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { formatDate, formatDateTime } from "../../lib/format";
import { rawId, toGlobalId } from "../../lib/ids";
import { useLivePengajuan } from "../../lib/live";
import { useStartPengajuan } from "../../lib/start-pengajuan";
import { uploadMutation } from "../../lib/upload";
import { AutosaveNote } from "./autosave-note";
import { useDraftAutosave, type DraftValues, type SaveOutcome, type ServerCopy } from "./autosave";
import { PeriksaKembali } from "./periksa";

export const PengajuanDetail_PengajuanFragment = graphql(`
  fragment PengajuanDetail_Pengajuan on Pengajuan {
    id
    versi
    seq
    status
    statusLabel
    nomorRegistrasi
    formData
    pengiriman
    diajukanAt
    diajukanUlangAt
    selesaiAt
    aksiTersedia
    dapatDiubah
    bolehSurvei
    buktiUrl
    alasanTolak
    diambilAt
    diambilOleh
    layanan {
      id
      nama
      kunjungan
      unduhOnline
      ambilDiKantor
      formFields {
        nama
        label
        tipe
        wajib
        pola
        min
        max
        opsi
        ...ServiceForm_FormField
      }
      persyaratan {
        id
        label
        wajib
        ...DocumentSlots_Persyaratan
      }
    }
    instansi {
      id
      nama
      alamat
      telepon
      zonaWaktu
      zonaWaktuLabel
    }
    dokumen {
      id
      namaFile
      ukuran
      persyaratan {
        id
      }
      ...DocumentSlots_Dokumen
    }
    hasil {
      id
      judul
      namaFile
      url
      kodeVerifikasi
    }
    riwayat {
      seq
      aksi
      pesan
    }
    ...PengajuanTenggat_Pengajuan
    ...PengajuanRiwayat_Pengajuan
  }
`);

const PengajuanPageQuery = graphql(`
  query PengajuanPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Pengajuan {
        id
        versi
        ...PengajuanDetail_Pengajuan
      }
    }
  }
`);

const PengajuanLiveSubscription = graphql(`
  subscription PengajuanLive($id: ID!, $setelahSeq: Int) {
    pengajuanBerubah(id: $id, setelahSeq: $setelahSeq) {
      seq
      pengajuan {
        id
        versi
        ...PengajuanDetail_Pengajuan
      }
    }
  }
`);

const SavePengajuanMutation = graphql(`
  mutation SavePengajuan($id: ID!, $versi: Int!, $formData: JSON, $pengiriman: PengirimanOpsi) {
    updatePengajuan(id: $id, versi: $versi, formData: $formData, pengiriman: $pengiriman) {
      __typename
      ... on UpdatePengajuanSuccess {
        data {
          id
          versi
          ...PengajuanDetail_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

const UploadDokumenMutation = graphql(`
  mutation UploadDokumen($id: ID!, $versi: Int!, $berkas: [DokumenUploadInput!]!) {
    uploadDokumenPengajuan(id: $id, versi: $versi, berkas: $berkas) {
      __typename
      ... on UploadDokumenPengajuanSuccess {
        data {
          id
          versi
          ...PengajuanDetail_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

const CitizenActionMutation = graphql(`
  mutation CitizenAction($id: ID!, $versi: Int!, $aksi: AksiPengajuan!) {
    ubahStatusPengajuan(id: $id, versi: $versi, aksi: $aksi) {
      __typename
      ... on UbahStatusPengajuanSuccess {
        data {
          id
          versi
          ...PengajuanDetail_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

/** One copy of the pengajuan: the query's, the stream's or a mutation's answer. */
type Snapshot = LiveEvent["pengajuanBerubah"]["pengajuan"];

const EXPLAIN: Partial<Record<PengajuanStatus, string>> = {
  DRAFT: "Belum diajukan. Isi formulir dan unggah dokumen; isian tersimpan otomatis dan dapat dilanjutkan kapan saja. Periksa kembali, lalu tekan “Ajukan”.",
  DIAJUKAN: "Sudah diterima dan menunggu pemeriksaan berkas oleh petugas. Batas waktu penyelesaian mulai dihitung setelah berkas dinyatakan lengkap.",
  DIVERIFIKASI: "Berkas Anda lengkap. Petugas akan segera memprosesnya.",
  DIPROSES: "Sedang diproses oleh petugas.",
  MENUNGGU_TTD: "Surat hasil layanan sudah dibuat dan sedang menunggu tanda tangan pejabat. Anda menerimanya di Log Inbox setelah ditandatangani.",
  SELESAI: "Selesai. Dokumen hasil dapat diunduh di bawah ini dan di Log Inbox.",
  DIBATALKAN: "Pengajuan ini Anda batalkan.",
};

/** The delivery choice travels with the form's values in the autosave, under a key no form field can have. */
const PENGIRIMAN_KEY = "@pengiriman";

const PENGIRIMAN_LABEL: Record<PengirimanOpsi, string> = { UNDUH: "Unduh dari Loket (Log Inbox)", AMBIL: "Ambil di kantor" };
const PENGIRIMAN = [
  ["UNDUH", PENGIRIMAN_LABEL.UNDUH],
  ["AMBIL", PENGIRIMAN_LABEL.AMBIL],
] as const;

/** Places each problem of an API error at the field it names (a form value, a document slot, the delivery option) or at the form. */
function placeApiError(err: ApiError, slotIds: readonly string[], uploadSlot?: string): { fields: FieldErrors; form: string | null } {
  const fields: FieldErrors = {};
  const form: string[] = [];
  for (const { field, message } of problemsOf(err)) {
    const f = field ?? "";
    const at =
      f.startsWith("formData.") || (f.startsWith("persyaratan.") && slotIds.includes(f.slice("persyaratan.".length)))
        ? f
        : uploadSlot && f.startsWith("berkas")
          ? slotKey(uploadSlot)
          : f === "pengiriman"
            ? f
            : null;
    if (at) fields[at] ||= message;
    else form.push(message);
  }
  return { fields, form: form.length ? form.join(" ") : null };
}

export default function PengajuanPage() {
  const { id = "" } = useParams();
  const { notFound, fetching, error, current, accept, streamError } = useLivePengajuan({
    id,
    query: PengajuanPageQuery,
    subscription: PengajuanLiveSubscription,
    seqOf: (copy: Snapshot) => useFragment(PengajuanDetail_PengajuanFragment, copy).seq,
  });
  const [announce, setAnnounce] = useState("");
  const p = useFragment(PengajuanDetail_PengajuanFragment, current);
  const lastStatus = useRef<PengajuanStatus | null>(null);

  useEffect(() => {
    if (!p) return;
    if (lastStatus.current && lastStatus.current !== p.status) setAnnounce(`Status pengajuan berubah: ${p.statusLabel}.`);
    lastStatus.current = p.status;
  }, [p?.status, p?.statusLabel, p]);

  if (notFound) {
    return (
      <NotFound title="Pengajuan tidak ditemukan">
        Pengajuan ini tidak ada atau bukan milik Anda. Lihat <Link to="/pengajuan">Log Pengajuan</Link> Anda.
      </NotFound>
    );
  }
  if (!p || !current)
    return (
      <Loading fetching={fetching} error={error}>
        Memuat pengajuan…
      </Loading>
    );

  return <PengajuanView key={p.id} p={p} versi={current.versi} onChanged={accept} announce={announce} streamError={streamError} />;
}

function PengajuanView({
  p,
  versi,
  onChanged,
  announce,
  streamError,
}: {
  p: Detail;
  versi: number;
  onChanged: (s: Snapshot) => void;
  announce: string;
  streamError: string | null;
}) {
  const editable = p.dapatDiubah;
  const slotIds = p.layanan.persyaratan.map((s) => s.id);
  const order = [...p.layanan.formFields.map((f) => `formData.${f.nama}`), ...slotIds.map(slotKey), "pengiriman"];
  // the values are the autosave's (typed text wins over the server's copy until saved); the form's messages, focus and summary are the hook's
  const { errors, setErrors, formError, setFormError, formRef, summary, showErrors } = useForm({}, order);
  const [busy, setBusy] = useState<null | "simpan" | "periksa" | "ajukan" | "batal" | "ulang">(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const versiRef = useRef(versi);
  versiRef.current = Math.max(versiRef.current, versi);
  const statusRef = useRef<HTMLDivElement>(null);
  const changed = useLiveHighlight(p.status);
  const [, save] = useMutation(SavePengajuanMutation);
  const [, act] = useMutation(CitizenActionMutation);
  const client = useClient();
  const { start: restart } = useStartPengajuan();
  const [params, setParams] = useSearchParams();
  const step = editable && params.get("langkah") === "periksa" ? "periksa" : "isi";
  const ubah = params.get("ubah");

  const serverCopy = (c: { formData: unknown; pengiriman: PengirimanOpsi; versi: number }): ServerCopy => ({
    values: { ...toFormValues(c.formData), [PENGIRIMAN_KEY]: c.pengiriman },
    versi: c.versi,
  });

  const autosave = useDraftAutosave({
    server: serverCopy({ ...p, versi }),
    enabled: editable,
    save: async (changes: DraftValues, at: number): Promise<SaveOutcome> => {
      const { [PENGIRIMAN_KEY]: chosen, ...formData } = changes;
      const r = await save({
        id: p.id,
        versi: at,
        formData: Object.keys(formData).length ? formData : null,
        pengiriman: (chosen as PengirimanOpsi | undefined) ?? null,
      });
      const res = r.data?.updatePengajuan;
      if (!res) return { kind: "failed", message: requestErrorMessage(r.error) ?? "Isian belum tersimpan." };
      if (res.__typename === "UpdatePengajuanSuccess") return { kind: "saved", versi: res.data.versi, commit: () => accept(res.data as Snapshot) };
      const err = errorOf(res);
      if (err.code === "CONFLICT") return { kind: "conflict" };
      const placed = placeApiError(err, slotIds);
      setErrors((x) => ({ ...x, ...placed.fields }));
      return { kind: "failed", message: err.message };
    },
    reload: async () => {
      const r = await client.query(PengajuanPageQuery, { id: toGlobalId("Pengajuan", rawId(p.id)) }, { requestPolicy: "network-only" }).toPromise();
      const node = r.data?.node?.__typename === "Pengajuan" ? r.data.node : null;
      if (!node) return null;
      accept(node as Snapshot);
      return serverCopy({ ...useFragment(PengajuanDetail_PengajuanFragment, node), versi: node.versi });
    },
  });
  const values = autosave.values;
  const labelOf = (key: string) => (key === PENGIRIMAN_KEY ? "Cara menerima hasil" : (p.layanan.formFields.find((f) => f.nama === key)?.label ?? key));
  const pengiriman = (values[PENGIRIMAN_KEY] ?? p.pengiriman) as PengirimanOpsi;

  // a change link from "Periksa kembali": the form opens at that field (or document, or choice)
  useEffect(() => {
    if (!ubah || step !== "isi") return;
    const el = formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(ubah)}"]`);
    el?.scrollIntoView({ block: "center" });
    el?.focus({ preventScroll: true });
  }, [ubah, step, formRef]);

  const fixMessage = p.status === "PERLU_PERBAIKAN" ? [...p.riwayat].sort((a, b) => b.seq - a.seq).find((l) => l.aksi === "MINTA_PERBAIKAN")?.pesan : null;
  const both = p.layanan.unduhOnline && p.layanan.ambilDiKantor;

  function accept(s: Snapshot) {
    versiRef.current = Math.max(versiRef.current, s.versi);
    onChanged(s);
  }

  const upload: UploadSlot = async (slotId, file, onProgress) => {
    setErrors((e) => ({ ...e, [slotKey(slotId)]: "" }));
    // typed text goes first: an upload changes the version the next save must name
    await autosave.flush();
    const r = await uploadMutation(UploadDokumenMutation, { id: p.id, versi: versiRef.current, berkas: [{ persyaratanId: slotId, file }] }, { onProgress });
    const res = r.data?.uploadDokumenPengajuan;
    if (!res) return r.failure ?? requestErrorMessage(null);
    if (res.__typename === "UploadDokumenPengajuanSuccess") {
      accept(res.data as Snapshot);
      setFormError(null);
      return null;
    }
    return errorOf(res).message;
  };

  async function saveDraft() {
    setBusy("simpan");
    await autosave.flush();
    setBusy(null);
  }

  /** "Lanjutkan": the text is saved first (a problem found below loses nothing), then checked as the submit will be. */
  async function toCheck() {
    setBusy("periksa");
    const stored = await autosave.flush();
    const local = checkServiceForm(p.layanan.formFields, values, false);
    for (const slot of p.layanan.persyaratan) {
      if (slot.wajib && !p.dokumen.some((d) => d.persyaratan.id === slot.id)) local[slotKey(slot.id)] = `${slot.label} wajib diunggah.`;
    }
    setBusy(null);
    if (Object.keys(local).length) return showErrors(local, "Masih ada yang perlu dilengkapi. Periksa isian yang ditandai.");
    if (!stored) return showErrors({}, "Isian belum tersimpan. Periksa sambungan internet Anda, lalu coba lagi.");
    setErrors({});
    setFormError(null);
    setParams({ langkah: "periksa" });
    setTimeout(() => document.getElementById("periksa-kembali")?.focus(), 0);
  }

  async function submit() {
    setBusy("ajukan");
    if (!(await autosave.flush())) {
      setBusy(null);
      setParams({});
      return showErrors({}, "Isian belum tersimpan. Periksa sambungan internet Anda, lalu coba lagi.");
    }
    const r = await act({ id: p.id, versi: versiRef.current, aksi: "AJUKAN" });
    const res = r.data?.ubahStatusPengajuan;
    setBusy(null);
    if (!res) return setFormError(requestErrorMessage(r.error));
    if (res.__typename !== "UbahStatusPengajuanSuccess") {
      const placed = placeApiError(errorOf(res), slotIds);
      // a problem with an answer is fixed on the form, where the answer is (the typed text is all still there)
      if (Object.keys(placed.fields).length) setParams({});
      return showErrors(placed.fields, placed.form);
    }
    accept(res.data as Snapshot);
    setErrors({});
    setFormError(null);
    setParams({}, { replace: true });
    setTimeout(() => statusRef.current?.focus(), 0);
  }

  async function cancel() {
    setBusy("batal");
    const r = await act({ id: p.id, versi: versiRef.current, aksi: "BATALKAN" });
    const res = r.data?.ubahStatusPengajuan;
    setBusy(null);
    setConfirmCancel(false);
    if (res?.__typename === "UbahStatusPengajuanSuccess") accept(res.data as Snapshot);
    else setFormError(failureMessage(res, r.error));
  }

  async function startAgain() {
    setBusy("ulang");
    const problem = await restart(p.layanan.id, p.id);
    setBusy(null);
    if (problem) setFormError(problem);
  }

  const zone = p.instansi.zonaWaktu;
  const z = p.instansi.zonaWaktuLabel;

  return (
    <article className="pengajuan">
      <p className="breadcrumb">
        <Link to="/pengajuan">Log Pengajuan</Link> <span aria-hidden="true">›</span> {p.nomorRegistrasi ?? "Draf"}
      </p>
      <PageTitle title={`Pengajuan ${p.layanan.nama}`}>{p.layanan.nama}</PageTitle>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>

      <div className={`card status-card ${changed}`} ref={statusRef} tabIndex={-1} role="group" aria-labelledby="status-pengajuan">
        <h2 id="status-pengajuan" className="sr-only">
          Status pengajuan
        </h2>
        <div className="status-card__row">
          <PengajuanBadge status={p.status} large />
          {p.nomorRegistrasi && (
            <p className="status-card__nomor">
              Nomor registrasi <strong className="mono">{p.nomorRegistrasi}</strong>
            </p>
          )}
        </div>
        {EXPLAIN[p.status] && <p>{EXPLAIN[p.status]}</p>}
        {p.status === "PERLU_PERBAIKAN" && (
          <div className="alert alert--warning" role="alert">
            <p>
              <strong>Petugas meminta perbaikan.</strong> Batas waktu berhenti sampai Anda mengajukan kembali.
            </p>
            {fixMessage && (
              <p>
                Pesan petugas: <q className="officer-message">{fixMessage}</q>
              </p>
            )}
            <p>Perbaiki isian atau ganti dokumen di bawah ini, lalu tekan “Ajukan kembali”.</p>
          </div>
        )}
        {p.status === "DITOLAK" && (
          <div className="alert alert--error">
            <p>
              <strong>Pengajuan ditolak.</strong> {p.alasanTolak && <>Alasan: {p.alasanTolak}</>}
            </p>
            <p>Anda dapat mengajukan ulang; isian dan dokumen dari pengajuan ini ikut disalin.</p>
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={startAgain}>
              {busy === "ulang" ? "Menyiapkan…" : "Ajukan ulang dari pengajuan ini"}
            </button>
          </div>
        )}
        {p.status === "DIBATALKAN" && (
          <p>
            <button type="button" className="button button--secondary" disabled={busy !== null} onClick={startAgain}>
              {busy === "ulang" ? "Menyiapkan…" : "Ajukan ulang"}
            </button>
          </p>
        )}
        {p.status === "SIAP_DIAMBIL" && (
          <div className="alert alert--success">
            <p>
              <strong>Dokumen siap diambil</strong> di {p.instansi.nama}
              {p.instansi.alamat && `, ${p.instansi.alamat}`}, pada jam layanan. Bawa KTP asli dan bukti pengajuan.
            </p>
          </div>
        )}
        {p.status === "DIAMBIL" && p.diambilAt && (
          <p>
            Diambil {p.diambilOleh ? `oleh ${p.diambilOleh} ` : ""}pada {formatDateTime(p.diambilAt, zone)} {z}.
          </p>
        )}
        <dl className="facts facts--compact">
          <Fact label="Kantor">{p.instansi.nama}</Fact>
          <TimeFact label="Diajukan" at={p.diajukanAt} instansi={p.instansi} />
          <TimeFact label="Diajukan ulang" at={p.diajukanUlangAt} instansi={p.instansi} />
          <PengajuanTenggat pengajuan={p} label="Selesai paling lambat" />
          <TimeFact label="Selesai" at={p.selesaiAt} instansi={p.instansi} />
        </dl>
        {p.layanan.kunjungan !== "TIDAK_ADA" && p.nomorRegistrasi && (
          <p>
            <Link className="button button--secondary" to={`/kunjungan/pesan?layanan=${rawId(p.layanan.id)}&pengajuan=${rawId(p.id)}`}>
              Pesan jadwal kunjungan
            </Link>{" "}
            <span className="muted small">
              {p.layanan.kunjungan === "WAJIB" ? "Layanan ini memerlukan kedatangan Anda ke kantor." : "Bila Anda perlu datang ke kantor."}
            </span>
          </p>
        )}
        {p.buktiUrl && (
          <p>
            <a className="button button--secondary button--small" href={p.buktiUrl} target="_blank" rel="noopener">
              Unduh bukti pengajuan (PDF)<span className="sr-only"> (tab baru)</span>
            </a>
          </p>
        )}
        <LiveNote error={streamError} />
      </div>

      {p.hasil.length > 0 && (
        <CardSection id="hasil" title="Dokumen hasil">
          <ul className="results">
            {p.hasil.map((h) => (
              <li key={h.id}>
                <a className="button button--primary" href={h.url} download={h.namaFile}>
                  Unduh {h.judul}
                </a>
                <p className="muted small">
                  {h.namaFile} · kode verifikasi <span className="mono">{h.kodeVerifikasi}</span> (periksa keaslian di{" "}
                  <Link to={`/verifikasi/${encodeURIComponent(h.kodeVerifikasi)}`}>halaman verifikasi</Link>)
                </p>
              </li>
            ))}
          </ul>
        </CardSection>
      )}

      {editable && step === "periksa" ? (
        <PeriksaKembali
          p={p}
          values={values}
          pengiriman={pengiriman}
          pengirimanLabel={PENGIRIMAN_LABEL[pengiriman]}
          showPengiriman={both}
          busy={busy === "ajukan"}
          error={formError}
          onSubmit={() => void submit()}
        />
      ) : editable ? (
        <form
          ref={formRef}
          className="pengajuan__form"
          noValidate
          aria-label="Formulir pengajuan"
          onSubmit={(e) => {
            e.preventDefault();
            void toCheck();
          }}
        >
          <ErrorSummary {...summary} />
          {p.layanan.formFields.length > 0 && (
            <section className="card" aria-labelledby="isian">
              <h2 id="isian">
                <span className="step-number" aria-hidden="true">
                  1
                </span>{" "}
                Isi formulir
              </h2>
              <ServiceForm
                fields={p.layanan.formFields}
                values={values}
                errors={errors}
                onChange={(nama, v) => {
                  autosave.change(nama, v);
                  setFormError(null);
                }}
                onFieldChecked={(key, message) => setErrors((x) => ({ ...x, [key]: message ?? "" }))}
              />
            </section>
          )}
          {p.layanan.persyaratan.length > 0 && (
            <section className="card" aria-labelledby="dokumen">
              <h2 id="dokumen">
                <span className="step-number" aria-hidden="true">
                  {p.layanan.formFields.length > 0 ? 2 : 1}
                </span>{" "}
                Unggah dokumen
              </h2>
              <p className="muted small">Berkas langsung terunggah setelah dipilih. Foto dokumen harus jelas terbaca.</p>
              <DocumentSlots slots={p.layanan.persyaratan} documents={p.dokumen} errors={errors} editable upload={upload} />
            </section>
          )}
          {both && (
            <section className="card" aria-labelledby="penerimaan">
              <RadioChoice
                name="pengiriman"
                legend="Cara menerima hasil"
                legendId="penerimaan"
                options={PENGIRIMAN}
                value={pengiriman}
                onChange={(k) => {
                  autosave.change(PENGIRIMAN_KEY, k);
                  setErrors((x) => ({ ...x, pengiriman: "" }));
                }}
                error={errors.pengiriman ?? null}
              />
            </section>
          )}
          <div className="card form-end">
            <FormMessage kind="error">{formError}</FormMessage>
            <AutosaveNote status={autosave.status} labelOf={labelOf} onDismiss={autosave.dismissConflict} />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy !== null}>
                {busy === "periksa" ? "Menyimpan…" : ubah ? "Simpan dan kembali ke pemeriksaan" : "Lanjutkan"}
              </button>
              <button type="button" className="button button--secondary" disabled={busy !== null} onClick={saveDraft}>
                {busy === "simpan" ? "Menyimpan…" : "Simpan draf"}
              </button>
            </div>
            <p className="muted small">
              Isian tersimpan otomatis saat Anda mengetik. “Lanjutkan” menampilkan semua isian dan dokumen untuk diperiksa sebelum diajukan.
            </p>
          </div>
        </form>
      ) : (
        <>
          <FormMessage kind="error">{formError}</FormMessage>
          {p.status !== "DIBATALKAN" && (
            <details className="card sent">
              <summary>
                <h2 className="sent__title">Data dan dokumen yang Anda kirim</h2>
              </summary>
              {p.layanan.formFields.length > 0 && (
                <dl className="facts facts--compact">
                  {p.layanan.formFields.map((f) => (
                    <div key={f.nama}>
                      <dt>{f.label}</dt>
                      <dd>{values[f.nama] ? (f.tipe === "DATE" ? formatDate(values[f.nama]!) : values[f.nama]) : "—"}</dd>
                    </div>
                  ))}
                  <Fact label="Cara menerima hasil">{PENGIRIMAN_LABEL[p.pengiriman]}</Fact>
                </dl>
              )}
              <DocumentSlots slots={p.layanan.persyaratan} documents={p.dokumen} errors={{}} editable={false} upload={upload} />
            </details>
          )}
        </>
      )}

      {p.aksiTersedia.includes("BATALKAN") && (
        <CardSection id="batal" title="Batalkan pengajuan" className="danger-zone">
          {!confirmCancel ? (
            <button type="button" className="button button--danger" onClick={() => setConfirmCancel(true)}>
              Batalkan pengajuan…
            </button>
          ) : (
            <div role="group" aria-label="Konfirmasi pembatalan">
              <p>Yakin membatalkan? Pengajuan yang dibatalkan tidak dapat dilanjutkan, tetapi Anda dapat mengajukan ulang.</p>
              <div className="form__actions">
                <button type="button" className="button button--danger" disabled={busy !== null} onClick={cancel}>
                  {busy === "batal" ? "Membatalkan…" : "Ya, batalkan"}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmCancel(false)}>
                  Tidak
                </button>
              </div>
            </div>
          )}
        </CardSection>
      )}

      <PengajuanRiwayat pengajuan={p} title="Riwayat (Log Pengajuan)" />

      {p.bolehSurvei && <Survey jenisKasus="PENGAJUAN" kasusId={p.id} />}

      {p.status !== "DRAFT" && (
        <p className="muted">
          Ada masalah dengan layanan ini? <Link to={`/pengaduan/baru?pengajuan=${rawId(p.id)}`}>Sampaikan pengaduan</Link>.
        </p>
      )}
    </article>
  );
}
