import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { ErrorSummary } from "../../components/error-summary";
import { Checkbox, Field, FormActions, SelectField } from "../../components/field";
import { KategoriPengaduanField } from "../../components/kategori-pengaduan-field";
import { PageTitle } from "../../components/page-title";
import { requestErrorMessage, type FieldErrors } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { showEvidenceError, useUpload } from "../../lib/upload-form";

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

interface Values {
  instansiId: string;
  kategoriId: string;
  judul: string;
  uraian: string;
  rahasia: boolean;
  bukti: PickedFile[];
}

const EMPTY: Values = { instansiId: "", kategoriId: "", judul: "", uraian: "", rahasia: false, bukti: [] };

export default function PengaduanBaruPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const pengajuanParam = params.get("pengajuan") ?? "";
  const linked = isUuid(pengajuanParam);
  const [{ data }] = useQuery({
    query: PengaduanBaruQuery,
    variables: { pengajuanId: toGlobalId("Pengajuan", linked ? pengajuanParam : "x"), adaPengajuan: linked },
  });
  const pengajuan = data?.node?.__typename === "Pengajuan" ? data.node : null;
  const offices = data?.instansiList ?? [];
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [keepLink, setKeepLink] = useState(true);
  const { progress, busy, send } = useUpload();

  useEffect(() => {
    if (v.instansiId) return;
    if (pengajuan) set("instansiId", pengajuan.instansi.id);
    else if (offices.length === 1) set("instansiId", offices[0]!.id);
  }, [pengajuan, offices, v.instansiId, set]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: FieldErrors = {};
    if (!v.instansiId) local.instansiId = "Pilih kantor yang Anda adukan.";
    if (!v.kategoriId) local.kategoriId = "Pilih kategori pengaduan.";
    if (v.judul.trim().length < 5) local.judul = "Judul pengaduan wajib diisi (minimal 5 karakter).";
    if (v.uraian.trim().length < 20) local.uraian = "Uraian pengaduan wajib diisi (minimal 20 karakter): apa, kapan, dan di mana kejadiannya.";
    if (v.bukti.length === 0) local.bukti = "Lampirkan paling sedikit satu bukti pendukung (foto, video, atau dokumen).";
    else if (v.bukti.some((f) => f.error)) local.bukti = "Hapus berkas yang tidak dapat dikirim.";
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await send(BuatPengaduanMutation, {
      instansiId: v.instansiId,
      kategoriId: v.kategoriId,
      judul: v.judul.trim(),
      uraian: v.uraian.trim(),
      rahasia: v.rahasia,
      pengajuanId: pengajuan && keepLink ? pengajuan.id : null,
      layananId: pengajuan && keepLink ? pengajuan.layanan.id : null,
      bukti: v.bukti.map((f) => f.file),
    });
    const res = r.data?.buatPengaduan;
    if (!res) return setFormError(r.failure ?? requestErrorMessage(null));
    if (res.__typename === "BuatPengaduanSuccess") {
      navigate(`/pengaduan/${rawId(res.data.id)}`, { state: { flash: `Pengaduan terkirim. Kode lacak Anda: ${res.data.kodeLacak}.` } });
      return;
    }
    showEvidenceError(form, res);
  }

  return (
    <div className="narrow">
      <PageTitle>Sampaikan pengaduan</PageTitle>
      <p className="lead">
        Pengaduan ditanggapi paling lambat 2×24 jam kerja setelah diverifikasi. Anda mendapat kode lacak dan notifikasi setiap ada tanggapan.
      </p>
      <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Formulir pengaduan">
        <ErrorSummary {...form.summary} />
        {pengajuan && keepLink && (
          <div className="alert alert--info">
            Terkait pengajuan <strong>{pengajuan.layanan.nama}</strong>{" "}
            {pengajuan.nomorRegistrasi && <span className="mono">({pengajuan.nomorRegistrasi})</span>}.{" "}
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
            value={v.instansiId}
            onChange={(id) => {
              set("instansiId", id);
              set("kategoriId", "");
            }}
            options={offices}
            placeholder="— Pilih kantor —"
          />
        )}
        <KategoriPengaduanField instansiId={v.instansiId} value={v.kategoriId} onChange={(id) => set("kategoriId", id)} error={errors.kategoriId} />
        <Field
          name="judul"
          label="Judul singkat"
          hint="Contoh: Antrean lama di loket 3."
          error={errors.judul}
          aside={v.judul ? `${v.judul.length}/200` : undefined}
        >
          {(props) => <input {...props} type="text" maxLength={200} value={v.judul} onChange={(e) => set("judul", e.target.value)} />}
        </Field>
        <Field
          name="uraian"
          label="Uraian"
          hint="Ceritakan apa yang terjadi, kapan, dan di mana. Sebutkan nama petugas bila tahu."
          error={errors.uraian}
          aside={v.uraian ? `${v.uraian.length}/5000` : undefined}
        >
          {(props) => <textarea {...props} rows={6} maxLength={5000} value={v.uraian} onChange={(e) => set("uraian", e.target.value)} />}
        </Field>
        <EvidencePicker
          name="bukti"
          label="Bukti pendukung"
          hint="Foto, video, atau dokumen yang menunjukkan masalahnya."
          files={v.bukti}
          required
          onChange={(files) => set("bukti", files)}
          errors={errors}
          progress={progress}
        />
        <Checkbox name="rahasia" checked={v.rahasia} onChange={(on) => set("rahasia", on)}>
          Rahasiakan identitas saya. Petugas hanya melihat isi pengaduan; nama Anda hanya dapat dilihat admin kantor.
        </Checkbox>
        <FormActions error={formError} busy={busy} busyText="Mengirim…">
          Kirim pengaduan
        </FormActions>
      </form>
      <p>
        <Link to="/pengaduan">Pengaduan saya</Link>
      </p>
    </div>
  );
}
