import { checkContact } from "../lib/account-checks";
import { checkPasswordStrength } from "../../../server/shared/password";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../gql";
import { CardSection } from "../components/card-section";
import { ErrorSummary } from "../components/error-summary";
import { ContactFields, type Contact } from "../components/contact-fields";
import { Fact, TimeFact } from "../components/facts";
import { Field, FormActions, FormMessage, PasswordInput } from "../components/field";
import { PageTitle } from "../components/page-title";
import { StatusBadge } from "../components/status-badge";
import { requestErrorMessage, type FieldErrors } from "../lib/errors";
import { useForm } from "../lib/form";
import { formatDateTime } from "../lib/format";
import { roleText } from "../lib/labels";
import { useSession } from "../lib/session";
import { HelpLink } from "../components/help-link";
import { NotificationChannels } from "./profile-kanal";

const ProfilePageQuery = graphql(`
  query ProfilePage {
    me {
      id
      ...ProfileDetails_User
      ...ContactForm_User
    }
  }
`);

export const ProfileDetails_UserFragment = graphql(`
  fragment ProfileDetails_User on User {
    identityType
    nomorIdentitasMasked
    role
    status
    instansi {
      id
      nama
    }
    createdAt
    consentTermsVersion
    consentPrivacyVersion
    consentAt
  }
`);

export const ContactForm_UserFragment = graphql(`
  fragment ContactForm_User on User {
    id
    namaLengkap
    email
    emailVerified
    telepon
  }
`);

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($namaLengkap: String, $email: String, $telepon: String) {
    updateProfile(namaLengkap: $namaLengkap, email: $email, telepon: $telepon) {
      __typename
      ... on UpdateProfileSuccess {
        data {
          id
          ...ContactForm_User
        }
      }
      ...ErrorFields
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($passwordLama: String!, $passwordBaru: String!) {
    changePassword(passwordLama: $passwordLama, passwordBaru: $passwordBaru) {
      __typename
      ... on ChangePasswordSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

const MyDataQuery = graphql(`
  query MyData {
    myData
  }
`);

function ProfileDetails(props: { user: FragmentType<typeof ProfileDetails_UserFragment> }) {
  const u = useFragment(ProfileDetails_UserFragment, props.user);
  return (
    <dl className="facts">
      <Fact label={u.identityType}>
        <span className="mono">{u.nomorIdentitasMasked}</span>
        <br />
        <span className="muted small">Ditampilkan tersamar. Pembetulan {u.identityType} dilakukan oleh admin kantor.</span>
      </Fact>
      <Fact label="Status akun">
        <StatusBadge status={u.status} />
      </Fact>
      <Fact label="Peran">{roleText(u)}</Fact>
      <TimeFact label="Terdaftar" at={u.createdAt} />
      <Fact label="Persetujuan">
        <Link to="/syarat-ketentuan">Syarat dan Ketentuan</Link> versi {u.consentTermsVersion}, <Link to="/kebijakan-privasi">Kebijakan Privasi</Link> versi{" "}
        {u.consentPrivacyVersion}, disetujui {formatDateTime(u.consentAt)}
      </Fact>
    </dl>
  );
}

const CONTACT_FIELDS = ["namaLengkap", "email", "telepon"] as const;

/** A form of the profile page: a changed value drops the messages about it and the last result. */
function useProfileForm<T extends object>(initial: T, fields: readonly string[]) {
  const form = useForm<T>(initial, fields);
  const [saved, setSaved] = useState<string | null>(null);
  function change<K extends keyof T & string>(key: K, value: T[K]) {
    form.set(key, value);
    form.setFormError(null);
    setSaved(null);
  }
  function start() {
    form.setFormError(null);
    setSaved(null);
  }
  const messages = (
    <>
      <FormMessage kind="error">{form.formError}</FormMessage>
      <FormMessage kind="success">{saved}</FormMessage>
    </>
  );
  return { ...form, change, start, setSaved, messages };
}

function ContactForm(props: { user: FragmentType<typeof ContactForm_UserFragment> }) {
  const u = useFragment(ContactForm_UserFragment, props.user);
  const form = useProfileForm<Contact>({ namaLengkap: u.namaLengkap, email: u.email, telepon: u.telepon }, CONTACT_FIELDS);
  const [{ fetching }, update] = useMutation(UpdateProfileMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.start();
    const local = checkContact(form.values, {
      namaLengkap: "Tulis nama lengkap Anda sesuai KTP.",
      email: "Masukkan alamat email Anda.",
      telepon: "Masukkan nomor telepon atau WhatsApp Anda.",
    });
    if (!form.checked(local)) return;
    const result = await update(form.values);
    const r = result.data?.updateProfile;
    if (!r) return form.showRequestError(result.error);
    if (r.__typename === "UpdateProfileSuccess") {
      form.setErrors({});
      return form.setSaved("Perubahan data kontak tersimpan.");
    }
    form.showApiError(r);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-labelledby="kontak-heading">
      <ErrorSummary {...form.summary} />
      <ContactFields
        values={form.values}
        onChange={form.change}
        errors={form.errors}
        hints={{ namaLengkap: "Sesuai KTP.", email: u.emailVerified ? "Email sudah terverifikasi." : "Email belum terverifikasi." }}
        own
      />
      {form.messages}
      <FormActions busy={fetching} busyText="Menyimpan…">
        Simpan perubahan
      </FormActions>
    </form>
  );
}

const PASSWORD_FIELDS = ["passwordLama", "passwordBaru", "ulangi"] as const;

const NO_PASSWORDS = { passwordLama: "", passwordBaru: "", ulangi: "" };

function PasswordForm() {
  const form = useProfileForm(NO_PASSWORDS, PASSWORD_FIELDS);
  const { values, errors, change: set } = form;
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.start();
    const local: FieldErrors = {};
    if (!values.passwordLama) local.passwordLama = "Masukkan kata sandi Anda saat ini.";
    // the API's rules for any password (length, the common ones); whether it holds the name or NIK it says itself
    const weak = values.passwordBaru ? checkPasswordStrength(values.passwordBaru)?.message : "Buat kata sandi baru.";
    if (weak) local.passwordBaru = weak;
    if (values.ulangi !== values.passwordBaru) local.ulangi = "Kedua kata sandi baru tidak sama.";
    if (!form.checked(local)) return;
    const result = await change({ passwordLama: values.passwordLama, passwordBaru: values.passwordBaru });
    const r = result.data?.changePassword;
    if (!r) return form.showRequestError(result.error);
    if (r.__typename === "ChangePasswordSuccess") {
      form.setValues(NO_PASSWORDS);
      return form.setSaved("Kata sandi telah diubah. Sesi di perangkat lain telah diakhiri.");
    }
    form.showApiError(r);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-labelledby="sandi-heading">
      <ErrorSummary {...form.summary} />
      <Field name="passwordLama" label="Kata sandi saat ini" error={errors.passwordLama}>
        {(p) => <PasswordInput {...p} autoComplete="current-password" value={values.passwordLama} onChange={(v) => set("passwordLama", v)} />}
      </Field>
      <Field name="passwordBaru" label="Kata sandi baru" hint="Minimal 10 karakter; jangan memakai NIK, nama, atau email." error={errors.passwordBaru}>
        {(p) => <PasswordInput {...p} autoComplete="new-password" value={values.passwordBaru} onChange={(v) => set("passwordBaru", v)} />}
      </Field>
      <Field name="ulangi" label="Ulangi kata sandi baru" error={errors.ulangi}>
        {(p) => <PasswordInput {...p} autoComplete="new-password" value={values.ulangi} onChange={(v) => set("ulangi", v)} />}
      </Field>
      {form.messages}
      <FormActions busy={fetching} busyText="Menyimpan…">
        Ubah kata sandi
      </FormActions>
    </form>
  );
}

function MyData() {
  const [shown, setShown] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyDataQuery, pause: !shown, requestPolicy: "network-only" });
  const json = data ? JSON.stringify(data.myData, null, 2) : "";

  function download() {
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `data-saya-loket-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      <p>
        Lihat semua data yang disimpan Loket tentang Anda, dan unduh salinannya (hak akses dan hak atas salinan data pribadi, UU 27/2022). Untuk meminta
        penghapusan akun, hubungi kantor; lihat <Link to="/kebijakan-privasi">Kebijakan Privasi</Link>.
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={shown}
          aria-controls="data-saya"
          onClick={() => {
            setShown(!shown);
            if (!shown) refetch({ requestPolicy: "network-only" });
          }}
        >
          {shown ? "Sembunyikan data saya" : "Tampilkan data saya"}
        </button>
        {data && shown && (
          <button type="button" className="button button--secondary" onClick={download}>
            Unduh (JSON)
          </button>
        )}
      </div>
      <div id="data-saya">
        {shown && fetching && <p aria-busy="true">Memuat data…</p>}
        {shown && error && (
          <p className="alert alert--error">
            {requestErrorMessage(error)} <HelpLink inline />
          </p>
        )}
        {shown && data && (
          <pre
            className="json"
            role="region"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
            tabIndex={0}
            aria-label="Data saya dalam format JSON"
          >
            {json}
          </pre>
        )}
      </div>
    </>
  );
}

function Sessions() {
  const { restart } = useSession();
  const navigate = useNavigate();
  const [{ fetching: f1 }, logout] = useMutation(LogoutMutation);
  const [{ fetching: f2 }, logoutEverywhere] = useMutation(LogoutEverywhereMutation);
  const [error, setError] = useState<string | null>(null);

  async function run(everywhere: boolean) {
    setError(null);
    const result = everywhere ? await logoutEverywhere({}) : await logout({});
    if (result.error) return setError(requestErrorMessage(result.error));
    restart();
    navigate("/", {
      replace: true,
      state: { flash: everywhere ? "Anda telah keluar dari semua perangkat." : "Anda telah keluar. Sampai jumpa!" },
    });
  }

  return (
    <>
      <p>Keluar dari perangkat ini, atau dari semua perangkat bila Anda pernah masuk di komputer umum atau curiga akun dipakai orang lain.</p>
      <div className="form__actions">
        <button type="button" className="button button--secondary" disabled={f1 || f2} onClick={() => run(false)}>
          Keluar
        </button>
        <button type="button" className="button button--danger" disabled={f1 || f2} onClick={() => run(true)}>
          Keluar dari semua perangkat
        </button>
      </div>
      {error && <FormMessage kind="error">{error}</FormMessage>}
    </>
  );
}

export default function ProfilePage() {
  const [{ data, fetching, error }] = useQuery({ query: ProfilePageQuery });
  const me = data?.me;
  return (
    <div className="narrow">
      <PageTitle>Profil</PageTitle>
      {fetching && !data && <p aria-busy="true">Memuat profil…</p>}
      {error && !data && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {data && !me && (
        <p className="card">
          Anda belum masuk. <Link to="/masuk?lanjut=/profil">Masuk</Link> untuk melihat profil.
        </p>
      )}
      {me && (
        <>
          <CardSection id="akun-heading" title="Akun">
            <ProfileDetails user={me} />
          </CardSection>
          <CardSection id="kontak-heading" title="Data kontak">
            <ContactForm user={me} />
          </CardSection>
          <CardSection id="pemberitahuan-heading" title="Pemberitahuan">
            <NotificationChannels />
          </CardSection>
          <CardSection id="sandi-heading" title="Kata sandi">
            <PasswordForm />
          </CardSection>
          <CardSection id="sesi-heading" title="Keluar">
            <Sessions />
          </CardSection>
          <CardSection id="data-heading" title="Data saya">
            <MyData />
          </CardSection>
          <CardSection id="akses-heading" title="Siapa melihat data saya">
            <p>Lihat kapan petugas atau sistem lain membuka data pribadi Anda, seperti NIK lengkap atau dokumen yang Anda unggah.</p>
            <p>
              <Link className="button button--secondary" to="/profil/akses-data">
                Siapa melihat data saya
              </Link>
            </p>
          </CardSection>
        </>
      )}
    </div>
  );
}
