import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import type { LoketPengajuan_PengajuanFragment as Kasus, PengirimanOpsi } from "../../gql/graphql";
import { PengajuanBadge } from "../../components/badges";
import { AnswerRow } from "../../components/check-answers";
import { DocumentSlots, slotKey, type UploadSlot } from "../../components/document-slots";
import { ErrorSummary } from "../../components/error-summary";
import { Fact, TimeFact } from "../../components/facts";
import { FormMessage, RadioChoice } from "../../components/field";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { checkServiceForm, formKey, ServiceForm, toFormValues, type FormValues } from "../../components/service-form";
import { PengajuanRiwayat } from "../../components/timeline";
import { errorOf, problemsOf, requestErrorMessage, type ApiError, type FieldErrors } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { useForm } from "../../lib/form";
import { formatUkuran } from "../../lib/files";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { uploadMutation } from "../../lib/upload";

export const LoketPengajuan_PengajuanFragment = graphql(`
  fragment LoketPengajuan_Pengajuan on Pengajuan {
    id
    versi
    status
    statusLabel
    nomorRegistrasi
    diLoket
    formData
    pengiriman
    diajukanAt
    buktiUrl
    pemohon {
      nama
      nomorIdentitasMasked
    }
    layanan {
      id
      nama
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
    ...PengajuanRiwayat_Pengajuan
  }
`);

const LoketPengajuanQuery = graphql(`
  query LoketPengajuan($id: ID!) {
    node(id: $id) {
      __typename
      ... on Pengajuan {
        id
        ...LoketPengajuan_Pengajuan
      }
    }
  }
`);

const SimpanLoketMutation = graphql(`
  mutation SimpanPengajuanLoket($id: ID!, $versi: Int!, $formData: JSON, $pengiriman: PengirimanOpsi) {
    simpanPengajuanLoket(id: $id, versi: $versi, formData: $formData, pengiriman: $pengiriman) {
      __typename
      ... on SimpanPengajuanLoketSuccess {
        data {
          id
          ...LoketPengajuan_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

const UnggahLoketMutation = graphql(`
  mutation UnggahDokumenLoket($id: ID!, $versi: Int!, $berkas: [DokumenUploadInput!]!) {
    unggahDokumenLoket(id: $id, versi: $versi, berkas: $berkas) {
      __typename
      ... on UnggahDokumenLoketSuccess {
        data {
          id
          ...LoketPengajuan_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

const AjukanLoketMutation = graphql(`
  mutation AjukanPengajuanLoket($id: ID!, $versi: Int!) {
    ajukanPengajuanLoket(id: $id, versi: $versi) {
      __typename
      ... on AjukanPengajuanLoketSuccess {
        data {
          id
          ...LoketPengajuan_Pengajuan
        }
      }
      ...ErrorFields
    }
  }
`);

/** One copy of the case: the query's or a mutation's answer. */
type Masked = FragmentType<typeof LoketPengajuan_PengajuanFragment>;
const versiOf = (m: Masked) => useFragment(LoketPengajuan_PengajuanFragment, m).versi;

const PENGIRIMAN_LABEL: Record<PengirimanOpsi, string> = { UNDUH: "Unduh dari Loket (Log Inbox pemohon)", AMBIL: "Ambil di kantor" };
const PENGIRIMAN = [
  ["AMBIL", PENGIRIMAN_LABEL.AMBIL],
  ["UNDUH", PENGIRIMAN_LABEL.UNDUH],
] as const;

/** Places each problem of an API error at the form value, document slot or choice it names, the rest at the form. */
function placeApiError(err: ApiError, slotIds: readonly string[]): { fields: FieldErrors; form: string | null } {
  const fields: FieldErrors = {};
  const form: string[] = [];
  for (const { field, message } of problemsOf(err)) {
    const f = field ?? "";
    const at = f.startsWith("formData.") || (f.startsWith("persyaratan.") && slotIds.includes(f.slice("persyaratan.".length))) || f === "pengiriman" ? f : null;
    if (at) fields[at] ||= message;
    else form.push(message);
  }
  return { fields, form: form.length ? form.join(" ") : null };
}

/**
 * A case started at the counter (/loket/baru): the officer fills the service's form and scans the person's
 * documents (the same form and slots as the applicant's page), checks the answers with the person, submits, and
 * prints the proof of submission for them.
 */
export default function LoketPengajuanPage() {
  const { id = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: LoketPengajuanQuery, variables: { id: toGlobalId("Pengajuan", id) }, pause: !isUuid(id) });
  const [latest, setLatest] = useState<Masked | null>(null);
  const node = data?.node?.__typename === "Pengajuan" ? data.node : null;
  // the newer of the page's copy and the last answer of a change
  const current = latest && (!node || versiOf(latest) >= versiOf(node)) ? latest : node;
  const p = useFragment(LoketPengajuan_PengajuanFragment, current);
  if ((data && !node) || !isUuid(id)) {
    return (
      <NotFound title="Pengajuan tidak ditemukan">
        Pengajuan ini tidak ada atau bukan pengajuan instansi Anda. <Link to="/loket/baru">Layani pemohon baru</Link>.
      </NotFound>
    );
  }
  if (!p) {
    return (
      <Loading fetching={fetching} error={error}>
        Memuat pengajuan…
      </Loading>
    );
  }
  if (!p.diLoket) {
    return (
      <NotFound title="Bukan pengajuan loket">
        Pengajuan ini dibuat pemohon sendiri secara daring. Buka di <Link to={`/petugas/pengajuan/${rawId(p.id)}`}>meja petugas</Link>.
      </NotFound>
    );
  }
  return <LoketKasus key={p.id} p={p} onChanged={setLatest} />;
}

function LoketKasus({ p, onChanged }: { p: Kasus; onChanged: (s: Masked) => void }) {
  const slotIds = p.layanan.persyaratan.map((s) => s.id);
  const order = [...p.layanan.formFields.map((f) => formKey(f.nama)), ...slotIds.map(slotKey), "pengiriman"];
  const { errors, setErrors, formError, setFormError, formRef, summary, showErrors } = useForm({}, order);
  const [values, setValues] = useState<FormValues>(() => toFormValues(p.formData));
  const [pengiriman, setPengiriman] = useState<PengirimanOpsi>(p.pengiriman);
  const [busy, setBusy] = useState<null | "periksa" | "ajukan">(null);
  const versi = useRef(p.versi);
  versi.current = Math.max(versi.current, p.versi);
  const [params, setParams] = useSearchParams();
  const [, simpan] = useMutation(SimpanLoketMutation);
  const [, ajukan] = useMutation(AjukanLoketMutation);
  // the officer edits a counter case while its applicant could: a draft, or a case sent back for fixing
  const editable = p.status === "DRAFT" || p.status === "PERLU_PERBAIKAN";
  const step = !editable ? "bukti" : params.get("langkah") === "periksa" ? "periksa" : "isi";
  const ubah = params.get("ubah");
  const both = p.layanan.unduhOnline && p.layanan.ambilDiKantor;
  const doneRef = useRef<HTMLDivElement>(null);

  // a change link from the check: the form opens at that field (or document, or choice)
  useEffect(() => {
    if (!ubah || step !== "isi") return;
    const el = formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(ubah)}"]`);
    el?.scrollIntoView({ block: "center" });
    el?.focus({ preventScroll: true });
  }, [ubah, step, formRef]);

  function accept(s: Masked) {
    versi.current = Math.max(versi.current, versiOf(s));
    onChanged(s);
  }

  const upload: UploadSlot = async (slotId, file, onProgress) => {
    setErrors((e) => ({ ...e, [slotKey(slotId)]: "" }));
    const r = await uploadMutation(UnggahLoketMutation, { id: p.id, versi: versi.current, berkas: [{ persyaratanId: slotId, file }] }, { onProgress });
    const res = r.data?.unggahDokumenLoket;
    if (!res) return r.failure ?? requestErrorMessage(null);
    if (res.__typename === "UnggahDokumenLoketSuccess") {
      accept(res.data);
      setFormError(null);
      return null;
    }
    return errorOf(res).message;
  };

  /** "Lanjutkan": the answers are saved first (nothing typed is lost), then checked as the submit will check them. */
  async function toCheck(e: FormEvent) {
    e.preventDefault();
    setBusy("periksa");
    const r = await simpan({ id: p.id, versi: versi.current, formData: values, pengiriman });
    const res = r.data?.simpanPengajuanLoket;
    setBusy(null);
    if (!res) return setFormError(requestErrorMessage(r.error));
    if (res.__typename !== "SimpanPengajuanLoketSuccess") {
      const placed = placeApiError(errorOf(res), slotIds);
      return showErrors(placed.fields, placed.form);
    }
    accept(res.data);
    const local = checkServiceForm(p.layanan.formFields, values, false);
    for (const slot of p.layanan.persyaratan) {
      if (slot.wajib && !p.dokumen.some((d) => d.persyaratan.id === slot.id)) local[slotKey(slot.id)] = `${slot.label} wajib diunggah.`;
    }
    if (Object.keys(local).length) return showErrors(local, "Masih ada yang perlu dilengkapi. Periksa isian yang ditandai.");
    setErrors({});
    setFormError(null);
    setParams({ langkah: "periksa" });
    setTimeout(() => document.getElementById("periksa-loket")?.focus(), 0);
  }

  async function submit() {
    setBusy("ajukan");
    const r = await ajukan({ id: p.id, versi: versi.current });
    const res = r.data?.ajukanPengajuanLoket;
    setBusy(null);
    if (!res) return setFormError(requestErrorMessage(r.error));
    if (res.__typename !== "AjukanPengajuanLoketSuccess") {
      const placed = placeApiError(errorOf(res), slotIds);
      if (Object.keys(placed.fields).length) setParams({});
      return showErrors(placed.fields, placed.form);
    }
    accept(res.data);
    setErrors({});
    setFormError(null);
    setParams({}, { replace: true });
    setTimeout(() => doneRef.current?.focus(), 0);
  }

  const docs = new Map(p.dokumen.map((d) => [d.persyaratan.id, d]));
  const pemohon = (
    <p className="loket-kasus__pemohon">
      Pemohon: <strong>{p.pemohon.nama}</strong> · NIK <span className="mono">{p.pemohon.nomorIdentitasMasked}</span>
    </p>
  );

  if (step === "bukti") {
    return (
      <article className="narrow loket-kasus">
        <p className="breadcrumb">
          <Link to="/loket/baru">Layani pemohon di loket</Link> <span aria-hidden="true">›</span> {p.nomorRegistrasi ?? "Pengajuan"}
        </p>
        <PageTitle title={`Bukti pengajuan ${p.nomorRegistrasi ?? ""}`}>Pengajuan diterima</PageTitle>
        <div className="card status-card loket-bukti" ref={doneRef} tabIndex={-1} role="group" aria-labelledby="bukti-judul">
          <h2 id="bukti-judul" className="sr-only">
            Bukti pengajuan
          </h2>
          <div className="status-card__row">
            <PengajuanBadge status={p.status} large />
            {p.nomorRegistrasi && (
              <p className="status-card__nomor">
                Nomor registrasi <strong className="mono loket-bukti__nomor">{p.nomorRegistrasi}</strong>
              </p>
            )}
          </div>
          <dl className="facts facts--compact">
            <Fact label="Layanan">{p.layanan.nama}</Fact>
            <Fact label="Pemohon">{p.pemohon.nama}</Fact>
            <Fact label="NIK">
              <span className="mono">{p.pemohon.nomorIdentitasMasked}</span>
            </Fact>
            <TimeFact label="Diajukan" at={p.diajukanAt} instansi={p.instansi} />
            <Fact label="Cara menerima hasil">{PENGIRIMAN_LABEL[p.pengiriman]}</Fact>
          </dl>
          <p>
            Cetak bukti dan serahkan kepada pemohon. Dengan kode QR di bukti itu, atau di halaman <Link to="/lacak">Lacak</Link> dengan nomor registrasi dan 4
            angka terakhir NIK, pemohon dapat mengikuti pengajuannya.
          </p>
          <div className="form__actions">
            {p.buktiUrl && (
              <a className="button button--primary" href={p.buktiUrl} target="_blank" rel="noopener">
                Cetak bukti pengajuan (PDF)<span className="sr-only"> (tab baru)</span>
              </a>
            )}
            <Link className="button button--secondary" to="/loket/baru">
              Layani pemohon berikutnya
            </Link>
          </div>
          <p className="small">
            <Link to={`/petugas/pengajuan/${rawId(p.id)}`}>Buka pengajuan ini di meja petugas</Link>
          </p>
        </div>
        <PengajuanRiwayat pengajuan={p} title="Riwayat" />
      </article>
    );
  }

  return (
    <article className="narrow loket-kasus">
      <p className="breadcrumb">
        <Link to="/loket/baru">Layani pemohon di loket</Link> <span aria-hidden="true">›</span> {p.layanan.nama}
      </p>
      <PageTitle title={`Loket: ${p.layanan.nama}`}>{p.layanan.nama}</PageTitle>
      <p className="muted small">{step === "periksa" ? "Langkah 4 dari 4: periksa dan ajukan" : "Langkah 3 dari 4: formulir dan dokumen"}</p>
      {pemohon}
      {p.status === "PERLU_PERBAIKAN" && (
        <p className="alert alert--warning">Petugas meminta perbaikan. Perbaiki isian atau ganti dokumen bersama pemohon, lalu ajukan kembali.</p>
      )}
      {step === "periksa" ? (
        <section className="card check-answers" aria-labelledby="periksa-loket">
          <h2 id="periksa-loket" tabIndex={-1}>
            Periksa kembali bersama pemohon
          </h2>
          <p>Bacakan isian dan dokumen di bawah ini kepada pemohon. Tekan “Ubah” untuk memperbaiki.</p>
          {p.layanan.formFields.length > 0 && (
            <>
              <h3>Isian formulir</h3>
              <dl className="check-answers__list">
                {p.layanan.formFields.map((f) => {
                  const v = values[f.nama]?.trim();
                  return (
                    <AnswerRow
                      key={f.nama}
                      label={f.label}
                      to={`?ubah=${encodeURIComponent(formKey(f.nama))}`}
                      value={v ? f.tipe === "DATE" ? formatDate(v) : v : <span className="muted">Belum diisi</span>}
                    />
                  );
                })}
              </dl>
            </>
          )}
          {p.layanan.persyaratan.length > 0 && (
            <>
              <h3>Dokumen</h3>
              <dl className="check-answers__list">
                {p.layanan.persyaratan.map((s) => {
                  const d = docs.get(s.id);
                  return (
                    <AnswerRow
                      key={s.id}
                      label={s.label}
                      to={`?ubah=${encodeURIComponent(slotKey(s.id))}`}
                      value={d ? `${d.namaFile} (${formatUkuran(d.ukuran)})` : <span className="muted">Tidak ada</span>}
                    />
                  );
                })}
              </dl>
            </>
          )}
          {both && (
            <>
              <h3>Penerimaan hasil</h3>
              <dl className="check-answers__list">
                <AnswerRow label="Cara menerima hasil" to="?ubah=pengiriman" value={PENGIRIMAN_LABEL[pengiriman]} />
              </dl>
            </>
          )}
          <h3>Ajukan</h3>
          <p>Dengan menekan “Ajukan”, pemohon menyatakan data dan dokumen yang diserahkan di loket benar. Pengajuan tercatat dilakukan di loket oleh Anda.</p>
          <FormMessage kind="error">{formError}</FormMessage>
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void submit()}>
              {busy === "ajukan" ? "Mengirim…" : p.status === "PERLU_PERBAIKAN" ? "Ajukan kembali" : "Ajukan"}
            </button>
            <Link to="?" className="button button--secondary">
              Kembali ke formulir
            </Link>
          </div>
        </section>
      ) : (
        <form ref={formRef} className="pengajuan__form" noValidate aria-label="Formulir pengajuan di loket" onSubmit={toCheck}>
          <ErrorSummary {...summary} />
          {p.layanan.formFields.length > 0 && (
            <section className="card" aria-labelledby="isian">
              <h2 id="isian">Isi formulir</h2>
              <ServiceForm
                fields={p.layanan.formFields}
                values={values}
                errors={errors}
                onChange={(nama, v) => {
                  setValues((x) => ({ ...x, [nama]: v }));
                  setFormError(null);
                }}
                onFieldChecked={(key, message) => setErrors((x) => ({ ...x, [key]: message ?? "" }))}
              />
            </section>
          )}
          {p.layanan.persyaratan.length > 0 && (
            <section className="card" aria-labelledby="dokumen">
              <h2 id="dokumen">Pindai atau unggah dokumen</h2>
              <p className="muted small">Pindai dokumen asli yang dibawa pemohon. Berkas langsung terunggah setelah dipilih.</p>
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
                  setPengiriman(k);
                  setErrors((x) => ({ ...x, pengiriman: "" }));
                }}
                error={errors.pengiriman ?? null}
              />
            </section>
          )}
          <div className="card form-end">
            <FormMessage kind="error">{formError}</FormMessage>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy !== null}>
                {busy === "periksa" ? "Menyimpan…" : ubah ? "Simpan dan kembali ke pemeriksaan" : "Lanjutkan"}
              </button>
            </div>
            <p className="muted small">“Lanjutkan” menyimpan isian dan menampilkan semuanya untuk diperiksa bersama pemohon sebelum diajukan.</p>
          </div>
        </form>
      )}
    </article>
  );
}
