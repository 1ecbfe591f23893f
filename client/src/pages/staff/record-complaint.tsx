import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { graphql } from "../../gql";
import type { KanalPengaduan } from "../../gql/graphql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { ErrorSummary } from "../../components/error-summary";
import { Checkbox, Field, FormActions, RadioChoice } from "../../components/field";
import { KategoriPengaduanField } from "../../components/kategori-pengaduan-field";
import { PageTitle } from "../../components/page-title";
import { useDeskInstansi } from "../../components/desk-instansi";
import { requestErrorMessage, type FieldErrors } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { rawId } from "../../lib/ids";
import { KANAL_LABEL } from "../../lib/labels";
import { showEvidenceError, useUpload } from "../../lib/upload-form";

const CatatPengaduanMutation = graphql(`
  mutation CatatPengaduan(
    $instansiId: ID!
    $kategoriId: ID!
    $kanal: KanalPengaduan!
    $judul: String!
    $uraian: String!
    $namaPelapor: String
    $kontakPelapor: String
    $rahasia: Boolean
    $bukti: [File!]
  ) {
    catatPengaduan(
      instansiId: $instansiId
      kategoriId: $kategoriId
      kanal: $kanal
      judul: $judul
      uraian: $uraian
      namaPelapor: $namaPelapor
      kontakPelapor: $kontakPelapor
      rahasia: $rahasia
      bukti: $bukti
    ) {
      __typename
      ... on CatatPengaduanSuccess {
        data {
          id
          kodeLacak
        }
      }
      ...ErrorFields
    }
  }
`);

const KANAL = (["LANGSUNG", "TELEPON", "WHATSAPP", "KOTAK_SARAN"] as const).map((k) => [k, KANAL_LABEL[k]] as const);
const FIELDS = ["kategoriId", "judul", "uraian", "namaPelapor", "kontakPelapor", "bukti"];

interface Values {
  kanal: KanalPengaduan;
  kategoriId: string;
  judul: string;
  uraian: string;
  namaPelapor: string;
  kontakPelapor: string;
  rahasia: boolean;
  bukti: PickedFile[];
}

const EMPTY: Values = { kanal: "LANGSUNG", kategoriId: "", judul: "", uraian: "", namaPelapor: "", kontakPelapor: "", rahasia: false, bukti: [] };

/** Staff record a complaint that came in person, by phone, WhatsApp or the suggestion box. */
export default function CatatPengaduanPage() {
  const navigate = useNavigate();
  const desk = useDeskInstansi();
  const instansiId = desk.instansiId ?? "";
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const { progress, busy, send } = useUpload();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!v.kategoriId) local.kategoriId = "Pilih kategori pengaduan.";
    if (v.judul.trim().length < 5) local.judul = "Judul pengaduan wajib diisi (minimal 5 karakter).";
    if (v.uraian.trim().length < 20) local.uraian = "Uraian pengaduan wajib diisi (minimal 20 karakter).";
    if (v.bukti.some((f) => f.error)) local.bukti = "Hapus berkas yang tidak dapat dikirim.";
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await send(CatatPengaduanMutation, {
      instansiId,
      kategoriId: v.kategoriId,
      kanal: v.kanal,
      judul: v.judul.trim(),
      uraian: v.uraian.trim(),
      namaPelapor: v.namaPelapor.trim() || null,
      kontakPelapor: v.kontakPelapor.trim() || null,
      rahasia: v.rahasia,
      bukti: v.bukti.map((f) => f.file),
    });
    const res = r.data?.catatPengaduan;
    if (!res) return setFormError(r.failure ?? requestErrorMessage(null));
    if (res.__typename === "CatatPengaduanSuccess") return navigate(`/petugas/pengaduan/${rawId(res.data.id)}`);
    showEvidenceError(form, res);
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/petugas/pengaduan">Meja pengaduan</Link>
      </p>
      <PageTitle>Catat pengaduan</PageTitle>
      {desk.picker}
      <p className="lead">Untuk pengaduan yang datang langsung, lewat telepon, WhatsApp, atau kotak saran. Pelapor boleh tanpa nama.</p>
      <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Catat pengaduan">
        <ErrorSummary {...form.summary} />
        <RadioChoice name="kanal" legend="Diterima melalui" options={KANAL} value={v.kanal} onChange={(k) => set("kanal", k)} />
        <KategoriPengaduanField instansiId={instansiId} value={v.kategoriId} onChange={(id) => set("kategoriId", id)} error={errors.kategoriId} />
        <Field name="judul" label="Judul singkat" error={errors.judul}>
          {(props) => <input {...props} type="text" maxLength={200} value={v.judul} onChange={(e) => set("judul", e.target.value)} />}
        </Field>
        <Field name="uraian" label="Uraian" error={errors.uraian}>
          {(props) => <textarea {...props} rows={5} maxLength={5000} value={v.uraian} onChange={(e) => set("uraian", e.target.value)} />}
        </Field>
        <Field name="namaPelapor" label="Nama pelapor" required={false} hint="Kosongkan bila pelapor tidak mau menyebut nama." error={errors.namaPelapor}>
          {(props) => <input {...props} type="text" value={v.namaPelapor} onChange={(e) => set("namaPelapor", e.target.value)} />}
        </Field>
        <Field
          name="kontakPelapor"
          label="Kontak pelapor"
          required={false}
          hint="Telepon atau email, untuk memberi kabar tindak lanjut. Disimpan terenkripsi."
          error={errors.kontakPelapor}
        >
          {(props) => <input {...props} type="text" value={v.kontakPelapor} onChange={(e) => set("kontakPelapor", e.target.value)} />}
        </Field>
        <Checkbox name="rahasia" checked={v.rahasia} onChange={(on) => set("rahasia", on)}>
          Rahasiakan identitas pelapor dari petugas (hanya admin yang dapat melihat).
        </Checkbox>
        <EvidencePicker name="bukti" label="Bukti" files={v.bukti} onChange={(files) => set("bukti", files)} errors={errors} progress={progress} />
        <FormActions error={formError} busy={busy}>
          Simpan pengaduan
        </FormActions>
      </form>
    </div>
  );
}
