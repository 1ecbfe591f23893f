import { useMemo, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import type { AccountStatus } from "../../gql/graphql";
import { AccountCard } from "../../components/account-card";
import { AdminOnly } from "../../components/admin-only";
import { Fact, TimeFact } from "../../components/facts";
import { Field, FormActions, FormMessage, RadioChoice, SearchBox } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { requestErrorMessage, type ApiError } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { roleText, STATUS_LABEL } from "../../lib/labels";
import { HelpLink } from "../../components/help-link";
import { IdentityDocuments } from "./identity-documents";
import { formatDate } from "../../lib/format";
import { ALASAN_PENOLAKAN, KODE_ALASAN_PENOLAKAN, type KodeAlasanPenolakan } from "../../../../server/shared/berkas-identitas";

const AdminUsersQuery = graphql(`
  query AdminUsers($filter: UserFilter, $first: Int) {
    users(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          ...UserCard_User
        }
      }
    }
  }
`);

export const UserCard_UserFragment = graphql(`
  fragment UserCard_User on User {
    id
    namaLengkap
    identityType
    nomorIdentitasMasked
    email
    telepon
    role
    status
    statusReason
    createdAt
    tanggalLahir
    instansi {
      id
      nama
    }
    ...IdentityDocuments_User
  }
`);

const RevealIdentityQuery = graphql(`
  query RevealIdentity($id: ID!) {
    node(id: $id) {
      ... on User {
        id
        nomorIdentitas
      }
    }
  }
`);

const ActivateMutation = graphql(`
  mutation ActivateAccount($userId: ID!) {
    activateAccount(userId: $userId) {
      __typename
      ... on ActivateAccountSuccess {
        data {
          id
          status
          statusReason
        }
      }
      ...ErrorFields
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectAccount($userId: ID!, $alasan: String, $kodeAlasan: AlasanPenolakanAkun) {
    rejectAccount(userId: $userId, alasan: $alasan, kodeAlasan: $kodeAlasan) {
      __typename
      ... on RejectAccountSuccess {
        data {
          id
          status
          statusReason
        }
      }
      ...ErrorFields
    }
  }
`);

const SuspendMutation = graphql(`
  mutation SuspendAccount($userId: ID!, $alasan: String) {
    suspendAccount(userId: $userId, alasan: $alasan) {
      __typename
      ... on SuspendAccountSuccess {
        data {
          id
          status
          statusReason
        }
      }
      ...ErrorFields
    }
  }
`);

const ReinstateMutation = graphql(`
  mutation ReinstateAccount($userId: ID!) {
    reinstateAccount(userId: $userId) {
      __typename
      ... on ReinstateAccountSuccess {
        data {
          id
          status
          statusReason
        }
      }
      ...ErrorFields
    }
  }
`);

type Outcome = { ok: true } | { ok: false; error: ApiError | null; message: string };

function useAccountActions() {
  const [a, activate] = useMutation(ActivateMutation);
  const [r, reject] = useMutation(RejectMutation);
  const [s, suspend] = useMutation(SuspendMutation);
  const [p, reinstate] = useMutation(ReinstateMutation);
  const busy = a.fetching || r.fetching || s.fetching || p.fetching;

  async function run(
    kind: "activate" | "reject" | "suspend" | "reinstate",
    userId: string,
    alasan?: string,
    kodeAlasan?: KodeAlasanPenolakan,
  ): Promise<Outcome> {
    const result =
      kind === "activate"
        ? await activate({ userId })
        : kind === "reject"
          ? await reject({ userId, alasan: alasan || null, kodeAlasan: kodeAlasan ?? null })
          : kind === "suspend"
            ? await suspend({ userId, alasan })
            : await reinstate({ userId });
    const data = result.data as Record<string, { __typename: string } & Partial<ApiError>> | undefined;
    const payload = data ? Object.values(data)[0] : undefined;
    if (!payload) return { ok: false, error: null, message: requestErrorMessage(result.error) ?? "" };
    if (payload.__typename.endsWith("Success")) return { ok: true };
    return { ok: false, error: payload as ApiError, message: payload.message ?? "" };
  }
  return { run, busy };
}

const ACTION_DONE: Record<string, string> = {
  activate: "diaktifkan",
  reject: "ditolak",
  suspend: "ditangguhkan",
  reinstate: "dipulihkan",
};

function RevealNumber({ id, masked }: { id: string; masked: string }) {
  const [shown, setShown] = useState(false);
  const [{ data, fetching }] = useQuery({ query: RevealIdentityQuery, variables: { id }, pause: !shown, requestPolicy: "network-only" });
  const full = data?.node && "nomorIdentitas" in data.node ? data.node.nomorIdentitas : null;
  return (
    <>
      <span className="mono">{shown && full ? full : masked}</span>{" "}
      <button type="button" className="button button--quiet button--small" aria-pressed={shown} onClick={() => setShown((s) => !s)} disabled={fetching}>
        {shown ? "Samarkan" : "Tampilkan lengkap"}
      </button>
    </>
  );
}

const REASON_FIELDS = ["kode", "alasan"] as const;

const REASON_CHOICES = KODE_ALASAN_PENOLAKAN.map((k) => [k, ALASAN_PENOLAKAN[k].label] as const);

function ReasonForm({
  label,
  confirmText,
  busy,
  withChoices,
  onSubmit,
  onCancel,
}: {
  label: string;
  confirmText: string;
  busy: boolean;
  /** a refusal: a reason from the list (the person learns what to fix), the admin's words optional unless "Alasan lain" */
  withChoices?: boolean;
  onSubmit: (alasan: string, kode?: KodeAlasanPenolakan) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { values, set, bind, errors, formRef, checked } = useForm<{ kode: KodeAlasanPenolakan | ""; alasan: string }>({ kode: "", alasan: "" }, REASON_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const alasan = values.alasan.trim();
    const wordsNeeded = !withChoices || values.kode === "LAINNYA";
    const local: Record<string, string> = {};
    if (withChoices && !values.kode) local.kode = "Pilih alasan penolakan.";
    if (wordsNeeded ? alasan.length < 5 : alasan.length > 0 && alasan.length < 5) local.alasan = "Tulis alasan minimal 5 karakter; pemohon akan membacanya.";
    if (!checked(local)) return;
    const problem = await onSubmit(alasan, values.kode || undefined);
    if (problem) checked({ alasan: problem });
  }
  return (
    <form ref={formRef} className="form reason" noValidate onSubmit={submit}>
      {withChoices && (
        <RadioChoice name="kode" legend={label} options={REASON_CHOICES} value={values.kode} onChange={(v) => set("kode", v)} error={errors.kode ?? null} />
      )}
      <Field
        name="alasan"
        label={withChoices ? "Keterangan untuk pemohon" : label}
        required={!withChoices || values.kode === "LAINNYA"}
        hint={
          withChoices
            ? "Pemohon akan melihat alasan yang dipilih beserta keterangan ini, di halaman status akun dan di email."
            : "Pemohon akan melihat alasan ini."
        }
        error={errors.alasan}
      >
        {(p) =>
          withChoices ? (
            <textarea {...p} rows={3} {...bind("alasan")} />
          ) : (
            // biome-ignore lint/a11y/noAutofocus: the form opens when the admin chooses to refuse; the reason is what they type next
            <textarea {...p} rows={3} autoFocus {...bind("alasan")} />
          )
        }
      </Field>
      <FormActions busy={busy} kind="danger" onCancel={onCancel} cancelKind="secondary">
        {confirmText}
      </FormActions>
    </form>
  );
}

function UserCard(props: { user: FragmentType<typeof UserCard_UserFragment>; onDone: (message: string) => void }) {
  const u = useFragment(UserCard_UserFragment, props.user);
  const { run, busy } = useAccountActions();
  const [asking, setAsking] = useState<"reject" | "suspend" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(kind: "activate" | "reject" | "suspend" | "reinstate", alasan?: string, kode?: KodeAlasanPenolakan): Promise<string | null> {
    setError(null);
    const outcome = await run(kind, u.id, alasan, kode);
    if (outcome.ok) {
      setAsking(null);
      props.onDone(`Akun ${u.namaLengkap} telah ${ACTION_DONE[kind]}.`);
      return null;
    }
    if (outcome.error?.field === "alasan") return outcome.message;
    setError(outcome.message);
    return null;
  }

  return (
    <AccountCard nama={u.namaLengkap} status={u.status}>
      <div className="compare">
        <dl className="facts facts--compact">
          <Fact label={u.identityType}>
            <RevealNumber id={u.id} masked={u.nomorIdentitasMasked} />
          </Fact>
          <Fact label="Tanggal lahir (menurut NIK/NIP)">{u.tanggalLahir ? formatDate(u.tanggalLahir, { weekday: false }) : "—"}</Fact>
          <Fact label="Email" className="break">
            {u.email}
          </Fact>
          <Fact label="Telepon">{u.telepon}</Fact>
          <Fact label="Peran">{roleText(u)}</Fact>
          <TimeFact label="Terdaftar" at={u.createdAt} />
          {u.statusReason && <Fact label="Alasan">{u.statusReason}</Fact>}
        </dl>
        <IdentityDocuments user={u} />
      </div>
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {asking ? (
        <ReasonForm
          label={asking === "reject" ? `Alasan penolakan untuk ${u.namaLengkap}` : `Alasan penangguhan untuk ${u.namaLengkap}`}
          confirmText={asking === "reject" ? "Tolak pendaftaran" : "Tangguhkan akun"}
          busy={busy}
          withChoices={asking === "reject"}
          onSubmit={(alasan, kode) => act(asking, alasan, kode)}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div className="form__actions">
          {(u.status === "MENUNGGU_AKTIVASI" || u.status === "DITOLAK") && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void act("activate")}>
              Aktifkan<span className="sr-only"> akun {u.namaLengkap}</span>
            </button>
          )}
          {u.status === "MENUNGGU_AKTIVASI" && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setAsking("reject")}>
              Tolak<span className="sr-only"> pendaftaran {u.namaLengkap}</span>
            </button>
          )}
          {u.status === "AKTIF" && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setAsking("suspend")}>
              Tangguhkan<span className="sr-only"> akun {u.namaLengkap}</span>
            </button>
          )}
          {u.status === "DITANGGUHKAN" && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void act("reinstate")}>
              Pulihkan<span className="sr-only"> akun {u.namaLengkap}</span>
            </button>
          )}
        </div>
      )}
    </AccountCard>
  );
}

const TABS: AccountStatus[] = ["MENUNGGU_AKTIVASI", "AKTIF", "DITANGGUHKAN", "DITOLAK"];
const PAGE = 50;

function ActivationList() {
  const [status, setStatus] = useState<AccountStatus>("MENUNGGU_AKTIVASI");
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const variables = useMemo(() => ({ filter: { status, search: query || null }, first: PAGE }), [status, query]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminUsersQuery, variables });
  const users = data?.users.edges ?? [];
  const total = data?.users.totalCount ?? 0;

  return (
    <>
      <div className="toolbar">
        <div className="tabs" role="group" aria-label="Saring menurut status">
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              className={`tab${t === status ? " tab--active" : ""}`}
              aria-pressed={t === status}
              onClick={() => {
                setStatus(t);
                setMessage(null);
              }}
            >
              {STATUS_LABEL[t]}
            </button>
          ))}
        </div>
        <SearchBox id="cari-akun" label="Cari nama atau email" value={search} onChange={setSearch} onSearch={() => setQuery(search.trim())} />
      </div>
      <FormMessage kind="success">{message}</FormMessage>
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      <p className="muted" aria-live="polite">
        {fetching && !data
          ? "Memuat…"
          : `${total} akun ${STATUS_LABEL[status].toLowerCase()}${query ? ` untuk “${query}”` : ""}${total > users.length ? ` (menampilkan ${users.length})` : ""}.`}{" "}
        <button type="button" className="button button--quiet button--small" onClick={() => refetch({ requestPolicy: "network-only" })}>
          Muat ulang
        </button>
      </p>
      {data && users.length === 0 && (
        <p className="card muted">{status === "MENUNGGU_AKTIVASI" ? "Tidak ada pendaftaran yang menunggu aktivasi." : "Tidak ada akun."}</p>
      )}
      <ul className="users">
        {users.map((e) => (
          <UserCard key={e.node.id} user={e.node} onDone={setMessage} />
        ))}
      </ul>
    </>
  );
}

export default function ActivationPage() {
  return (
    <div>
      <PageTitle>Aktivasi akun</PageTitle>
      <p className="lead">
        Cocokkan nama, NIK/NIP, dan tanggal lahir dengan foto KTP (atau Kartu Keluarga bagi pemohon di bawah 17 tahun) sebelum mengaktifkan. Alasan penolakan
        dan penangguhan dikirimkan kepada pemohon.
      </p>
      <AdminOnly>
        <ActivationList />
      </AdminOnly>
    </div>
  );
}
