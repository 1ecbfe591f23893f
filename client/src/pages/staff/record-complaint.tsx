import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { graphql } from "../../gql";
import type { KanalPengaduan } from "../../gql/graphql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { Checkbox, Field, FormActions, RadioChoice } from "../../components/field";
import { KategoriPengaduanField } from "../../components/kategori-pengaduan-field";
import { PageTitle } from "../../components/page-title";
import { useDeskInstansi } from "../../components/desk-instansi";
import { progressInto } from "../../components/upload-bar";
import { focusFirstError, requestErrorMessage, type FieldErrors, errorOf } from "../../lib/errors";
import { useFieldErrors } from "../../lib/form";
import { rawId } from "../../lib/ids";
import { KANAL_LABEL } from "../../lib/labels";
import { uploadMutation } from "../../lib/upload";

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

/** Staff record a complaint that came in person, by phone, WhatsApp or the suggestion box. */
export default function CatatPengaduanPage() {
  const navigate = useNavigate();
  const desk = useDeskInstansi();
  const instansiId = desk.instansiId ?? "";
  const [kanal, setKanal] = useState<KanalPengaduan>("LANGSUNG");
  const [kategoriId, setKategoriId] = useState("");
  const [judul, setJudul] = useState("");
  const [uraian, setUraian] = useState("");
  const [nama, setNama] = useState("");
  const [kontak, setKontak] = useState("");
  const [rahasia, setRahasia] = useState(false);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const { errors, setErrors, edited } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!kategoriId) local.kategoriId = "Pilih kategori pengaduan.";
    if (judul.trim().length < 5) local.judul = "Judul pengaduan wajib diisi (minimal 5 karakter).";
    if (uraian.trim().length < 20) local.uraian = "Uraian pengaduan wajib diisi (minimal 20 karakter).";
    if (files.some((f) => f.error)) local.bukti = "Hapus berkas yang tidak dapat dikirim.";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return focusFirstError(formRef.current, FIELDS, local);
    setProgress(0);
    const r = await uploadMutation(
      CatatPengaduanMutation,
      {
        instansiId,
        kategoriId,
        kanal,
        judul: judul.trim(),
        uraian: uraian.trim(),
        namaPelapor: nama.trim() || null,
        kontakPelapor: kontak.trim() || null,
        rahasia,
        bukti: files.map((f) => f.file),
      },
      { onProgress: progressInto(setProgress) },
    );
    setProgress(null);
    const res = r.data?.catatPengaduan;
    if (!res) return setFormError(r.failure ?? requestErrorMessage(null));
    if (res.__typename === "CatatPengaduanSuccess") return navigate(`/petugas/pengaduan/${rawId(res.data.id)}`);
    const err = errorOf(res);
    if (err.field && (FIELDS.includes(err.field) || err.field.startsWith("bukti."))) setErrors({ [err.field]: err.message });
    else setFormError(err.message);
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/petugas/pengaduan">Meja pengaduan</Link>
      </p>
      <PageTitle>Catat pengaduan</PageTitle>
      {desk.picker}
      <p className="lead">Untuk pengaduan yang datang langsung, lewat telepon, WhatsApp, atau kotak saran. Pelapor boleh tanpa nama.</p>
      <form ref={formRef} className="card form" noValidate onSubmit={submit} aria-label="Catat pengaduan">
        <RadioChoice name="kanal" legend="Diterima melalui" options={KANAL} value={kanal} onChange={setKanal} />
        <KategoriPengaduanField instansiId={instansiId} value={kategoriId} onChange={edited("kategoriId", setKategoriId)} error={errors.kategoriId} />
        <Field name="judul" label="Judul singkat" error={errors.judul}>
          {(props) => <input {...props} type="text" maxLength={200} value={judul} onChange={(e) => edited("judul", setJudul)(e.target.value)} />}
        </Field>
        <Field name="uraian" label="Uraian" error={errors.uraian}>
          {(props) => <textarea {...props} rows={5} maxLength={5000} value={uraian} onChange={(e) => edited("uraian", setUraian)(e.target.value)} />}
        </Field>
        <Field name="namaPelapor" label="Nama pelapor" required={false} hint="Kosongkan bila pelapor tidak mau menyebut nama." error={errors.namaPelapor}>
          {(props) => <input {...props} type="text" value={nama} onChange={(e) => edited("namaPelapor", setNama)(e.target.value)} />}
        </Field>
        <Field name="kontakPelapor" label="Kontak pelapor" required={false} hint="Telepon atau email, untuk memberi kabar tindak lanjut. Disimpan terenkripsi." error={errors.kontakPelapor}>
          {(props) => <input {...props} type="text" value={kontak} onChange={(e) => edited("kontakPelapor", setKontak)(e.target.value)} />}
        </Field>
        <Checkbox name="rahasia" checked={rahasia} onChange={setRahasia}>
          Rahasiakan identitas pelapor dari petugas (hanya admin yang dapat melihat).
        </Checkbox>
        <EvidencePicker name="bukti" label="Bukti" files={files} onChange={edited("bukti", setFiles)} errors={errors} progress={progress} />
        <FormActions error={formError} busy={progress != null}>
          Simpan pengaduan
        </FormActions>
      </form>
    </div>
  );
}
