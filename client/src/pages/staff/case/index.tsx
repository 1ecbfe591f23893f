import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation } from "urql";
import { useFragment } from "../../../gql";
import type { AksiPengajuan, StaffCase_PengajuanFragment as Case } from "../../../gql/graphql";
import { PengajuanBadge } from "../../../components/badges";
import { CardSection } from "../../../components/card-section";
import { PengajuanTenggat } from "../../../components/deadline";
import { DocumentViewer, useDocumentReview } from "../../../components/document-viewer";
import { Fact, TimeFact } from "../../../components/facts";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions, FormMessage } from "../../../components/field";
import { LiveNote } from "../../../components/live-note";
import { Loading, NotFound } from "../../../components/page-state";
import { PageTitle } from "../../../components/page-title";
import { PengajuanRiwayat } from "../../../components/timeline";
import { useActionPanel } from "../../../lib/action-panel";
import { type FieldErrors, failureMessage } from "../../../lib/errors";
import { showFailure } from "../../../lib/form-failure";
import { formatDate } from "../../../lib/format";
import { AKSI_PENGAJUAN_LABEL, PENGAJUAN_STATUS_LABEL } from "../../../lib/labels";
import { useLivePengajuan } from "../../../lib/live";
import { useLiveHighlight } from "../../../lib/live-highlight";
import { useSession } from "../../../lib/session";
import { rawId } from "../../../lib/ids";
import {
  StaffCase_PengajuanFragment,
  StaffCaseQuery,
  StaffCaseLiveSubscription,
  StaffActionMutation,
  AssignMutation,
  AddNoteMutation,
  type Snapshot,
} from "./documents";
import { NotesSection } from "./notes";
import { ResultSection } from "./result";
import { SuratSection, focusBuatSurat } from "./letter";

/**
 * Actions taken only together with their letter (the generic transition refuses them, LEWAT_SURAT): AJUKAN_TTD is
 * the "Surat hasil" section's form, the official signs or returns from /tanda-tangan.
 */
const LEWAT_SURAT: readonly AksiPengajuan[] = ["AJUKAN_TTD", "TANDATANGANI", "KEMBALIKAN_SURAT"];

/** What each action asks for before it is taken. */
const ACTION_FIELDS = ["pesan", "diambilOleh", "identitasPengambil"];
const EMPTY_ACTION = { pesan: "", diambilOleh: "", identitasPengambil: "" };

const ASKS: Partial<Record<AksiPengajuan, { pesan?: { label: string; hint: string }; pengambil?: boolean; note?: string }>> = {
  MINTA_PERBAIKAN: { pesan: { label: "Pesan untuk pemohon", hint: "Tulis jelas apa yang perlu diperbaiki atau dilengkapi. Pemohon membaca pesan ini." } },
  TOLAK: { pesan: { label: "Alasan penolakan", hint: "Pemohon membaca alasan ini dan dapat mengajukan ulang." } },
  MINTA_KUNJUNGAN: {
    pesan: {
      label: "Pesan untuk pemohon",
      hint: "Untuk apa pemohon perlu datang dan apa yang dibawa (misalnya dokumen asli). Pemohon lalu memilih jadwal kunjungan; tenggat layanan menunggu.",
    },
  },
  SERAHKAN: { pengambil: true },
  VERIFIKASI: { note: "Berkas dinyatakan lengkap: batas waktu penyelesaian mulai dihitung." },
  SELESAIKAN: { note: "Pemohon menerima dokumen hasil di Log Inbox dan notifikasi." },
  SIAPKAN_PENGAMBILAN: { note: "Pemohon diberi tahu bahwa dokumen siap diambil di kantor." },
};

export default function StaffCasePage() {
  const { id = "" } = useParams();
  const { notFound, fetching, error, refetch, current, accept, streamError } = useLivePengajuan({
    id,
    query: StaffCaseQuery,
    subscription: StaffCaseLiveSubscription,
    seqOf: (copy: Snapshot) => useFragment(StaffCase_PengajuanFragment, copy).seq,
    // internal notes change without a new version
    queryWins: true,
  });
  const p = useFragment(StaffCase_PengajuanFragment, current);

  if (notFound) {
    return (
      <NotFound title="Pengajuan tidak ditemukan">
        Kembali ke <Link to="/petugas/antrian">antrian</Link>.
      </NotFound>
    );
  }
  if (!p || !current) return <Loading fetching={fetching} error={error} />;
  return <CaseView key={p.id} p={p} versi={current.versi} streamError={streamError} onChanged={accept} refetch={refetch} />;
}

function CaseView(props: { p: Case; versi: number; streamError: string | null; onChanged: (s: Snapshot) => void; refetch: () => void }) {
  const { p } = props;
  const { me } = useSession();
  const versi = useRef(props.versi);
  versi.current = Math.max(versi.current, props.versi);
  const { form, pending, setPending, toggle, done, setDone, finished, panelRef } = useActionPanel<AksiPengajuan, typeof EMPTY_ACTION>(
    EMPTY_ACTION,
    ACTION_FIELDS,
    "textarea, input, button",
  );
  const { values: input, set, errors, formError: actionError, setFormError: setActionError } = form;
  const [, act] = useMutation(StaffActionMutation);
  const [{ fetching: acting }, assign] = useMutation(AssignMutation);
  const [, addNote] = useMutation(AddNoteMutation);
  const [assignError, setAssignError] = useState<string | null>(null);
  const zone = p.instansi.zonaWaktu;
  // in the order of the service's requirements, so a replacement takes its slot's place in the list
  const slotOrder = (id: string) => {
    const i = p.layanan.persyaratan.findIndex((s) => s.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i; // a requirement since removed: last
  };
  const documents = p.dokumen.map((d) => ({ ...d, label: d.persyaratan.label, slot: d.persyaratan.id })).sort((a, b) => slotOrder(a.slot) - slotOrder(b.slot));
  const review = useDocumentReview(documents);
  const changed = useLiveHighlight(p.status);
  // said once per change, and kept (a region emptied again would be read as another change by some readers)
  const [announce, setAnnounce] = useState("");
  const shownStatus = useRef(p.status);
  useEffect(() => {
    if (shownStatus.current === p.status) return;
    shownStatus.current = p.status;
    setAnnounce(`Status pengajuan berubah: ${PENGAJUAN_STATUS_LABEL[p.status]}.`);
  }, [p.status]);

  function accept(s: Snapshot) {
    versi.current = Math.max(versi.current, s.versi);
    props.onChanged(s);
  }

  // the buttons say what the API says in its messages and the Log Pengajuan (server/shared/labels.ts)
  const label = (a: AksiPengajuan) => AKSI_PENGAJUAN_LABEL[a];

  async function takeAction(e: FormEvent) {
    e.preventDefault();
    if (!pending) return;
    const ask = ASKS[pending];
    const local: FieldErrors = {};
    if (ask?.pesan && input.pesan.trim().length < 5) local.pesan = `${ask.pesan.label} wajib diisi (minimal 5 karakter).`;
    if (ask?.pengambil && !input.diambilOleh.trim()) local.diambilOleh = "Tuliskan nama orang yang mengambil dokumen.";
    if (ask?.pengambil && !input.identitasPengambil.trim()) local.identitasPengambil = "Tuliskan dokumen identitas yang diperiksa.";
    setActionError(null);
    if (!form.checked(local)) return;
    const r = await act({
      id: p.id,
      versi: versi.current,
      aksi: pending,
      pesan: ask?.pesan ? input.pesan.trim() : null,
      diambilOleh: ask?.pengambil ? input.diambilOleh.trim() : null,
      identitasPengambil: ask?.pengambil ? input.identitasPengambil.trim() : null,
      // a verification says which documents were checked: the API refuses it if one was replaced since
      dokumenDilihat: pending === "VERIFIKASI" ? review.dilihat() : null,
    });
    const res = r.data?.ubahStatusPengajuan;
    if (res?.__typename !== "UbahStatusPengajuanSuccess") return showFailure(form, res, r.error);
    accept(res.data as Snapshot);
    finished(`${label(pending)}: berhasil.`);
  }

  async function assignTo(petugasId: string | null) {
    setAssignError(null);
    setDone(null); // the last action's "berhasil" is not about this one
    const r = await assign({ id: p.id, versi: versi.current, petugasId });
    const res = r.data?.tugaskanPengajuan;
    if (res?.__typename === "TugaskanPengajuanSuccess") accept(res.data as Snapshot);
    else setAssignError(failureMessage(res, r.error));
  }

  // in the order of the service's form, dates as people read them; values of fields since removed come last
  const data = (p.formData ?? {}) as Record<string, unknown>;
  const formEntries: Array<[string, string]> = [
    ...p.layanan.formFields
      .filter((f) => data[f.nama] != null && data[f.nama] !== "")
      .map((f): [string, string] => [f.label, f.tipe === "DATE" ? formatDate(String(data[f.nama])) : String(data[f.nama])]),
    ...Object.entries(data)
      .filter(([k]) => !p.layanan.formFields.some((f) => f.nama === k))
      .map(([k, v]): [string, string] => [k, String(v)]),
  ];
  const actions = p.aksiTersedia.filter((a) => !LEWAT_SURAT.includes(a));
  // "Buat surat hasil" opens the letter's form (only a service with a letter template makes one in Loket)
  const letterAction = p.aksiTersedia.includes("AJUKAN_TTD") && p.layanan.adaTemplateSurat;
  const missing = p.layanan.persyaratan.filter((s) => s.wajib && !p.dokumen.some((d) => !d.diganti && d.persyaratan.id === s.id));

  return (
    <article className="case">
      <p className="breadcrumb">
        <Link to="/petugas/antrian">Antrian</Link> <span aria-hidden="true">›</span> {p.nomorRegistrasi}
      </p>
      <PageTitle title={`${p.nomorRegistrasi ?? "Pengajuan"} — ${p.layanan.nama}`}>
        <span className="mono">{p.nomorRegistrasi}</span> <span className="page-title__sub">{p.layanan.nama}</span>
      </PageTitle>

      <div className="case__grid">
        <div className="case__main">
          <section className={`card status-card ${changed}`} aria-label="Status dan tindakan">
            <p className="sr-only" role="status" aria-live="polite">
              {announce}
            </p>
            <div className="status-card__row">
              <PengajuanBadge status={p.status} large />
              <PengajuanTenggat pengajuan={p} />
            </div>
            {p.status === "DIAJUKAN" && <p className="muted">Periksa dokumen. Batas waktu mulai dihitung saat berkas dinyatakan lengkap.</p>}
            {p.status === "PERLU_PERBAIKAN" && <p className="muted">Menunggu perbaikan dari pemohon; batas waktu berhenti.</p>}
            {p.diLoket && (
              <p className="small">
                Diajukan di loket untuk pemohon yang datang langsung.
                {(p.status === "DRAFT" || p.status === "PERLU_PERBAIKAN") && (
                  <>
                    {" "}
                    <Link to={`/loket/pengajuan/${rawId(p.id)}`}>Lanjutkan di loket bersama pemohon</Link>
                  </>
                )}
              </p>
            )}
            {p.status === "MENUNGGU_TTD" && (
              <p className="muted">
                Surat hasil menunggu tanda tangan {p.suratHasil?.penandatanganNama ?? "pejabat"}; batas waktu tetap berjalan. Lihat bagian{" "}
                <a href="#surat-hasil">Surat hasil</a>.
              </p>
            )}
            <p className="small">
              Petugas: {p.petugas ?? <span className="muted">belum ditugaskan</span>}{" "}
              {!p.ditugaskanKeSaya && me && p.aksiTersedia.length > 0 && (
                <button type="button" className="button button--secondary button--small" disabled={acting} onClick={() => assignTo(me.id)}>
                  Tugaskan ke saya
                </button>
              )}
              {p.ditugaskanKeSaya && (
                <button type="button" className="button button--quiet button--small" disabled={acting} onClick={() => assignTo(null)}>
                  Lepaskan
                </button>
              )}
            </p>
            <FormMessage kind="error">{assignError}</FormMessage>
            <FormMessage kind="success">{done}</FormMessage>
            {actions.length > 0 || letterAction ? (
              <div className="actions" role="group" aria-label="Tindakan">
                {letterAction && (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => {
                      setPending(null);
                      focusBuatSurat();
                    }}
                  >
                    {label("AJUKAN_TTD")}
                  </button>
                )}
                {actions.map((a) => (
                  <button
                    key={a}
                    type="button"
                    className={`button ${a === "TOLAK" ? "button--danger" : a === "MINTA_PERBAIKAN" ? "button--secondary" : "button--primary"}`}
                    aria-expanded={pending === a}
                    onClick={() => toggle(a)}
                  >
                    {label(a)}
                  </button>
                ))}
              </div>
            ) : (
              <p className="muted">Tidak ada tindakan pada status ini.</p>
            )}
            {pending && (
              <div ref={panelRef} className="action-panel">
                <form ref={form.formRef} className="form" noValidate onSubmit={takeAction} aria-label={label(pending)}>
                  <ErrorSummary {...form.summary} />
                  {ASKS[pending]?.note && <p>{ASKS[pending]!.note}</p>}
                  {pending === "SELESAIKAN" && p.pengiriman === "UNDUH" && p.hasil.length === 0 && (
                    <p className="alert alert--warning">Lampirkan dokumen hasil terlebih dahulu (bagian “Dokumen hasil”).</p>
                  )}
                  {ASKS[pending]?.pesan && (
                    <Field name="pesan" label={ASKS[pending]!.pesan!.label} hint={ASKS[pending]!.pesan!.hint} error={errors.pesan}>
                      {(fp) => <textarea {...fp} rows={4} value={input.pesan} onChange={(e) => set("pesan", e.target.value)} />}
                    </Field>
                  )}
                  {ASKS[pending]?.pengambil && (
                    <>
                      <Field name="diambilOleh" label="Nama yang mengambil" error={errors.diambilOleh}>
                        {(fp) => <input {...fp} type="text" value={input.diambilOleh} onChange={(e) => set("diambilOleh", e.target.value)} />}
                      </Field>
                      <Field
                        name="identitasPengambil"
                        label="Identitas yang diperiksa"
                        hint="Contoh: KTP asli atas nama pemohon; surat kuasa dan KTP penerima kuasa."
                        error={errors.identitasPengambil}
                      >
                        {(fp) => <input {...fp} type="text" value={input.identitasPengambil} onChange={(e) => set("identitasPengambil", e.target.value)} />}
                      </Field>
                    </>
                  )}
                  <FormActions error={actionError} kind={pending === "TOLAK" ? "danger" : "primary"} onCancel={() => setPending(null)}>
                    Ya, {label(pending).toLowerCase()}
                  </FormActions>
                </form>
              </div>
            )}
            <LiveNote error={props.streamError} />
          </section>

          <CardSection id="dokumen-pemohon" title="Dokumen pemohon">
            {missing.length > 0 && <p className="alert alert--warning">Belum ada: {missing.map((m) => m.label).join(", ")}.</p>}
            <DocumentViewer documents={documents} timeZone={zone} review={review} />
          </CardSection>

          {p.layanan.adaTemplateSurat && (p.status === "DIPROSES" || p.suratHasil) && <SuratSection p={p} versi={versi} onMade={props.refetch} />}

          {(p.status === "DIPROSES" || p.hasil.length > 0) && <ResultSection p={p} versi={versi} onChanged={accept} />}
        </div>

        <div className="case__side">
          <CardSection id="pemohon" title="Pemohon">
            <dl className="facts facts--compact">
              <Fact label="Nama">{p.pemohon.nama}</Fact>
              <Fact label={p.pemohon.jenisIdentitas} className="mono">
                {p.pemohon.nomorIdentitas}
              </Fact>
              <Fact label="Telepon">
                <a href={`tel:${p.pemohon.telepon}`}>{p.pemohon.telepon}</a>
              </Fact>
              <Fact label="Email" className="break">
                {p.pemohon.email}
              </Fact>
              <Fact label="Hasil">{p.pengiriman === "UNDUH" ? "Diunduh dari Loket" : "Diambil di kantor"}</Fact>
              <TimeFact label="Diajukan" at={p.diajukanAt} instansi={p.instansi} />
              <TimeFact label="Diajukan ulang" at={p.diajukanUlangAt} instansi={p.instansi} />
            </dl>
            {formEntries.length > 0 && (
              <>
                <h3>Isian formulir</h3>
                <dl className="facts facts--compact">
                  {formEntries.map(([k, v]) => (
                    <Fact key={k} label={k}>
                      {v}
                    </Fact>
                  ))}
                </dl>
              </>
            )}
            {p.buktiUrl && (
              <p>
                <a href={p.buktiUrl} target="_blank" rel="noopener">
                  Bukti pengajuan (PDF)
                </a>
              </p>
            )}
          </CardSection>

          <NotesSection
            notes={p.catatanInternal ?? []}
            zone={zone}
            onAdd={async (isi) => {
              const r = await addNote({ id: p.id, isi });
              const res = r.data?.tambahCatatanInternal;
              if (res?.__typename === "TambahCatatanInternalSuccess") {
                props.refetch();
                return null;
              }
              return failureMessage(res, r.error);
            }}
          />

          <PengajuanRiwayat pengajuan={p} title="Riwayat" />
        </div>
      </div>
    </article>
  );
}
