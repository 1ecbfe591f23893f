import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import { useFragment as unmask, type FragmentType } from "../../gql";
import type { PesertaPelatihanItemFragment as Peserta, SesiPelatihanItemFragment as Sesi } from "../../gql/graphql";
import { ErrorSummary } from "../../components/error-summary";
import { Fact } from "../../components/facts";
import { Field, FormActions, FormMessage } from "../../components/field";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { Survey } from "../../components/survey";
import { UploadBar } from "../../components/upload-bar";
import { failureMessage, type FieldErrors } from "../../lib/errors";
import { ALLOWED_DEFAULT, acceptAttr, checkFile, formatUkuran } from "../../lib/files";
import { useForm } from "../../lib/form";
import { isUuid, toGlobalId } from "../../lib/ids";
import { useUpload } from "../../lib/upload-form";
import { SURAT_ATASAN_MAKS_BYTES } from "../../../../server/shared/limits";
import {
  BatalkanPendaftaranPelatihanMutation,
  DaftarPelatihanMutation,
  PesertaPelatihanItemFragment,
  SesiPelatihanBerubahSubscription,
  SesiPelatihanItemFragment,
  SesiPelatihanNodeQuery,
} from "./documents";
import { StatusPesertaBadge, StatusSesiBadge, kursiText, waktuSesi } from "./parts";
import "./pelatihan.css";

type SesiRef = FragmentType<typeof SesiPelatihanItemFragment> & { pendaftaranSaya?: FragmentType<typeof PesertaPelatihanItemFragment> | null };

/**
 * /pelatihan/<id> — one training session: when and where, the requirements, the seats left and the waiting list
 * (both live, from `sesiPelatihanBerubah`), and the caller's own place: the registration form while they have none,
 * "terdaftar" or their number on the waiting list (changing live when a seat frees), withdrawing, and after
 * attending the satisfaction survey.
 */
export default function SesiPelatihanPage() {
  const { id = "" } = useParams();
  const valid = isUuid(id);
  const sesiId = toGlobalId("SesiPelatihan", id);
  const [{ data, fetching, error }] = useQuery({ query: SesiPelatihanNodeQuery, variables: { id: sesiId }, pause: !valid, requestPolicy: "network-only" });
  const [{ data: live }] = useSubscription({ query: SesiPelatihanBerubahSubscription, variables: { id: sesiId }, pause: !valid });

  // the newest copy wins: the query's, then every live event, then a mutation's own answer (until the next event)
  const [sesiRef, setSesiRef] = useState<SesiRef | null>(null);
  const [saya, setSaya] = useState<Peserta | null>(null);
  useEffect(() => {
    if (data?.node?.__typename !== "SesiPelatihan") return;
    setSesiRef(data.node);
    if (data.node.pendaftaranSaya) setSaya(unmask(PesertaPelatihanItemFragment, data.node.pendaftaranSaya));
  }, [data]);
  useEffect(() => {
    if (!live) return;
    setSesiRef(live.sesiPelatihanBerubah);
    // a registration never disappears (a withdrawal stays, as BATAL): an event without one keeps what is shown
    if (live.sesiPelatihanBerubah.pendaftaranSaya) setSaya(unmask(PesertaPelatihanItemFragment, live.sesiPelatihanBerubah.pendaftaranSaya));
  }, [live]);
  const s = sesiRef ? unmask(SesiPelatihanItemFragment, sesiRef) : null;

  if (!valid || (data && data.node?.__typename !== "SesiPelatihan"))
    return (
      <NotFound title="Sesi pelatihan tidak ditemukan">
        Lihat <Link to="/pelatihan">jadwal pelatihan</Link>.
      </NotFound>
    );
  if (!s)
    return (
      <Loading fetching={fetching} error={error}>
        Memuat sesi pelatihan…
      </Loading>
    );

  const aktif = saya && saya.status !== "BATAL";
  const sudahMulai = new Date(s.mulai).getTime() <= Date.now();
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/pelatihan">Pelatihan</Link>
      </p>
      <PageTitle>{s.judul}</PageTitle>
      <p className="lead">
        {s.layanan.nama} · {s.instansi.nama}
      </p>
      <div className="card">
        <dl className="facts">
          <Fact label="Status">
            <StatusSesiBadge status={s.status} />
          </Fact>
          <Fact label="Waktu">{waktuSesi(s, s.instansi)}</Fact>
          <Fact label="Tempat">
            {s.tempat}
            {s.instansi.alamat && <span className="muted">, {s.instansi.alamat}</span>}
          </Fact>
          <Fact label="Kursi">
            <span className="pelatihan-kursi" data-sisa={s.sisaKursi} aria-live="polite">
              {kursiText(s)}
            </span>
          </Fact>
          <Fact label="Daftar tunggu">
            <span className="pelatihan-menunggu" data-menunggu={s.jumlahMenunggu}>
              {s.jumlahMenunggu === 0 ? "Tidak ada" : `${s.jumlahMenunggu} orang`}
            </span>
          </Fact>
          {s.persyaratan && (
            <Fact label="Persyaratan" className="pelatihan-persyaratan">
              {s.persyaratan}
            </Fact>
          )}
          {s.wajibSuratAtasan && <Fact label="Surat tugas">Wajib: unggah surat tugas dari atasan Anda saat mendaftar.</Fact>}
        </dl>
        <p className="muted small">
          Sisa kursi dan daftar tunggu diperbarui langsung. Waktu ditulis dalam waktu setempat kantor ({s.instansi.zonaWaktuLabel}).
        </p>
      </div>

      {s.status === "DIBATALKAN" && (
        <div className="alert alert--error" role="status">
          <p>
            <strong>Kantor membatalkan sesi ini:</strong> {s.alasanBatal || "tanpa keterangan."} Mohon maaf.
          </p>
        </div>
      )}

      {saya && aktif && <PendaftaranSaya s={s} p={saya} onChanged={setSaya} />}
      {saya?.status === "HADIR" && !saya.surveiTerisi && <Survey jenisKasus="PELATIHAN" kasusId={saya.id} />}
      {saya?.status === "BATAL" && (
        <p className="alert alert--info">
          Pendaftaran Anda dibatalkan{saya.alasanBatal ? `: ${saya.alasanBatal}` : "."}
          {s.status === "DIBUKA" && " Anda dapat mendaftar lagi."}
        </p>
      )}
      {!aktif && s.status === "DIBUKA" && !sudahMulai && <DaftarForm s={s} onDone={setSaya} />}
      {!aktif && (s.status === "DITUTUP" || (s.status === "DIBUKA" && sudahMulai)) && (
        <p className="alert alert--info">{sudahMulai ? "Sesi sudah dimulai: pendaftaran ditutup." : "Pendaftaran sesi ini sudah ditutup."}</p>
      )}

      <p>
        <Link to="/pelatihan">Lihat semua pelatihan</Link>
      </p>
    </div>
  );
}

/** The caller's place in the session: seat or waiting list, withdrawing it, and the survey after attending. */
function PendaftaranSaya({ s, p, onChanged }: { s: Sesi; p: Peserta; onChanged: (p: Peserta) => void }) {
  const uid = useId();
  return (
    <section className="card pelatihan-saya" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Pendaftaran Anda</h2>
      <p className="pelatihan-status" aria-live="polite">
        <StatusPesertaBadge status={p.status} /> {p.status === "TERDAFTAR" && <strong>Anda terdaftar. Satu kursi untuk Anda.</strong>}
        {p.status === "MENUNGGU" && <strong>Anda di daftar tunggu nomor {p.nomorTunggu}.</strong>}
        {p.status === "HADIR" && <strong>Anda tercatat hadir.</strong>}
        {p.status === "TIDAK_HADIR" && <strong>Anda tercatat tidak hadir.</strong>}
      </p>
      {p.status === "MENUNGGU" && (
        <p className="muted">
          Bila ada kursi yang kosong, kursi diberikan menurut urutan daftar tunggu. Halaman ini berubah sendiri, dan kami memberi tahu Anda.
        </p>
      )}
      {p.status === "TERDAFTAR" && p.naikAt && <p className="muted">Anda mendapat kursi yang dilepas peserta lain.</p>}
      <dl className="facts">
        <Fact label="Instansi/perusahaan">{p.organisasi}</Fact>
        {p.jabatan && <Fact label="Jabatan">{p.jabatan}</Fact>}
      </dl>
      {p.status === "TERDAFTAR" && (
        <p>
          Datang tepat waktu ke {s.tempat}. {s.persyaratan && "Bawa yang disebut di persyaratan."}
        </p>
      )}
      {p.dapatDibatalkan && <BatalkanPendaftaran p={p} onDone={onChanged} />}
    </section>
  );
}

function BatalkanPendaftaran({ p, onDone }: { p: Peserta; onDone: (p: Peserta) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [alasan, setAlasan] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, batalkan] = useMutation(BatalkanPendaftaranPelatihanMutation);
  const uid = useId();

  async function yes() {
    setError(null);
    const r = await batalkan({ id: p.id, alasan: alasan.trim() || null });
    const res = r.data?.batalkanPendaftaranPelatihan;
    if (res?.__typename === "BatalkanPendaftaranPelatihanSuccess") onDone(unmask(PesertaPelatihanItemFragment, res.data));
    else setError(failureMessage(res, r.error));
  }

  if (!confirming)
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        Batalkan pendaftaran
      </button>
    );
  return (
    <div className="pelatihan-batal" role="group" aria-labelledby={`${uid}-q`}>
      <p id={`${uid}-q`}>
        <strong>Batalkan pendaftaran Anda?</strong>{" "}
        {p.status === "TERDAFTAR" ? "Kursi Anda diberikan kepada orang di daftar tunggu." : "Anda keluar dari daftar tunggu."}
      </p>
      <Field name="alasan" label="Alasan pembatalan" required={false}>
        {(props) => <input {...props} type="text" maxLength={200} value={alasan} onChange={(e) => setAlasan(e.target.value)} />}
      </Field>
      <FormMessage kind="error">{error}</FormMessage>
      <div className="pelatihan-aksi">
        <button type="button" className="button button--danger" disabled={fetching} onClick={yes}>
          {fetching ? "Membatalkan…" : "Ya, batalkan"}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
          Tidak jadi
        </button>
      </div>
    </div>
  );
}

const FIELDS = ["organisasi", "jabatan", "suratAtasan"];

interface Values {
  organisasi: string;
  jabatan: string;
  suratAtasan: File | null;
}

/** Registering: the organisation, the position, and the superior's letter when the session asks for it. */
function DaftarForm({ s, onDone }: { s: Sesi; onDone: (p: Peserta) => void }) {
  const form = useForm<Values>({ organisasi: "", jabatan: "", suratAtasan: null }, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const { progress, busy, send } = useUpload();
  const fileRef = useRef<HTMLInputElement>(null);
  const uid = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (v.organisasi.trim().length < 2) local.organisasi = "Isi nama instansi atau perusahaan Anda.";
    if (v.jabatan.trim().length > 120) local.jabatan = "Jabatan maksimal 120 karakter.";
    if (!v.suratAtasan) {
      if (s.wajibSuratAtasan) local.suratAtasan = "Unggah surat tugas dari atasan Anda (PDF, JPG, atau PNG).";
    } else {
      const problem = checkFile(v.suratAtasan, ALLOWED_DEFAULT, SURAT_ATASAN_MAKS_BYTES);
      if (problem) local.suratAtasan = problem;
    }
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await send(DaftarPelatihanMutation, {
      sesiId: s.id,
      organisasi: v.organisasi.trim(),
      jabatan: v.jabatan.trim() || null,
      suratAtasan: v.suratAtasan,
    });
    const res = r.data?.daftarPelatihan;
    if (!res) return setFormError(r.failure ?? null);
    if (res.__typename !== "DaftarPelatihanSuccess") return form.showApiError(res);
    onDone(unmask(PesertaPelatihanItemFragment, res.data));
  }

  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Daftar pelatihan</h2>
      {s.sisaKursi === 0 && <p className="alert alert--info">Kursi sudah penuh. Bila Anda mendaftar sekarang, Anda masuk daftar tunggu.</p>}
      <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-labelledby={`${uid}-h`}>
        <ErrorSummary {...form.summary} />
        <Field name="organisasi" label="Instansi/perusahaan" hint="Tempat Anda bekerja, misalnya CV Maju Jaya atau Dinas PUPR." error={errors.organisasi}>
          {(fp) => <input {...fp} type="text" maxLength={200} autoComplete="organization" {...form.bind("organisasi")} />}
        </Field>
        <Field name="jabatan" label="Jabatan" required={false} error={errors.jabatan}>
          {(fp) => <input {...fp} type="text" maxLength={120} autoComplete="organization-title" {...form.bind("jabatan")} />}
        </Field>
        <Field
          name="suratAtasan"
          label="Surat tugas dari atasan"
          required={s.wajibSuratAtasan}
          hint={`PDF, JPG, atau PNG, maksimal ${formatUkuran(SURAT_ATASAN_MAKS_BYTES)}.`}
          error={errors.suratAtasan}
        >
          {(fp) => (
            <input {...fp} ref={fileRef} type="file" accept={acceptAttr(ALLOWED_DEFAULT)} onChange={(e) => set("suratAtasan", e.target.files?.[0] ?? null)} />
          )}
        </Field>
        <UploadBar value={progress} label="Mengunggah surat tugas" />
        <FormActions error={formError} busy={busy} busyText="Mendaftar…">
          {s.sisaKursi === 0 ? "Masuk daftar tunggu" : "Daftar"}
        </FormActions>
      </form>
    </section>
  );
}
