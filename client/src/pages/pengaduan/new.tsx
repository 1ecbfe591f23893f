import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { AnswerRow } from "../../components/check-answers";
import { ErrorSummary } from "../../components/error-summary";
import { Checkbox, Field, FormActions, SelectField } from "../../components/field";
import { KategoriPengaduanField, KategoriPengaduanQuery } from "../../components/kategori-pengaduan-field";
import { PageTitle } from "../../components/page-title";
import { requestErrorMessage } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { useBrowserDraft } from "../../lib/browser-draft";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { useUpload } from "../../lib/upload-form";
import { BuktiTerpilih, CheckAnswersCard, useCheckStep } from "./check-step";
import { checkPengaduan } from "./checks";
import { JUDUL_MAKS, URAIAN_MAKS } from "../../../../server/shared/pengaduan";

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

/** what the browser keeps of an unsent complaint (lib/browser-draft.ts): the text and choices, never the files */
const KEPT = ["instansiId", "kategoriId", "judul", "uraian", "rahasia"] as const;

const EMPTY: Values = { instansiId: "", kategoriId: "", judul: "", uraian: "", rahasia: false, bukti: [] };

/** /pengaduan/baru: the form, then "Periksa kembali" (check-step.tsx) and the one click that sends. */
export default function PengaduanBaruPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const pengajuanParam = params.get("pengajuan") ?? "";
  const linked = isUuid(pengajuanParam);
  const [{ data, fetching }] = useQuery({
    query: PengaduanBaruQuery,
    variables: { pengajuanId: toGlobalId("Pengajuan", linked ? pengajuanParam : "x"), adaPengajuan: linked },
  });
  const pengajuan = data?.node?.__typename === "Pengajuan" ? data.node : null;
  const offices = data?.instansiList ?? [];
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [keepLink, setKeepLink] = useState(true);
  const { progress, busy, send } = useUpload();
  const kept = useBrowserDraft("pengaduan", v, KEPT, (saved) => form.setValues((x) => ({ ...x, ...saved })));
  const check = useCheckStep(form, "periksa-pengaduan");
  // the same query (and so the same cached answer) as the category field: the chosen category's name
  const [{ data: kategori }] = useQuery({ query: KategoriPengaduanQuery, variables: { instansiId: v.instansiId }, pause: !v.instansiId });

  useEffect(() => {
    if (v.instansiId) return;
    if (pengajuan) set("instansiId", pengajuan.instansi.id);
    else if (offices.length === 1) set("instansiId", offices[0]!.id);
  }, [pengajuan, offices, v.instansiId, set]);

  /** "Lanjutkan": checked as the API will check it, then every answer is shown once more. */
  function review(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const errors = checkPengaduan(v, "daring");
    // the offices still loading: choosing one (and so its category) is not the citizen's to do yet (with one office,
    // or a linked request, the office is chosen for them)
    if (!data && errors.instansiId) {
      delete errors.instansiId;
      delete errors.kategoriId;
      if (!Object.keys(errors).length) return setFormError("Daftar kantor masih dimuat. Tunggu sebentar, lalu tekan “Lanjutkan” lagi.");
    }
    if (form.checked(errors)) check.open();
  }

  async function submit() {
    if (busy) return;
    setFormError(null);
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
    // no answer (the connection): everything stays here, to send again
    if (!res) return setFormError(r.failure ?? requestErrorMessage(null));
    if (res.__typename === "BuatPengaduanSuccess") {
      kept.clear();
      navigate(`/pengaduan/${rawId(res.data.id)}`, { state: { flash: `Pengaduan terkirim. Kode lacak Anda: ${res.data.kodeLacak}.` } });
      return;
    }
    // a refused answer is fixed on the form, where it is
    check.refuse(res);
  }

  const office = offices.find((o) => o.id === v.instansiId);
  const kategoriNama = kategori?.kategoriPengaduan.find((k) => k.id === v.kategoriId)?.nama ?? "";

  return (
    <div className="narrow">
      <PageTitle>Sampaikan pengaduan</PageTitle>
      <p className="lead">
        Pengaduan ditanggapi paling lambat 2×24 jam kerja setelah diverifikasi. Anda mendapat kode lacak dan notifikasi setiap ada tanggapan.
      </p>
      {check.step === "periksa" && (
        <CheckAnswersCard
          headingId="periksa-pengaduan"
          title="Periksa kembali sebelum mengirim"
          intro="Pastikan isi pengaduan dan bukti di bawah ini benar. Tekan “Ubah” untuk memperbaiki."
          declaration="Dengan menekan “Kirim pengaduan”, Anda menyatakan isi pengaduan dan bukti yang dilampirkan benar."
          error={formError}
          progress={progress}
          submitLabel="Kirim pengaduan"
          onSubmit={() => void submit()}
          formTo={check.formTo()}
        >
          {offices.length !== 1 && <AnswerRow label="Kantor yang diadukan" value={office?.nama ?? ""} to={check.changeTo("instansiId")} />}
          {pengajuan && keepLink && (
            <AnswerRow
              label="Terkait pengajuan"
              value={`${pengajuan.layanan.nama}${pengajuan.nomorRegistrasi ? ` (${pengajuan.nomorRegistrasi})` : ""}`}
              to={check.changeTo("pengajuanId")}
            />
          )}
          <AnswerRow label="Kategori" value={kategoriNama} to={check.changeTo("kategoriId")} />
          <AnswerRow label="Judul singkat" value={v.judul.trim()} to={check.changeTo("judul")} />
          <AnswerRow label="Uraian" value={v.uraian.trim()} to={check.changeTo("uraian")} />
          <AnswerRow label="Bukti pendukung" value={<BuktiTerpilih files={v.bukti} none="Belum ada bukti" />} to={check.changeTo("bukti")} />
          <AnswerRow
            label="Identitas pelapor"
            value={
              v.rahasia
                ? "Dirahasiakan: petugas hanya melihat isi pengaduan; nama Anda hanya dapat dilihat admin kantor."
                : "Tidak dirahasiakan: petugas yang menangani melihat nama Anda."
            }
            to={check.changeTo("rahasia")}
          />
        </CheckAnswersCard>
      )}
      {check.step === "isi" && (
        <form ref={form.formRef} className="card form" noValidate onSubmit={review} aria-label="Formulir pengaduan">
          <ErrorSummary {...form.summary} />
          {kept.restored && <p className="alert alert--info">Isian yang belum terkirim dipulihkan. Bukti pendukung perlu dipilih ulang.</p>}
          {pengajuan && keepLink && (
            <div className="alert alert--info">
              Terkait pengajuan <strong>{pengajuan.layanan.nama}</strong>{" "}
              {pengajuan.nomorRegistrasi && <span className="mono">({pengajuan.nomorRegistrasi})</span>}.{" "}
              <button type="button" name="pengajuanId" className="link-button" onClick={() => setKeepLink(false)}>
                Lepaskan kaitan
              </button>
            </div>
          )}
          {offices.length !== 1 && (
            <SelectField
              name="instansiId"
              label="Kantor yang diadukan"
              loading={fetching || !data}
              empty={{
                why: "Belum ada kantor yang menerima pengaduan di sini.",
                todo: "Sampaikan pengaduan Anda langsung ke kantor yang bersangkutan, atau coba lagi nanti.",
              }}
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
            aside={v.judul ? `${v.judul.length}/${JUDUL_MAKS}` : undefined}
          >
            {(props) => <input {...props} type="text" maxLength={JUDUL_MAKS} value={v.judul} onChange={(e) => set("judul", e.target.value)} />}
          </Field>
          <Field
            name="uraian"
            label="Uraian"
            hint="Ceritakan apa yang terjadi, kapan, dan di mana. Sebutkan nama petugas bila tahu."
            error={errors.uraian}
            aside={v.uraian ? `${v.uraian.length}/${URAIAN_MAKS}` : undefined}
          >
            {(props) => <textarea {...props} rows={6} maxLength={URAIAN_MAKS} value={v.uraian} onChange={(e) => set("uraian", e.target.value)} />}
          </Field>
          <EvidencePicker
            name="bukti"
            label="Bukti pendukung"
            hint="Foto, video, atau dokumen yang menunjukkan masalahnya."
            files={v.bukti}
            required
            onChange={(files) => set("bukti", files)}
            errors={errors}
          />
          <Checkbox name="rahasia" checked={v.rahasia} onChange={(on) => set("rahasia", on)}>
            Rahasiakan identitas saya. Petugas hanya melihat isi pengaduan; nama Anda hanya dapat dilihat admin kantor.
          </Checkbox>
          <FormActions error={formError}>{check.changing ? "Kembali ke pemeriksaan" : "Lanjutkan"}</FormActions>
          <p className="muted small">“Lanjutkan” menampilkan semua isian dan bukti untuk diperiksa sebelum dikirim.</p>
        </form>
      )}
      <p>
        <Link to="/pengaduan">Pengaduan saya</Link>
      </p>
    </div>
  );
}
