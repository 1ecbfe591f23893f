import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { LoginMutation as LoginResult } from "../gql/graphql";
import { Field, FormMessage, PasswordInput } from "../components/field";
import { PageTitle } from "../components/page-title";
import { focusFirstError, placeError, requestErrorMessage, type FieldErrors } from "../lib/errors";
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
  const [nomorIdentitas, setNomor] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [{ fetching }, login] = useMutation(LoginMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const wait = useCountdown(retryUntil);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching || wait > 0) return;
    const nomor = nomorIdentitas.replace(/\s+/g, "");
    const local: FieldErrors = {};
    if (!nomor) local.nomorIdentitas = "Masukkan NIK atau NIP Anda.";
    else if (!/^(\d{16}|\d{18})$/.test(nomor)) local.nomorIdentitas = "Masukkan NIK (16 angka) atau NIP (18 angka).";
    if (!password) local.password = "Masukkan kata sandi Anda.";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) {
      focusFirstError(formRef.current, FIELDS, local);
      return;
    }
    const result = await login({ nomorIdentitas: nomor, password });
    const r = result.data?.login;
    if (!r) {
      setFormError(requestErrorMessage(result.error));
      return;
    }
    if (r.__typename === "LoginSuccess") {
      onSuccess(r.data.user);
      return;
    }
    const placed = placeError(r, FIELDS);
    setErrors(placed.fields);
    setFormError(placed.form);
    if (r.__typename === "LoginError" && r.retryAfterSeconds) setRetryUntil(Date.now() + r.retryAfterSeconds * 1000);
    if (Object.keys(placed.fields).length) focusFirstError(formRef.current, FIELDS, placed.fields);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label="Masuk ke Loket">
      <Field name="nomorIdentitas" label="NIK atau NIP" hint="NIK 16 angka (warga) atau NIP 18 angka (pegawai)." error={errors.nomorIdentitas}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="numeric"
            autoComplete="username"
            value={nomorIdentitas}
            onChange={(e) => {
              setNomor(e.target.value);
              if (errors.nomorIdentitas) setErrors((x) => ({ ...x, nomorIdentitas: "" }));
            }}
          />
        )}
      </Field>
      <Field name="password" label="Kata sandi" error={errors.password}>
        {(props) => (
          <PasswordInput
            {...props}
            autoComplete="current-password"
            value={password}
            onChange={(v) => {
              setPassword(v);
              if (errors.password) setErrors((x) => ({ ...x, password: "" }));
            }}
          />
        )}
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
            navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : home, { replace: true });
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
