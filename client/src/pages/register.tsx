import { useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { IdentityType } from "../gql/graphql";
import { Checkbox, Field, FormMessage, PasswordInput } from "../components/field";
import { PageTitle } from "../components/page-title";
import { focusFirstError, placeError, requestErrorMessage, type FieldErrors } from "../lib/errors";
import { formatDate } from "../lib/format";
import { useSession } from "../lib/session";
// the same pure checks the API runs, so mistakes show while typing
import { NIK_ERROR_MESSAGES, NIK_WARNING_MESSAGES, validateNik, type NikWarningCode } from "../../../server/modules/identity/nik";
import { NIP_ERROR_MESSAGES, NIP_WARNING_MESSAGES, validateNip, type NipWarningCode } from "../../../server/modules/identity/nip";

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
      ... on Error {
        code
        message
        field
      }
    }
  }
`);

const FIELDS = [
  "nomorIdentitas",
  "namaLengkap",
  "email",
  "telepon",
  "password",
  "setujuSyaratKetentuan",
  "setujuKebijakanPrivasi",
] as const;

/** The API names the version fields; on the form they belong to the consent checkboxes. */
const FIELD_ALIASES = { versiSyaratKetentuan: "setujuSyaratKetentuan", versiKebijakanPrivasi: "setujuKebijakanPrivasi" };

const PASSWORD_MIN = 10;

export interface IdentityCheck {
  error?: string;
  ok?: string;
  warning?: string;
  /** digits typed so far / digits needed */
  progress?: string;
}

/**
 * Checks a NIK/NIP while it is typed. An incomplete number only shows a counter until the field is left
 * (`finished`); a wrong character, or a complete number that breaks a rule, shows the API's own message.
 */
export function checkIdentity(type: IdentityType, raw: string, finished: boolean, now = new Date()): IdentityCheck {
  const digits = raw.replace(/\s+/g, "");
  if (!digits) return {};
  const length = type === "NIK" ? 16 : 18;
  const formatMessage = type === "NIK" ? NIK_ERROR_MESSAGES.NIK_FORMAT : NIP_ERROR_MESSAGES.NIP_FORMAT;
  if (/\D/.test(digits) || digits.length > length) return { error: formatMessage };
  if (digits.length < length) return finished ? { error: formatMessage } : { progress: `${digits.length}/${length}` };
  if (type === "NIK") {
    const r = validateNik(digits, now);
    if (!r.ok) return { error: r.message };
    const warning = r.warnings.map((w) => NIK_WARNING_MESSAGES[w as NikWarningCode]).join(" ") || undefined;
    return { ok: `Format NIK benar (tanggal lahir ${formatDate(r.birthDate, { weekday: false })}).`, warning };
  }
  const r = validateNip(digits, now);
  if (!r.ok) return { error: r.message };
  const warning = r.warnings.map((w) => NIP_WARNING_MESSAGES[w as NipWarningCode]).join(" ") || undefined;
  return { ok: `Format NIP benar (tanggal lahir ${formatDate(r.birthDate, { weekday: false })}).`, warning };
}

interface FormState {
  identityType: IdentityType;
  nomorIdentitas: string;
  namaLengkap: string;
  email: string;
  telepon: string;
  password: string;
  setujuSyaratKetentuan: boolean;
  setujuKebijakanPrivasi: boolean;
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
};

export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [identityLeft, setIdentityLeft] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ data: legal, error: legalError }] = useQuery({ query: LegalVersionsQuery });
  const [{ fetching }, register] = useMutation(RegisterMutation);
  const formRef = useRef<HTMLFormElement>(null);

  const identity = useMemo(() => checkIdentity(form.identityType, form.nomorIdentitas, identityLeft), [form.identityType, form.nomorIdentitas, identityLeft]);

  function set<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    // a server message about a field is stale once the field changes
    if (errors[key]) setErrors((x) => ({ ...x, [key]: "" }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    const local: FieldErrors = {};
    const idCheck = checkIdentity(form.identityType, form.nomorIdentitas, true);
    setIdentityLeft(true);
    if (!form.nomorIdentitas.trim()) local.nomorIdentitas = `Masukkan ${form.identityType} Anda.`;
    else if (idCheck.error) local.nomorIdentitas = idCheck.error;
    if (form.namaLengkap.trim().length < 2) local.namaLengkap = "Tulis nama lengkap Anda sesuai KTP.";
    if (!form.email.trim()) local.email = "Masukkan alamat email Anda.";
    if (!form.telepon.trim()) local.telepon = "Masukkan nomor telepon atau WhatsApp Anda.";
    if (form.password.length < PASSWORD_MIN) local.password = `Kata sandi minimal ${PASSWORD_MIN} karakter.`;
    if (!form.setujuSyaratKetentuan) local.setujuSyaratKetentuan = "Centang persetujuan ini untuk mendaftar.";
    if (!form.setujuKebijakanPrivasi) local.setujuKebijakanPrivasi = "Centang persetujuan ini untuk mendaftar.";
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirstError(formRef.current, FIELDS, local);
      return;
    }
    if (!legal) {
      setFormError(requestErrorMessage(legalError) ?? "Versi syarat dan kebijakan belum termuat. Tunggu sebentar, lalu coba lagi.");
      return;
    }
    setErrors({});
    const result = await register({
      input: {
        ...form,
        nomorIdentitas: form.nomorIdentitas.replace(/\s+/g, ""),
        versiSyaratKetentuan: legal.legalVersions.syaratKetentuan,
        versiKebijakanPrivasi: legal.legalVersions.kebijakanPrivasi,
      },
    });
    const r = result.data?.register;
    if (!r) {
      setFormError(requestErrorMessage(result.error));
      return;
    }
    if (r.__typename === "RegisterSuccess") {
      onRegistered();
      return;
    }
    const placed = placeError(r, FIELDS, FIELD_ALIASES);
    setErrors(placed.fields);
    setFormError(placed.form);
    focusFirstError(formRef.current, FIELDS, placed.fields);
  }

  const versions = legal?.legalVersions;
  const identityError = errors.nomorIdentitas || identity.error;

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label="Formulir pendaftaran">
      <fieldset className="choice">
        <legend className="field__label">Saya mendaftar dengan</legend>
        <div className="choice__options">
          {(["NIK", "NIP"] as const).map((t) => (
            <label key={t} className="choice__option">
              <input
                type="radio"
                name="identityType"
                value={t}
                checked={form.identityType === t}
                onChange={() => {
                  set("identityType", t);
                  setIdentityLeft(false);
                }}
              />
              {t === "NIK" ? "NIK (warga, sesuai KTP)" : "NIP (aparatur sipil negara)"}
            </label>
          ))}
        </div>
      </fieldset>

      <Field
        name="nomorIdentitas"
        label={form.identityType === "NIK" ? "NIK" : "NIP"}
        hint={
          form.identityType === "NIK"
            ? "16 angka, tertulis di KTP atau Kartu Keluarga. NIK disimpan terenkripsi."
            : "18 angka, tertulis di SK atau kartu pegawai. NIP disimpan terenkripsi."
        }
        error={identityError}
        success={!identityError ? identity.ok && `${identity.ok}${identity.warning ? ` ${identity.warning}` : ""}` : null}
        aside={identity.progress}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="numeric"
            autoComplete="username"
            value={form.nomorIdentitas}
            onChange={(e) => set("nomorIdentitas", e.target.value)}
            onBlur={() => setIdentityLeft(true)}
          />
        )}
      </Field>

      <Field name="namaLengkap" label="Nama lengkap" hint="Sesuai KTP, tanpa gelar." error={errors.namaLengkap}>
        {(props) => <input {...props} type="text" autoComplete="name" value={form.namaLengkap} onChange={(e) => set("namaLengkap", e.target.value)} />}
      </Field>

      <Field name="email" label="Email" hint="Untuk pemberitahuan status akun dan pengajuan." error={errors.email}>
        {(props) => (
          <input {...props} type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} value={form.email} onChange={(e) => set("email", e.target.value)} />
        )}
      </Field>

      <Field name="telepon" label="Nomor telepon / WhatsApp" hint="Contoh: 081234567890." error={errors.telepon}>
        {(props) => <input {...props} type="tel" inputMode="tel" autoComplete="tel" value={form.telepon} onChange={(e) => set("telepon", e.target.value)} />}
      </Field>

      <Field
        name="password"
        label="Kata sandi"
        hint={`Minimal ${PASSWORD_MIN} karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata acak yang pendek. Jangan memakai NIK, nama, atau email Anda.`}
        error={errors.password}
        aside={form.password ? `${form.password.length}/${PASSWORD_MIN}` : undefined}
      >
        {(props) => <PasswordInput {...props} autoComplete="new-password" value={form.password} onChange={(v) => set("password", v)} />}
      </Field>

      <Checkbox name="setujuSyaratKetentuan" checked={form.setujuSyaratKetentuan} onChange={(v) => set("setujuSyaratKetentuan", v)} error={errors.setujuSyaratKetentuan}>
        Saya telah membaca dan menyetujui{" "}
        <Link to="/syarat-ketentuan" target="_blank" rel="noopener">
          Syarat dan Ketentuan<span className="sr-only"> (membuka tab baru)</span>
        </Link>
        {versions && <span className="muted"> (versi {versions.syaratKetentuan})</span>}.
      </Checkbox>
      <Checkbox name="setujuKebijakanPrivasi" checked={form.setujuKebijakanPrivasi} onChange={(v) => set("setujuKebijakanPrivasi", v)} error={errors.setujuKebijakanPrivasi}>
        Saya menyetujui pemrosesan data pribadi saya sesuai{" "}
        <Link to="/kebijakan-privasi" target="_blank" rel="noopener">
          Kebijakan Privasi<span className="sr-only"> (membuka tab baru)</span>
        </Link>
        {versions && <span className="muted"> (versi {versions.kebijakanPrivasi})</span>}.
      </Checkbox>

      <FormMessage kind="error">{formError}</FormMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Mengirim…" : "Daftar"}
        </button>
      </div>
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
        Satu akun untuk semua layanan. Setelah mendaftar, admin kantor memeriksa data Anda lalu mengaktifkan akun; Anda dapat
        memantau statusnya langsung di layar.
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
