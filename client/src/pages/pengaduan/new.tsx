import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { Checkbox, Field, FormActions, SelectField } from "../../components/field";
import { KategoriPengaduanField } from "../../components/kategori-pengaduan-field";
import { PageTitle } from "../../components/page-title";
import { progressInto } from "../../components/upload-bar";
import { focusFirstError, requestErrorMessage, type FieldErrors, errorOf } from "../../lib/errors";
import { useFieldErrors } from "../../lib/form";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { uploadMutation } from "../../lib/upload";

const PengaduanBaruQuery = graphql(`
  query PengaduanBaru($pengajuanId: ID!, $adaPengajuan: Boolean!) {
    instansiList {
      id
      nama
    }
    node(id: $pengajuanId) @include(if: $adaPengajuan) {
      __typename
      ... on Pengajuan {
        id
        nomorRegistrasi
        layanan {
          id
          nama
        }
        instansi {
          id
        }
      }
    }
  }
`);

const BuatPengaduanMutation = graphql(`
  mutation BuatPengaduan($instansiId: ID!, $kategoriId: ID!, $judul: String!, $uraian: String!, $rahasia: Boolean, $pengajuanId: ID, $layananId: ID, $bukti: [File!]!) {
    buatPengaduan(instansiId: $instansiId, kategoriId: $kategoriId, judul: $judul, uraian: $uraian, rahasia: $rahasia, pengajuanId: $pengajuanId, layananId: $layananId, bukti: $bukti) {
      __typename
      ... on BuatPengaduanSuccess {
        data {
          id
          kodeLacak
        }
      }
      ...ErrorFields
    }
  }
`);

const FIELDS = ["instansiId", "kategoriId", "judul", "uraian", "bukti"];

export default function PengaduanBaruPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const pengajuanParam = params.get("pengajuan") ?? "";
  const linked = isUuid(pengajuanParam);
  const [{ data }] = useQuery({ query: PengaduanBaruQuery, variables: { pengajuanId: toGlobalId("Pengajuan", linked ? pengajuanParam : "x"), adaPengajuan: linked } });
  const pengajuan = data?.node?.__typename === "Pengajuan" ? data.node : null;
  const offices = data?.instansiList ?? [];
  const [instansiId, setInstansiId] = useState("");
  const [kategoriId, setKategoriId] = useState("");
  const [judul, setJudul] = useState("");
  const [uraian, setUraian] = useState("");
  const [rahasia, setRahasia] = useState(false);
  const [keepLink, setKeepLink] = useState(true);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const { errors, setErrors, clear, edited } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (instansiId) return;
    if (pengajuan) setInstansiId(pengajuan.instansi.id);
    else if (offices.length === 1) setInstansiId(offices[0]!.id);
  }, [pengajuan, offices, instansiId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (progress != null) return;
    const local: FieldErrors = {};
    if (!instansiId) local.instansiId = "Pilih kantor yang Anda adukan.";
    if (!kategoriId) local.kategoriId = "Pilih kategori pengaduan.";
    if (judul.trim().length < 5) local.judul = "Judul pengaduan wajib diisi (minimal 5 karakter).";
    if (uraian.trim().length < 20) local.uraian = "Uraian pengaduan wajib diisi (minimal 20 karakter): apa, kapan, dan di mana kejadiannya.";
    if (files.length === 0) local.bukti = "Lampirkan paling sedikit satu bukti pendukung (foto, video, atau dokumen).";
    else if (files.some((f) => f.error)) local.bukti = "Hapus berkas yang tidak dapat dikirim.";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return focusFirstError(formRef.current, FIELDS, local);
    setProgress(0);
    const r = await uploadMutation(
      BuatPengaduanMutation,
      {
        instansiId,
        kategoriId,
        judul: judul.trim(),
        uraian: uraian.trim(),
        rahasia,
        pengajuanId: pengajuan && keepLink ? pengajuan.id : null,
        layananId: pengajuan && keepLink ? pengajuan.layanan.id : null,
        bukti: files.map((f) => f.file),
      },
      { onProgress: progressInto(setProgress) },
    );
    setProgress(null);
    const res = r.data?.buatPengaduan;
    if (!res) return setFormError(r.failure ?? requestErrorMessage(null));
    if (res.__typename === "BuatPengaduanSuccess") {
      navigate(`/pengaduan/${rawId(res.data.id)}`, { state: { flash: `Pengaduan terkirim. Kode lacak Anda: ${res.data.kodeLacak}.` } });
      return;
    }
    const err = errorOf(res);
    const field = err.field ?? "";
    if (FIELDS.includes(field) || /^bukti\.\d+$/.test(field)) {
      setErrors({ [field]: err.message });
      focusFirstError(formRef.current, FIELDS, { [field.replace(/\.\d+$/, "")]: err.message });
    } else setFormError(err.message);
  }

  return (
    <div className="narrow">
      <PageTitle>Sampaikan pengaduan</PageTitle>
      <p className="lead">
        Pengaduan ditanggapi paling lambat 2×24 jam kerja setelah diverifikasi. Anda mendapat kode lacak dan notifikasi setiap ada tanggapan.
      </p>
      <form ref={formRef} className="card form" noValidate onSubmit={submit} aria-label="Formulir pengaduan">
        {pengajuan && keepLink && (
          <div className="alert alert--info">
            Terkait pengajuan <strong>{pengajuan.layanan.nama}</strong> {pengajuan.nomorRegistrasi && <span className="mono">({pengajuan.nomorRegistrasi})</span>}.{" "}
            <button type="button" className="link-button" onClick={() => setKeepLink(false)}>
              Lepaskan kaitan
            </button>
          </div>
        )}
        {offices.length > 1 && (
          <SelectField
            name="instansiId"
            label="Kantor yang diadukan"
            error={errors.instansiId}
            value={instansiId}
            onChange={(id) => {
              setInstansiId(id);
              setKategoriId("");
              clear("instansiId");
            }}
            options={offices}
            placeholder="— Pilih kantor —"
          />
        )}
        <KategoriPengaduanField instansiId={instansiId} value={kategoriId} onChange={edited("kategoriId", setKategoriId)} error={errors.kategoriId} />
        <Field name="judul" label="Judul singkat" hint="Contoh: Antrean lama di loket 3." error={errors.judul} aside={judul ? `${judul.length}/200` : undefined}>
          {(props) => <input {...props} type="text" maxLength={200} value={judul} onChange={(e) => edited("judul", setJudul)(e.target.value)} />}
        </Field>
        <Field
          name="uraian"
          label="Uraian"
          hint="Ceritakan apa yang terjadi, kapan, dan di mana. Sebutkan nama petugas bila tahu."
          error={errors.uraian}
          aside={uraian ? `${uraian.length}/5000` : undefined}
        >
          {(props) => <textarea {...props} rows={6} maxLength={5000} value={uraian} onChange={(e) => edited("uraian", setUraian)(e.target.value)} />}
        </Field>
        <EvidencePicker
          name="bukti"
          label="Bukti pendukung"
          hint="Foto, video, atau dokumen yang menunjukkan masalahnya."
          files={files}
          required
          onChange={edited("bukti", setFiles)}
          errors={errors}
          progress={progress}
        />
        <Checkbox name="rahasia" checked={rahasia} onChange={setRahasia}>
          Rahasiakan identitas saya. Petugas hanya melihat isi pengaduan; nama Anda hanya dapat dilihat admin kantor.
        </Checkbox>
        <FormActions error={formError} busy={progress != null} busyText="Mengirim…">
          Kirim pengaduan
        </FormActions>
      </form>
      <p>
        <Link to="/pengaduan">Pengaduan saya</Link>
      </p>
    </div>
  );
}
