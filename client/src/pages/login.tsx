import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { LoginMutation as LoginResult } from "../gql/graphql";
import { Field, FormMessage, PasswordInput } from "../components/field";
import { PageTitle } from "../components/page-title";
import { ErrorSummary } from "../components/error-summary";
import type { FieldErrors } from "../lib/errors";
import { useForm } from "../lib/form";
import { waitText } from "../lib/format";
import { useSession, worksDesk } from "../lib/session";

const LoginMutation = graphql(`
  mutation Login($nomorIdentitas: String!, $password: String!) {
    login(nomorIdentitas: $nomorIdentitas, password: $password) {
      __typename
      ... on LoginSuccess {
        data {
          user {
            id
            role
            status
          }
        }
      }
      ... on LoginError {
        code
        message
        field
        retryAfterSeconds
      }
      ... on ValidationError {
        code
        message
        field
      }
    }
  }
`);

type LoggedInUser = Extract<LoginResult["login"], { __typename: "LoginSuccess" }>["data"]["user"];

const FIELDS = ["nomorIdentitas", "password"] as const;

/** Seconds left until `until` (ms since epoch), ticking every second. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

export function LoginForm({ onSuccess }: { onSuccess: (user: LoggedInUser) => void }) {
  const { values, bind, set, errors, formError, setFormError, formRef, checked, showApiError, showRequestError, summary } = useForm(
    { nomorIdentitas: "", password: "" },
    FIELDS,
  );
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [{ fetching }, login] = useMutation(LoginMutation);
  const wait = useCountdown(retryUntil);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching || wait > 0) return;
    const nomor = values.nomorIdentitas.replace(/\s+/g, "");
    const local: FieldErrors = {};
    if (!nomor) local.nomorIdentitas = "Masukkan NIK atau NIP Anda.";
    else if (!/^(\d{16}|\d{18})$/.test(nomor)) local.nomorIdentitas = "Masukkan NIK (16 angka) atau NIP (18 angka).";
    if (!values.password) local.password = "Masukkan kata sandi Anda.";
    setFormError(null);
    if (!checked(local)) return;
    const result = await login({ nomorIdentitas: nomor, password: values.password });
    const r = result.data?.login;
    if (!r) return showRequestError(result.error);
    if (r.__typename === "LoginSuccess") {
      onSuccess(r.data.user);
      return;
    }
    showApiError(r);
    if (r.__typename === "LoginError" && r.retryAfterSeconds) setRetryUntil(Date.now() + r.retryAfterSeconds * 1000);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label="Masuk ke Loket">
      <ErrorSummary {...summary} />
      <Field name="nomorIdentitas" label="NIK atau NIP" hint="NIK 16 angka (warga) atau NIP 18 angka (pegawai)." error={errors.nomorIdentitas}>
        {(props) => <input {...props} type="text" inputMode="numeric" autoComplete="username" {...bind("nomorIdentitas")} />}
      </Field>
      <Field name="password" label="Kata sandi" error={errors.password}>
        {(props) => <PasswordInput {...props} autoComplete="current-password" value={values.password} onChange={(v) => set("password", v)} />}
      </Field>
      <FormMessage kind="error">{formError}</FormMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching || wait > 0} aria-describedby={wait > 0 ? "login-wait" : undefined}>
          {fetching ? "Memproses…" : "Masuk"}
        </button>
        {wait > 0 && (
          <p id="login-wait" className="muted" aria-live="off">
            Anda dapat mencoba lagi dalam {waitText(wait)}.
          </p>
        )}
      </div>
    </form>
  );
}

export default function LoginPage() {
  const { restart } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = new URLSearchParams(location.search).get("lanjut");
  return (
    <div className="narrow">
      <PageTitle>Masuk</PageTitle>
      <p className="lead">Masuk dengan NIK atau NIP dan kata sandi yang Anda buat saat mendaftar.</p>
      <div className="card">
        <LoginForm
          onSuccess={(user) => {
            restart();
            const home =
              // each to the desk they work first: admins to activations, officers to the queue, PPIDs to theirs
              worksDesk(user, "admin")
                ? "/admin/aktivasi"
                : worksDesk(user, "layanan")
                  ? "/petugas/antrian"
                  : worksDesk(user, "ppid")
                    ? "/ppid"
                    : user.status === "AKTIF"
                      ? "/pengajuan"
                      : "/status-akun";
            navigate(next?.startsWith("/") && !next.startsWith("//") ? next : home, { replace: true });
          }}
        />
      </div>
      <p>
        Belum punya akun? <Link to="/daftar">Daftar dengan NIK</Link>.
      </p>
      <p>
        <Link to="/lupa-sandi">Lupa kata sandi?</Link>
      </p>
    </div>
  );
}
