import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { Field, FormActions, FormMessage, PasswordInput } from "../components/field";
import { PageTitle } from "../components/page-title";
import { failureMessage } from "../lib/errors";
import { useForm } from "../lib/form";
import { useSession } from "../lib/session";
import { PASSWORD_MIN } from "../../../server/shared/limits";

const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      __typename
      ...ErrorFields
    }
  }
`);

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($nomorIdentitasAtauEmail: String!) {
    requestPasswordReset(nomorIdentitasAtauEmail: $nomorIdentitasAtauEmail) {
      __typename
      ...ErrorFields
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $passwordBaru: String!) {
    resetPassword(token: $token, passwordBaru: $passwordBaru) {
      __typename
      ...ErrorFields
    }
  }
`);

// a one-time token must be sent once, even when React runs an effect twice in development
const sentTokens = new Set<string>();

/** /verifikasi-email?token=… from the verification email (works without logging in). */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { me, refresh } = useSession();
  const [, verify] = useMutation(VerifyEmailMutation);
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current || sentTokens.has(token)) return;
    started.current = true;
    sentTokens.add(token);
    void verify({ token }).then((r) => {
      const res = r.data?.verifyEmail;
      if (res?.__typename === "VerifyEmailSuccess") {
        setState({ ok: true, message: "Alamat email Anda sudah terverifikasi. Terima kasih." });
        refresh();
      } else setState({ ok: false, message: failureMessage(res, r.error) ?? "" });
    });
  }, [token, verify, refresh]);

  return (
    <div className="narrow">
      <PageTitle>Verifikasi email</PageTitle>
      {!token && <p className="alert alert--error">Tautan verifikasi tidak lengkap. Buka tautan dari email Anda sekali lagi.</p>}
      {token && !state && <p aria-busy="true">Memeriksa tautan…</p>}
      {state && <FormMessage kind={state.ok ? "success" : "error"}>{state.message}</FormMessage>}
      {state && !state.ok && (
        <p>
          Tautan hanya berlaku sekali dan untuk waktu terbatas.{" "}
          {me ? <Link to="/profil">Kirim tautan baru dari halaman Profil</Link> : <Link to="/masuk">Masuk</Link>}
          {me ? "." : " lalu kirim tautan baru dari halaman Profil."}
        </p>
      )}
      {state?.ok && (
        <p>
          <Link to={me ? "/" : "/masuk"}>{me ? "Kembali ke Beranda" : "Masuk ke Loket"}</Link>
        </p>
      )}
    </div>
  );
}

const FORGOT_FIELDS = ["nomorIdentitasAtauEmail"] as const;

/** /lupa-sandi: ask for a reset link by NIK/NIP or email. */
export function ForgotPasswordPage() {
  const { values, bind, errors, formRef, checked } = useForm({ nomorIdentitasAtauEmail: "" }, FORGOT_FIELDS);
  const [sent, setSent] = useState(false);
  const [{ fetching }, request] = useMutation(RequestPasswordResetMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = values.nomorIdentitasAtauEmail.trim().replace(/^(\d[\d\s]+)$/, (m) => m.replace(/\s+/g, ""));
    if (!checked(v ? {} : { nomorIdentitasAtauEmail: "Masukkan NIK, NIP, atau email yang terdaftar." })) return;
    const r = await request({ nomorIdentitasAtauEmail: v });
    const res = r.data?.requestPasswordReset;
    // the form has one field: every failure is shown under it
    if (res?.__typename === "RequestPasswordResetSuccess") setSent(true);
    else checked({ nomorIdentitasAtauEmail: failureMessage(res, r.error) ?? "" });
  }

  return (
    <div className="narrow">
      <PageTitle>Lupa kata sandi</PageTitle>
      {sent ? (
        <div className="card">
          <FormMessage kind="success">
            Jika data tersebut terdaftar, kami sudah mengirim tautan untuk membuat kata sandi baru ke email akun itu. Tautan berlaku sebentar dan hanya sekali.
          </FormMessage>
          <p>Tidak menerima email dalam beberapa menit? Periksa folder spam, atau datang ke kantor pada jam layanan dengan membawa KTP.</p>
          <p>
            <Link to="/masuk">Kembali ke halaman Masuk</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">Masukkan NIK, NIP, atau email akun Anda. Kami kirimkan tautan untuk membuat kata sandi baru ke email yang terdaftar.</p>
          <form ref={formRef} className="card form" noValidate onSubmit={submit} aria-label="Minta tautan atur ulang kata sandi">
            <Field name="nomorIdentitasAtauEmail" label="NIK, NIP, atau email" error={errors.nomorIdentitasAtauEmail}>
              {(props) => (
                <input {...props} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} {...bind("nomorIdentitasAtauEmail")} />
              )}
            </Field>
            <FormActions busy={fetching} busyText="Mengirim…">
              Kirim tautan
            </FormActions>
          </form>
          <p>
            Ingat kata sandinya? <Link to="/masuk">Masuk</Link>.
          </p>
        </>
      )}
    </div>
  );
}

const RESET_FIELDS = ["passwordBaru"] as const;

/** /atur-ulang-sandi?token=… from the reset email. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { values, set, errors, formError, setFormError, formRef, checked, showApiError, showRequestError } = useForm({ passwordBaru: "" }, RESET_FIELDS);
  const password = values.passwordBaru;
  const [done, setDone] = useState(false);
  const [{ fetching }, reset] = useMutation(ResetPasswordMutation);
  const { restart } = useSession();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!checked(password.length < PASSWORD_MIN ? { passwordBaru: `Kata sandi minimal ${PASSWORD_MIN} karakter.` } : {})) return;
    const r = await reset({ token, passwordBaru: password });
    const res = r.data?.resetPassword;
    if (!res) return showRequestError(r.error);
    if (res.__typename === "ResetPasswordSuccess") {
      setDone(true);
      // every session of the account has ended, this browser's too
      restart();
      return;
    }
    showApiError(res);
  }

  return (
    <div className="narrow">
      <PageTitle>Buat kata sandi baru</PageTitle>
      {!token ? (
        <p className="alert alert--error">
          Tautan tidak lengkap. Buka tautan dari email Anda sekali lagi, atau <Link to="/lupa-sandi">minta tautan baru</Link>.
        </p>
      ) : done ? (
        <div className="card">
          <FormMessage kind="success">Kata sandi baru sudah disimpan. Semua sesi lama telah diakhiri.</FormMessage>
          <p>
            <Link className="button button--primary" to="/masuk">
              Masuk dengan kata sandi baru
            </Link>
          </p>
        </div>
      ) : (
        <form ref={formRef} className="card form" noValidate onSubmit={submit} aria-label="Formulir kata sandi baru">
          <Field
            name="passwordBaru"
            label="Kata sandi baru"
            hint={`Minimal ${PASSWORD_MIN} karakter. Jangan memakai NIK, nama, atau email Anda.`}
            error={errors.passwordBaru}
            aside={password ? `${password.length}/${PASSWORD_MIN}` : undefined}
          >
            {(props) => <PasswordInput {...props} autoComplete="new-password" value={password} onChange={(v) => set("passwordBaru", v)} />}
          </Field>
          <FormMessage kind="error">{formError}</FormMessage>
          {formError && (
            <p>
              <Link to="/lupa-sandi">Minta tautan baru</Link>
            </p>
          )}
          <FormActions busy={fetching} busyText="Menyimpan…">
            Simpan kata sandi
          </FormActions>
        </form>
      )}
    </div>
  );
}
