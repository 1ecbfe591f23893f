import { checkContact } from "../../../lib/account-checks";
import { checkPasswordStrength } from "../../../../../server/shared/password";
import type { FormEvent } from "react";
import { useMutation } from "urql";
import type { IdentityType, Role } from "../../../gql/graphql";
import { ContactFields } from "../../../components/contact-fields";
import { ErrorSummary } from "../../../components/error-summary";
import { InstansiField } from "../../../components/instansi-field";
import { Field, FormActions, PasswordInput, SelectField } from "../../../components/field";
import { errorCode, type FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { ROLE_LABEL } from "../../../lib/labels";
import { isSuperadmin, useSession } from "../../../lib/session";
import { PASSWORD_MIN } from "../../../../../server/shared/limits";
import { IdentityFields, useIdentity } from "../../../components/identity-fields";
import { CreateStaffAccountMutation } from "./documents";
import { type Office, STAFF_ROLES, needsInstansi, roleHint, roleOptions, officeOptions, refusal } from "./roles";

// ---------------------------------------------------------------------------------------------------
// new staff account

const STAFF_FIELDS = ["identityType", "nomorIdentitas", "namaLengkap", "email", "telepon", "role", "instansiId", "password"] as const;

interface StaffForm {
  identityType: IdentityType;
  nomorIdentitas: string;
  namaLengkap: string;
  email: string;
  telepon: string;
  role: Role;
  instansiId: string;
  password: string;
}

const IDENTITY_TYPES = [
  { type: "NIP", label: "NIP (aparatur sipil negara)", hint: "18 angka, dipakai untuk masuk ke Loket." },
  { type: "NIK", label: "NIK (pegawai non-ASN)", hint: "16 angka sesuai KTP, dipakai untuk masuk ke Loket." },
] as const;

/** A password that passes the API's checks: 14 characters from an alphabet without look-alikes (0/O, 1/l). */
function randomPassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = new Uint8Array(14);
  crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5, 10).join("")}-${chars.slice(10).join("")}`;
}

export function CreateStaffForm({ offices, onCreated, onCancel }: { offices: Office[]; onCreated: (message: string) => void; onCancel: () => void }) {
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const roles: readonly Role[] = superadmin ? [...STAFF_ROLES, "SUPERADMIN"] : STAFF_ROLES;
  const {
    values: form,
    set,
    errors,
    formError,
    setFormError,
    formRef,
    checked,
    showApiError,
    summary,
  } = useForm<StaffForm>(
    {
      identityType: "NIP",
      nomorIdentitas: "",
      namaLengkap: "",
      email: "",
      telepon: "",
      role: "PETUGAS",
      instansiId: superadmin ? "" : (me?.instansi?.id ?? ""),
      password: "",
    },
    STAFF_FIELDS,
  );
  const identity = useIdentity(form);
  const [{ fetching }, create] = useMutation(CreateStaffAccountMutation);
  const instansiId = superadmin ? form.instansiId || offices.find((o) => o.aktif)?.id || "" : form.instansiId;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    // the API's own rules (lib/account-checks.ts): nothing it would refuse is sent
    const local: FieldErrors = checkContact(form, {
      namaLengkap: "Tulis nama lengkap pemilik akun sesuai KTP, tanpa gelar.",
      email: "Masukkan alamat email pemilik akun.",
      telepon: "Masukkan nomor telepon pemilik akun.",
    });
    const idProblem = identity.problem(`Masukkan ${form.identityType} pemilik akun.`);
    if (idProblem) local.nomorIdentitas = idProblem;
    if (needsInstansi(form.role) && !instansiId) local.instansiId = "Pilih instansi tempat ia bekerja.";
    if (form.password.length < PASSWORD_MIN) local.password = `Kata sandi awal minimal ${PASSWORD_MIN} karakter. Pakai tombol “Buatkan kata sandi” bila perlu.`;
    else {
      const weak = checkPasswordStrength(form.password, [form.nomorIdentitas.replace(/\s+/g, "")]);
      if (weak) local.password = weak.message;
    }
    if (!checked(local)) return;
    const result = await create({
      ...form,
      nomorIdentitas: form.nomorIdentitas.replace(/\s+/g, ""),
      instansiId: needsInstansi(form.role) ? instansiId : null,
    });
    const r = result.data?.createStaffAccount;
    if (!r) {
      // "not allowed to give this role" comes as a request error: it concerns the role chosen
      if (errorCode(result.error) === "FORBIDDEN") checked({ role: refusal(result.error) });
      else setFormError(refusal(result.error));
      return;
    }
    if (r.__typename === "CreateStaffAccountSuccess") {
      onCreated(
        `Akun ${r.data.namaLengkap} (${ROLE_LABEL[r.data.role]}) telah dibuat dan langsung aktif. Sampaikan ${form.identityType} dan kata sandi awalnya secara langsung kepada yang bersangkutan.`,
      );
      return;
    }
    showApiError(r);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="staf-baru-heading">
      <h2 id="staf-baru-heading">Tambah akun staf</h2>
      <ErrorSummary {...summary} />
      <p className="muted">
        Akun staf langsung aktif, tanpa menunggu aktivasi. Isi dengan data pemilik akun sendiri: setiap tindakan di Loket tercatat atas namanya.
      </p>
      <IdentityFields
        legend="Nomor identitas"
        inline
        types={IDENTITY_TYPES}
        values={form}
        onChange={set}
        identity={identity}
        error={errors.nomorIdentitas}
        autoComplete="off"
      />
      <ContactFields
        values={form}
        onChange={set}
        errors={errors}
        hints={{
          namaLengkap: "Sesuai KTP, tanpa gelar.",
          email: "Email kantor bila ada. Tautan atur ulang kata sandi dikirim ke sini.",
          telepon: "Contoh: 081234567890.",
        }}
        own={false}
      />
      <SelectField
        name="role"
        label="Peran"
        hint={roleHint(form.role)}
        error={errors.role}
        value={form.role}
        onChange={(r) => set("role", r)}
        options={roleOptions(roles)}
      />
      {needsInstansi(form.role) && (
        <InstansiField
          choose={superadmin}
          label="Instansi"
          error={errors.instansiId}
          value={instansiId}
          onChange={(id) => set("instansiId", id)}
          options={officeOptions(offices)}
          loading={offices.length === 0}
          own={me?.instansi?.nama}
        />
      )}
      <Field
        name="password"
        label="Kata sandi awal"
        hint="Minimal 10 karakter, tidak memuat NIP/NIK atau nama. Sampaikan secara langsung (bukan lewat grup percakapan) dan minta ia menggantinya di halaman Profil setelah masuk pertama kali."
        error={errors.password}
      >
        {(p) => <PasswordInput {...p} autoComplete="new-password" value={form.password} onChange={(v) => set("password", v)} />}
      </Field>
      <p>
        <button type="button" className="button button--quiet button--small" onClick={() => set("password", randomPassword())}>
          Buatkan kata sandi
        </button>
      </p>
      <FormActions error={formError} busy={fetching} busyText="Membuat akun…" onCancel={onCancel} cancelKind="secondary">
        Buat akun staf
      </FormActions>
    </form>
  );
}
