import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { KanalPengaduan } from "../../gql/graphql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { ErrorSummary } from "../../components/error-summary";
import { Checkbox, Field, FormActions, RadioChoice } from "../../components/field";
import { AnswerRow } from "../../components/check-answers";
import { KategoriPengaduanField, KategoriPengaduanQuery } from "../../components/kategori-pengaduan-field";
import { PageTitle } from "../../components/page-title";
import { useDeskInstansi } from "../../components/desk-instansi";
import { requestErrorMessage } from "../../lib/errors";
import { useBrowserDraft } from "../../lib/browser-draft";
import { useForm } from "../../lib/form";
import { rawId } from "../../lib/ids";
import { KANAL_LABEL } from "../../lib/labels";
import { useUpload } from "../../lib/upload-form";
import { BuktiTerpilih, CheckAnswersCard, useCheckStep } from "../pengaduan/check-step";
import { checkPengaduan } from "../pengaduan/checks";
import { JUDUL_MAKS, PELAPOR_MAKS, URAIAN_MAKS } from "../../../../server/shared/pengaduan";

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
const FIELDS = ["kanal", "kategoriId", "judul", "uraian", "namaPelapor", "kontakPelapor", "rahasia", "bukti"];

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

/**
 * what the browser keeps of an unsaved record (lib/browser-draft.ts): the complaint, not who made it — a
 * reporter's name and contact are a third person's data and stay only in the page
 */
const KEPT = ["kanal", "kategoriId", "judul", "uraian", "rahasia"] as const;

const EMPTY: Values = { kanal: "LANGSUNG", kategoriId: "", judul: "", uraian: "", namaPelapor: "", kontakPelapor: "", rahasia: false, bukti: [] };

/**
 * Staff record a complaint that came in person, by phone, WhatsApp or the suggestion box: the form, then every
 * answer once more (to read back to a caller) before it is saved; a record cannot be changed afterwards.
 */
export default function CatatPengaduanPage() {
  const navigate = useNavigate();
  const desk = useDeskInstansi();
  const instansiId = desk.instansiId ?? "";
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const { progress, busy, send } = useUpload();
  const kept = useBrowserDraft("catat-pengaduan", v, KEPT, (saved) => form.setValues((x) => ({ ...x, ...saved })));
  const check = useCheckStep(form, "periksa-catatan");
  const [{ data: kategori }] = useQuery({ query: KategoriPengaduanQuery, variables: { instansiId }, pause: !instansiId });

  /** "Lanjutkan": the API's own checks (server/shared/pengaduan.ts); the office is the desk's, chosen above the form. */
  function review(e: FormEvent) {
    e.preventDefault();
    const { instansiId: noOffice, ...local } = checkPengaduan({ ...v, instansiId }, "catat");
    if (noOffice) return form.showErrors(local, noOffice);
    setFormError(null);
    if (form.checked(local)) check.open();
  }

  async function submit() {
    if (busy) return;
    setFormError(null);
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
    if (res.__typename === "CatatPengaduanSuccess") {
      kept.clear();
      return navigate(`/petugas/pengaduan/${rawId(res.data.id)}`);
    }
    check.refuse(res);
  }

  const kategoriNama = kategori?.kategoriPengaduan.find((k) => k.id === v.kategoriId)?.nama ?? "";
  const none = (text: string) => <span className="muted">{text}</span>;

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/petugas/pengaduan">Meja pengaduan</Link>
      </p>
      <PageTitle>Catat pengaduan</PageTitle>
      {check.step === "isi" && desk.picker}
      <p className="lead">Untuk pengaduan yang datang langsung, lewat telepon, WhatsApp, atau kotak saran. Pelapor boleh tanpa nama.</p>
      {check.step === "periksa" && (
        <CheckAnswersCard
          headingId="periksa-catatan"
          title="Periksa kembali sebelum menyimpan"
          intro="Bacakan kembali kepada pelapor bila ia masih di tempat atau di telepon. Tekan “Ubah” untuk memperbaiki."
          declaration="Pengaduan yang sudah disimpan tidak dapat diubah. Setelah disimpan, berikan kode lacaknya kepada pelapor."
          error={formError}
          progress={progress}
          submitLabel="Simpan pengaduan"
          onSubmit={() => void submit()}
          formTo={check.formTo()}
        >
          <AnswerRow label="Diterima melalui" value={KANAL_LABEL[v.kanal]} to={check.changeTo("kanal")} />
          <AnswerRow label="Kategori" value={kategoriNama} to={check.changeTo("kategoriId")} />
          <AnswerRow label="Judul singkat" value={v.judul.trim()} to={check.changeTo("judul")} />
          <AnswerRow label="Uraian" value={v.uraian.trim()} to={check.changeTo("uraian")} />
          <AnswerRow label="Nama pelapor" value={v.namaPelapor.trim() || none("Tanpa nama")} to={check.changeTo("namaPelapor")} />
          <AnswerRow label="Kontak pelapor" value={v.kontakPelapor.trim() || none("Tidak ada")} to={check.changeTo("kontakPelapor")} />
          <AnswerRow
            label="Identitas pelapor"
            value={v.rahasia ? "Dirahasiakan dari petugas (hanya admin yang dapat melihat)." : "Tidak dirahasiakan."}
            to={check.changeTo("rahasia")}
          />
          <AnswerRow label="Bukti" value={<BuktiTerpilih files={v.bukti} none="Tidak ada bukti" />} to={check.changeTo("bukti")} />
        </CheckAnswersCard>
      )}
      {check.step === "isi" && (
        <form ref={form.formRef} className="card form" noValidate onSubmit={review} aria-label="Catat pengaduan">
          <ErrorSummary {...form.summary} />
          {kept.restored && <p className="alert alert--info">Isian yang belum tersimpan dipulihkan. Nama, kontak, dan bukti perlu diisi ulang.</p>}
          <RadioChoice name="kanal" legend="Diterima melalui" options={KANAL} value={v.kanal} onChange={(k) => set("kanal", k)} />
          <KategoriPengaduanField instansiId={instansiId} value={v.kategoriId} onChange={(id) => set("kategoriId", id)} error={errors.kategoriId} />
          <Field name="judul" label="Judul singkat" error={errors.judul}>
            {(props) => <input {...props} type="text" maxLength={JUDUL_MAKS} value={v.judul} onChange={(e) => set("judul", e.target.value)} />}
          </Field>
          <Field name="uraian" label="Uraian" error={errors.uraian}>
            {(props) => <textarea {...props} rows={5} maxLength={URAIAN_MAKS} value={v.uraian} onChange={(e) => set("uraian", e.target.value)} />}
          </Field>
          <Field name="namaPelapor" label="Nama pelapor" required={false} hint="Kosongkan bila pelapor tidak mau menyebut nama." error={errors.namaPelapor}>
            {(props) => <input {...props} type="text" maxLength={PELAPOR_MAKS} value={v.namaPelapor} onChange={(e) => set("namaPelapor", e.target.value)} />}
          </Field>
          <Field
            name="kontakPelapor"
            label="Kontak pelapor"
            required={false}
            hint="Telepon atau email, untuk memberi kabar tindak lanjut. Disimpan terenkripsi."
            error={errors.kontakPelapor}
          >
            {(props) => (
              <input {...props} type="text" maxLength={PELAPOR_MAKS} value={v.kontakPelapor} onChange={(e) => set("kontakPelapor", e.target.value)} />
            )}
          </Field>
          <Checkbox name="rahasia" checked={v.rahasia} onChange={(on) => set("rahasia", on)}>
            Rahasiakan identitas pelapor dari petugas (hanya admin yang dapat melihat).
          </Checkbox>
          <EvidencePicker name="bukti" label="Bukti" files={v.bukti} onChange={(files) => set("bukti", files)} errors={errors} />
          <FormActions error={formError}>{check.changing ? "Kembali ke pemeriksaan" : "Lanjutkan"}</FormActions>
        </form>
      )}
    </div>
  );
}
