import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { IdentityType } from "../gql/graphql";
import { Checkbox, Field, FormActions, PasswordInput } from "../components/field";
import { ContactFields } from "../components/contact-fields";
import { IdentityFields, useIdentity } from "../components/identity-fields";
import { PageTitle } from "../components/page-title";
import { UNEXPECTED_MESSAGE, requestErrorMessage, type FieldErrors } from "../lib/errors";
import { checkRegistration } from "../lib/account-checks";
import { useForm } from "../lib/form";
import { ErrorSummary } from "../components/error-summary";
import { useSession } from "../lib/session";
import { PASSWORD_MIN } from "../../../server/shared/limits";
import { IdentityPhotoField } from "../components/identity-photo-field";
import { uploadMutation } from "../lib/upload";
import { jenisBerkasUtama } from "../../../server/shared/berkas-identitas";

const LegalVersionsQuery = graphql(`
  query RegisterLegalVersions {
    legalVersions {
      syaratKetentuan
      kebijakanPrivasi
    }
  }
`);

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegisterSuccess {
        data {
          user {
            id
            status
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const FIELDS = [
  "nomorIdentitas",
  "namaLengkap",
  "email",
  "telepon",
  "fotoIdentitas",
  "skAsn",
  "password",
  "setujuSyaratKetentuan",
  "setujuKebijakanPrivasi",
] as const;

/** The API names the version fields; on the form they belong to the consent checkboxes. */
const FIELD_ALIASES = { versiSyaratKetentuan: "setujuSyaratKetentuan", versiKebijakanPrivasi: "setujuKebijakanPrivasi" };

const IDENTITY_TYPES = [
  { type: "NIK", label: "NIK (warga, sesuai KTP)", hint: "16 angka, tertulis di KTP atau Kartu Keluarga. NIK disimpan terenkripsi." },
  { type: "NIP", label: "NIP (aparatur sipil negara)", hint: "18 angka, tertulis di SK atau kartu pegawai. NIP disimpan terenkripsi." },
] as const;

interface FormState {
  identityType: IdentityType;
  nomorIdentitas: string;
  namaLengkap: string;
  email: string;
  telepon: string;
  password: string;
  setujuSyaratKetentuan: boolean;
  setujuKebijakanPrivasi: boolean;
  fotoIdentitas: File | null;
  skAsn: File | null;
}

const EMPTY: FormState = {
  identityType: "NIK",
  nomorIdentitas: "",
  namaLengkap: "",
  email: "",
  telepon: "",
  password: "",
  setujuSyaratKetentuan: false,
  setujuKebijakanPrivasi: false,
  fotoIdentitas: null,
  skAsn: null,
};

export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const { values: form, set, errors, formError, setFormError, formRef, checked, showApiError, summary } = useForm<FormState>(EMPTY, FIELDS);
  const identity = useIdentity(form);
  const [{ data: legal, error: legalError }] = useQuery({ query: LegalVersionsQuery });
  const [fetching, setFetching] = useState(false);
  const [fileProblems, setFileProblems] = useState<{ fotoIdentitas?: string; skAsn?: string }>({});
  const nomor = form.nomorIdentitas.replace(/\s+/g, "");
  // the document the admin compares with: a minor (by the NIK's birth date) has a KK, not yet a KTP
  const utama = jenisBerkasUtama(form.identityType, nomor);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    identity.setLeft(true);
    // the API's own rules (lib/account-checks.ts), and the identity photo: nothing it would refuse is sent
    const local: FieldErrors = { ...checkRegistration(form) };
    if (fileProblems.fotoIdentitas) local.fotoIdentitas = fileProblems.fotoIdentitas;
    else if (!form.fotoIdentitas) local.fotoIdentitas = utama === "KK" ? "Pilih foto Kartu Keluarga (KK) Anda." : "Pilih foto KTP Anda.";
    if (fileProblems.skAsn) local.skAsn = fileProblems.skAsn;
    if (!checked(local)) return;
    if (!legal) {
      setFormError(requestErrorMessage(legalError) ?? "Versi syarat dan kebijakan belum termuat. Tunggu sebentar, lalu coba lagi.");
      return;
    }
    setFetching(true);
    const result = await uploadMutation(RegisterMutation, {
      input: {
        ...form,
        nomorIdentitas: nomor,
        skAsn: form.identityType === "NIP" ? form.skAsn : null,
        versiSyaratKetentuan: legal.legalVersions.syaratKetentuan,
        versiKebijakanPrivasi: legal.legalVersions.kebijakanPrivasi,
      },
    }).finally(() => setFetching(false));
    const r = result.data?.register;
    if (!r) {
      setFormError(result.failure ?? UNEXPECTED_MESSAGE);
      return;
    }
    if (r.__typename === "RegisterSuccess") {
      onRegistered();
      return;
    }
    showApiError(r, FIELD_ALIASES);
  }

  const versions = legal?.legalVersions;

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label="Formulir pendaftaran">
      <ErrorSummary {...summary} />
      <IdentityFields
        legend="Saya mendaftar dengan"
        types={IDENTITY_TYPES}
        values={form}
        onChange={set}
        identity={identity}
        error={errors.nomorIdentitas}
        autoComplete="username"
        withWarnings
      />

      <ContactFields
        values={form}
        onChange={set}
        errors={errors}
        hints={{ namaLengkap: "Sesuai KTP, tanpa gelar.", email: "Untuk pemberitahuan status akun dan pengajuan.", telepon: "Contoh: 081234567890." }}
        own
      />

      <IdentityPhotoField
        name="fotoIdentitas"
        label={utama === "KK" ? "Foto Kartu Keluarga (KK)" : "Foto KTP"}
        hint={
          utama === "KK"
            ? "Menurut NIK, Anda belum berusia 17 tahun: unggah foto Kartu Keluarga yang memuat nama Anda. Admin mencocokkannya dengan data di atas; foto hanya dilihat Anda dan admin."
            : "Foto seluruh kartu, terang dan terbaca. Admin mencocokkannya dengan data di atas; foto hanya dilihat Anda dan admin."
        }
        file={form.fotoIdentitas}
        onChange={(f) => set("fotoIdentitas", f)}
        onProblem={(m) => setFileProblems((p) => ({ ...p, fotoIdentitas: m ?? undefined }))}
        error={fileProblems.fotoIdentitas ?? errors.fotoIdentitas}
      />
      {form.identityType === "NIP" && (
        <IdentityPhotoField
          name="skAsn"
          label="SK pengangkatan ASN"
          hint="Boleh dilampirkan untuk mempercepat pemeriksaan."
          required={false}
          file={form.skAsn}
          onChange={(f) => set("skAsn", f)}
          onProblem={(m) => setFileProblems((p) => ({ ...p, skAsn: m ?? undefined }))}
          error={fileProblems.skAsn ?? errors.skAsn}
        />
      )}

      <Field
        name="password"
        label="Kata sandi"
        hint={`Minimal ${PASSWORD_MIN} karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata acak yang pendek. Jangan memakai NIK, nama, atau email Anda.`}
        error={errors.password}
        aside={form.password ? `${form.password.length}/${PASSWORD_MIN}` : undefined}
      >
        {(props) => <PasswordInput {...props} autoComplete="new-password" value={form.password} onChange={(v) => set("password", v)} />}
      </Field>

      <Checkbox
        name="setujuSyaratKetentuan"
        checked={form.setujuSyaratKetentuan}
        onChange={(v) => set("setujuSyaratKetentuan", v)}
        error={errors.setujuSyaratKetentuan}
      >
        Saya telah membaca dan menyetujui{" "}
        <Link to="/syarat-ketentuan" target="_blank" rel="noopener">
          Syarat dan Ketentuan<span className="sr-only"> (membuka tab baru)</span>
        </Link>
        {versions && <span className="muted"> (versi {versions.syaratKetentuan})</span>}.
      </Checkbox>
      <Checkbox
        name="setujuKebijakanPrivasi"
        checked={form.setujuKebijakanPrivasi}
        onChange={(v) => set("setujuKebijakanPrivasi", v)}
        error={errors.setujuKebijakanPrivasi}
      >
        Saya menyetujui pemrosesan data pribadi saya sesuai{" "}
        <Link to="/kebijakan-privasi" target="_blank" rel="noopener">
          Kebijakan Privasi<span className="sr-only"> (membuka tab baru)</span>
        </Link>
        {versions && <span className="muted"> (versi {versions.kebijakanPrivasi})</span>}.
      </Checkbox>

      <FormActions error={formError} busy={fetching} busyText="Mengirim…">
        Daftar
      </FormActions>
    </form>
  );
}

export default function RegisterPage() {
  const { restart } = useSession();
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <PageTitle>Daftar akun</PageTitle>
      <p className="lead">
        Satu akun untuk semua layanan. Setelah mendaftar, admin kantor memeriksa data Anda lalu mengaktifkan akun; Anda dapat memantau statusnya langsung di
        layar.
      </p>
      <div className="card">
        <RegisterForm
          onRegistered={() => {
            restart();
            navigate("/status-akun", { replace: true });
          }}
        />
      </div>
      <p>
        Sudah punya akun? <Link to="/masuk">Masuk</Link>.
      </p>
    </div>
  );
}
