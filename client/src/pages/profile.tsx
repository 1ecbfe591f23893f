import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../gql";
import { Field, FormMessage, PasswordInput } from "../components/field";
import { PageTitle } from "../components/page-title";
import { StatusBadge } from "../components/status-badge";
import { focusFirstError, placeError, requestErrorMessage, type FieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { ROLE_LABEL } from "../lib/labels";
import { useSession } from "../lib/session";

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
      ... on Error {
        code
        message
        field
      }
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
      ... on Error {
        code
        message
        field
      }
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
      <div>
        <dt>{u.identityType}</dt>
        <dd>
          <span className="mono">{u.nomorIdentitasMasked}</span>
          <br />
          <span className="muted small">Ditampilkan tersamar. Pembetulan {u.identityType} dilakukan oleh admin kantor.</span>
        </dd>
      </div>
      <div>
        <dt>Status akun</dt>
        <dd>
          <StatusBadge status={u.status} />
        </dd>
      </div>
      <div>
        <dt>Peran</dt>
        <dd>
          {ROLE_LABEL[u.role]}
          {u.instansi ? ` — ${u.instansi.nama}` : ""}
        </dd>
      </div>
      <div>
        <dt>Terdaftar</dt>
        <dd>{formatDateTime(u.createdAt)}</dd>
      </div>
      <div>
        <dt>Persetujuan</dt>
        <dd>
          <Link to="/syarat-ketentuan">Syarat dan Ketentuan</Link> versi {u.consentTermsVersion},{" "}
          <Link to="/kebijakan-privasi">Kebijakan Privasi</Link> versi {u.consentPrivacyVersion}, disetujui {formatDateTime(u.consentAt)}
        </dd>
      </div>
    </dl>
  );
}

const CONTACT_FIELDS = ["namaLengkap", "email", "telepon"] as const;

function ContactForm(props: { user: FragmentType<typeof ContactForm_UserFragment> }) {
  const u = useFragment(ContactForm_UserFragment, props.user);
  const [values, setValues] = useState({ namaLengkap: u.namaLengkap, email: u.email, telepon: u.telepon });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, update] = useMutation(UpdateProfileMutation);
  const formRef = useRef<HTMLFormElement>(null);

  function set(key: (typeof CONTACT_FIELDS)[number], value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((x) => ({ ...x, [key]: "" }));
    setMessage(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const result = await update(values);
    const r = result.data?.updateProfile;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "UpdateProfileSuccess") {
      setErrors({});
      return setMessage({ kind: "success", text: "Perubahan data kontak tersimpan." });
    }
    const placed = placeError(r, CONTACT_FIELDS);
    setErrors(placed.fields);
    if (placed.form) setMessage({ kind: "error", text: placed.form });
    focusFirstError(formRef.current, CONTACT_FIELDS, placed.fields);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="kontak-heading">
      <Field name="namaLengkap" label="Nama lengkap" hint="Sesuai KTP." error={errors.namaLengkap}>
        {(p) => <input {...p} type="text" autoComplete="name" value={values.namaLengkap} onChange={(e) => set("namaLengkap", e.target.value)} />}
      </Field>
      <Field
        name="email"
        label="Email"
        hint={u.emailVerified ? "Email sudah terverifikasi." : "Email belum terverifikasi."}
        error={errors.email}
      >
        {(p) => <input {...p} type="email" autoComplete="email" autoCapitalize="none" value={values.email} onChange={(e) => set("email", e.target.value)} />}
      </Field>
      <Field name="telepon" label="Nomor telepon / WhatsApp" error={errors.telepon}>
        {(p) => <input {...p} type="tel" autoComplete="tel" value={values.telepon} onChange={(e) => set("telepon", e.target.value)} />}
      </Field>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Menyimpan…" : "Simpan perubahan"}
        </button>
      </div>
    </form>
  );
}

const PASSWORD_FIELDS = ["passwordLama", "passwordBaru", "ulangi"] as const;

function PasswordForm() {
  const [values, setValues] = useState({ passwordLama: "", passwordBaru: "", ulangi: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);
  const formRef = useRef<HTMLFormElement>(null);

  function set(key: (typeof PASSWORD_FIELDS)[number], value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((x) => ({ ...x, [key]: "" }));
    setMessage(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const local: FieldErrors = {};
    if (!values.passwordLama) local.passwordLama = "Masukkan kata sandi Anda saat ini.";
    if (values.passwordBaru.length < 10) local.passwordBaru = "Kata sandi baru minimal 10 karakter.";
    if (values.ulangi !== values.passwordBaru) local.ulangi = "Kedua kata sandi baru tidak sama.";
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError(formRef.current, PASSWORD_FIELDS, local);
    const result = await change({ passwordLama: values.passwordLama, passwordBaru: values.passwordBaru });
    const r = result.data?.changePassword;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "ChangePasswordSuccess") {
      setValues({ passwordLama: "", passwordBaru: "", ulangi: "" });
      return setMessage({ kind: "success", text: "Kata sandi telah diubah. Sesi di perangkat lain telah diakhiri." });
    }
    const placed = placeError(r, PASSWORD_FIELDS);
    setErrors(placed.fields);
    if (placed.form) setMessage({ kind: "error", text: placed.form });
    focusFirstError(formRef.current, PASSWORD_FIELDS, placed.fields);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="sandi-heading">
      <Field name="passwordLama" label="Kata sandi saat ini" error={errors.passwordLama}>
        {(p) => <PasswordInput {...p} autoComplete="current-password" value={values.passwordLama} onChange={(v) => set("passwordLama", v)} />}
      </Field>
      <Field name="passwordBaru" label="Kata sandi baru" hint="Minimal 10 karakter; jangan memakai NIK, nama, atau email." error={errors.passwordBaru}>
        {(p) => <PasswordInput {...p} autoComplete="new-password" value={values.passwordBaru} onChange={(v) => set("passwordBaru", v)} />}
      </Field>
      <Field name="ulangi" label="Ulangi kata sandi baru" error={errors.ulangi}>
        {(p) => <PasswordInput {...p} autoComplete="new-password" value={values.ulangi} onChange={(v) => set("ulangi", v)} />}
      </Field>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Menyimpan…" : "Ubah kata sandi"}
        </button>
      </div>
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
        Lihat semua data yang disimpan Loket tentang Anda, dan unduh salinannya (hak akses dan hak atas salinan data pribadi, UU
        27/2022). Untuk meminta penghapusan akun, hubungi kantor; lihat <Link to="/kebijakan-privasi">Kebijakan Privasi</Link>.
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={shown}
          aria-controls="data-saya"
          onClick={() => (shown ? setShown(false) : (setShown(true), refetch({ requestPolicy: "network-only" })))}
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
        {shown && error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
        {shown && data && (
          <pre className="json" tabIndex={0} aria-label="Data saya dalam format JSON">
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
      {error && !data && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
      {data && !me && (
        <p className="card">
          Anda belum masuk. <Link to="/masuk?lanjut=/profil">Masuk</Link> untuk melihat profil.
        </p>
      )}
      {me && (
        <>
          <section className="card" aria-labelledby="akun-heading">
            <h2 id="akun-heading">Akun</h2>
            <ProfileDetails user={me} />
          </section>
          <section className="card" aria-labelledby="kontak-heading">
            <h2 id="kontak-heading">Data kontak</h2>
            <ContactForm user={me} />
          </section>
          <section className="card" aria-labelledby="sandi-heading">
            <h2 id="sandi-heading">Kata sandi</h2>
            <PasswordForm />
          </section>
          <section className="card" aria-labelledby="sesi-heading">
            <h2 id="sesi-heading">Keluar</h2>
            <Sessions />
          </section>
          <section className="card" aria-labelledby="data-heading">
            <h2 id="data-heading">Data saya</h2>
            <MyData />
          </section>
          <section className="card" aria-labelledby="akses-heading">
            <h2 id="akses-heading">Siapa melihat data saya</h2>
            <p>Lihat kapan petugas atau sistem lain membuka data pribadi Anda, seperti NIK lengkap atau dokumen yang Anda unggah.</p>
            <p>
              <Link className="button button--secondary" to="/profil/akses-data">
                Siapa melihat data saya
              </Link>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
