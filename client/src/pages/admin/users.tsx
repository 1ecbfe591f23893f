import { useMemo, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import type { IdentityType, Role, UserFilter } from "../../gql/graphql";
import { AdminOnly } from "../../components/admin-only";
import { AccountCard } from "../../components/account-card";
import { ContactFields } from "../../components/contact-fields";
import { Fact, TimeFact } from "../../components/facts";
import { Field, FormActions, FormMessage, PasswordInput, SearchBox, SelectField } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { errorCode, focusFirstError, requestErrorMessage, type FieldErrors } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { rawId } from "../../lib/ids";
import { ROLE_LABEL } from "../../lib/labels";
import { useSession } from "../../lib/session";
import { IdentityFields, useIdentity } from "../../components/identity-fields";

const PenggunaQuery = graphql(`
  query AdminPengguna($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...PenggunaCard_User
        }
      }
    }
  }
`);

export const PenggunaCard_UserFragment = graphql(`
  fragment PenggunaCard_User on User {
    id
    namaLengkap
    identityType
    nomorIdentitasMasked
    email
    role
    status
    createdAt
    instansi {
      id
      nama
    }
  }
`);

const PenggunaInstansiQuery = graphql(`
  query AdminPenggunaInstansi {
    instansiList(termasukNonaktif: true) {
      id
      nama
      aktif
    }
  }
`);

const SetUserRoleMutation = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!, $instansiId: ID) {
    setUserRole(userId: $userId, role: $role, instansiId: $instansiId) {
      __typename
      ... on SetUserRoleSuccess {
        data {
          id
          role
          instansi {
            id
            nama
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const CreateStaffAccountMutation = graphql(`
  mutation CreateStaffAccount(
    $identityType: IdentityType!
    $nomorIdentitas: String!
    $namaLengkap: String!
    $email: String!
    $telepon: String!
    $password: String!
    $role: Role!
    $instansiId: ID
  ) {
    createStaffAccount(
      identityType: $identityType
      nomorIdentitas: $nomorIdentitas
      namaLengkap: $namaLengkap
      email: $email
      telepon: $telepon
      password: $password
      role: $role
      instansiId: $instansiId
    ) {
      __typename
      ... on CreateStaffAccountSuccess {
        data {
          id
          namaLengkap
          role
        }
      }
      ...ErrorFields
    }
  }
`);

type Office = { id: string; nama: string; aktif: boolean };

const STAFF_ROLES: Role[] = ["PETUGAS", "ADMIN", "PPID", "ATASAN_PPID"];
const ALL_ROLES: Role[] = ["PETUGAS", "ADMIN", "PPID", "ATASAN_PPID", "SUPERADMIN", "PEMOHON"];

/** What each role may do, for the person choosing one. */
const ROLE_HINT: Record<Role, string> = {
  PETUGAS: "melayani antrian pengajuan dan meja pengaduan",
  ADMIN: "seperti petugas, ditambah mengelola layanan, akun, kalender, dan klien API instansi",
  PPID: "menjawab permohonan informasi publik",
  ATASAN_PPID: "menanggapi keberatan atas jawaban PPID",
  SUPERADMIN: "mengelola seluruh instansi, hari libur nasional, dan log audit",
  PEMOHON: "warga: mengajukan layanan dan pengaduan (bukan staf)",
};

const needsInstansi = (role: Role) => STAFF_ROLES.includes(role);
const roleHint = (role: Role) => `${ROLE_LABEL[role]}: ${ROLE_HINT[role]}.`;
const roleOptions = (roles: Role[]) => roles.map((r) => ({ id: r, nama: ROLE_LABEL[r] }));
const officeOptions = (offices: Office[]) => offices.map((o) => ({ id: o.id, nama: `${o.nama}${o.aktif ? "" : " (nonaktif)"}` }));

function useOffices(superadmin: boolean): Office[] {
  const [{ data }] = useQuery({ query: PenggunaInstansiQuery, pause: !superadmin });
  return data?.instansiList ?? [];
}

/** A message the API gave outside the result union (e.g. not allowed to give that role). */
function refusal(error: Parameters<typeof requestErrorMessage>[0]): string {
  return requestErrorMessage(error) ?? "Terjadi kesalahan. Silakan coba lagi.";
}

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

function CreateStaffForm({ offices, onCreated, onCancel }: { offices: Office[]; onCreated: (message: string) => void; onCancel: () => void }) {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const roles: Role[] = superadmin ? ["PETUGAS", "ADMIN", "PPID", "ATASAN_PPID", "SUPERADMIN"] : STAFF_ROLES;
  const { values: form, set, errors, setErrors, formError, setFormError, formRef, checked, showApiError } = useForm<StaffForm>(
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
    const local: FieldErrors = {};
    const idProblem = identity.problem(`Masukkan ${form.identityType} pemilik akun.`);
    if (idProblem) local.nomorIdentitas = idProblem;
    if (form.namaLengkap.trim().length < 2) local.namaLengkap = "Tulis nama lengkap pemilik akun sesuai KTP, tanpa gelar.";
    if (!form.email.trim()) local.email = "Masukkan alamat email pemilik akun.";
    if (!form.telepon.trim()) local.telepon = "Masukkan nomor telepon pemilik akun.";
    if (needsInstansi(form.role) && !instansiId) local.instansiId = "Pilih instansi tempat ia bekerja.";
    if (form.password.length < 10) local.password = "Kata sandi awal minimal 10 karakter. Pakai tombol “Buatkan kata sandi” bila perlu.";
    if (!checked(local)) return;
    const result = await create({
      ...form,
      nomorIdentitas: form.nomorIdentitas.replace(/\s+/g, ""),
      instansiId: needsInstansi(form.role) ? instansiId : null,
    });
    const r = result.data?.createStaffAccount;
    if (!r) {
      // "not allowed to give this role" comes as a request error: it concerns the role chosen
      if (errorCode(result.error) === "FORBIDDEN") {
        setErrors({ role: refusal(result.error) });
        focusFirstError(formRef.current, STAFF_FIELDS, { role: "x" });
      } else setFormError(refusal(result.error));
      return;
    }
    if (r.__typename === "CreateStaffAccountSuccess") {
      onCreated(`Akun ${r.data.namaLengkap} (${ROLE_LABEL[r.data.role]}) telah dibuat dan langsung aktif. Sampaikan ${form.identityType} dan kata sandi awalnya secara langsung kepada yang bersangkutan.`);
      return;
    }
    showApiError(r);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="staf-baru-heading">
      <h2 id="staf-baru-heading">Tambah akun staf</h2>
      <p className="muted">
        Akun staf langsung aktif, tanpa menunggu aktivasi. Isi dengan data pemilik akun sendiri: setiap tindakan di Loket tercatat atas namanya.
      </p>
      <IdentityFields legend="Nomor identitas" inline types={IDENTITY_TYPES} values={form} onChange={set} identity={identity} error={errors.nomorIdentitas} autoComplete="off" />
      <ContactFields
        values={form}
        onChange={set}
        errors={errors}
        hints={{ namaLengkap: "Sesuai KTP, tanpa gelar.", email: "Email kantor bila ada. Tautan atur ulang kata sandi dikirim ke sini.", telepon: "Contoh: 081234567890." }}
        own={false}
      />
      <SelectField name="role" label="Peran" hint={roleHint(form.role)} error={errors.role} value={form.role} onChange={(r) => set("role", r)} options={roleOptions(roles)} />
      {needsInstansi(form.role) &&
        (superadmin ? (
          <SelectField
            name="instansiId"
            label="Instansi"
            error={errors.instansiId}
            value={instansiId}
            onChange={(id) => set("instansiId", id)}
            options={officeOptions(offices)}
            placeholder={offices.length === 0 ? "Memuat daftar instansi…" : undefined}
          />
        ) : (
          <p>
            <strong>Instansi:</strong> {me?.instansi?.nama}
            {errors.instansiId && <span className="field__error"> — {errors.instansiId}</span>}
          </p>
        ))}
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

// ---------------------------------------------------------------------------------------------------
// one account, with its role

const ROLE_FIELDS = ["role", "instansiId"] as const;

function RoleForm({
  user,
  offices,
  onDone,
  onCancel,
}: {
  user: { id: string; namaLengkap: string; role: Role; instansi?: { id: string } | null };
  offices: Office[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const roles = superadmin ? ALL_ROLES : STAFF_ROLES;
  const { values, set, errors, setErrors, formError, setFormError, formRef, showApiError } = useForm(
    { role: user.role === "PEMOHON" && !superadmin ? "PETUGAS" : user.role, chosen: user.instansi?.id ?? "" },
    ROLE_FIELDS,
  );
  const { role, chosen } = values;
  const [{ fetching }, setUserRole] = useMutation(SetUserRoleMutation);
  const instansiId = superadmin ? chosen || offices.find((o) => o.aktif)?.id || "" : (me?.instansi?.id ?? "");

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setErrors({});
    const result = await setUserRole({ userId: user.id, role, instansiId: needsInstansi(role) ? instansiId || null : null });
    const r = result.data?.setUserRole;
    if (!r) {
      if (errorCode(result.error) === "FORBIDDEN") setErrors({ role: refusal(result.error) });
      else setFormError(refusal(result.error));
      return;
    }
    if (r.__typename === "SetUserRoleSuccess") {
      onDone(`Peran ${user.namaLengkap} sekarang ${ROLE_LABEL[r.data.role]}${r.data.instansi ? ` di ${r.data.instansi.nama}` : ""}. Ia perlu masuk kembali.`);
      return;
    }
    showApiError(r, { userId: "role" });
  }

  return (
    <form ref={formRef} className="form reason" noValidate onSubmit={submit} aria-label={`Ubah peran ${user.namaLengkap}`}>
      <SelectField
        name="role"
        label={`Peran baru untuk ${user.namaLengkap}`}
        hint={roleHint(role)}
        error={errors.role}
        value={role}
        onChange={(r) => set("role", r)}
        options={roleOptions(roles)}
        autoFocus
      />
      {superadmin && needsInstansi(role) && (
        <SelectField name="instansiId" label="Instansi" error={errors.instansiId} value={instansiId} onChange={(id) => set("chosen", id)} options={officeOptions(offices)} />
      )}
      <FormActions error={formError} busy={fetching} disabled={role === user.role && (!needsInstansi(role) || instansiId === user.instansi?.id)} onCancel={onCancel} cancelKind="secondary">
        Simpan peran
      </FormActions>
    </form>
  );
}

function PenggunaCard(props: { user: FragmentType<typeof PenggunaCard_UserFragment>; offices: Office[]; onDone: (message: string) => void }) {
  const u = useFragment(PenggunaCard_UserFragment, props.user);
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const [editing, setEditing] = useState(false);
  // an instansi ADMIN may give a citizen a staff role of their own office, but cannot touch a SUPERADMIN
  const mayChange = u.status === "AKTIF" && (superadmin || u.role !== "SUPERADMIN");
  return (
    <AccountCard nama={u.namaLengkap} status={u.status}>
      <dl className="facts facts--compact">
        <Fact label="Peran">
          <strong>{ROLE_LABEL[u.role]}</strong>
          {u.instansi ? ` — ${u.instansi.nama}` : ""}
        </Fact>
        <Fact label={u.identityType} className="mono">
          {u.nomorIdentitasMasked}
        </Fact>
        <Fact label="Email" className="break">
          {u.email}
        </Fact>
        <TimeFact label="Terdaftar" at={u.createdAt} />
      </dl>
      {editing ? (
        <RoleForm
          user={u}
          offices={props.offices}
          onCancel={() => setEditing(false)}
          onDone={(message) => {
            setEditing(false);
            props.onDone(message);
          }}
        />
      ) : (
        <div className="form__actions">
          {mayChange ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
              Ubah peran<span className="sr-only"> {u.namaLengkap}</span>
            </button>
          ) : u.status !== "AKTIF" ? (
            <p className="muted small">
              Peran dapat diubah setelah akun aktif (lihat <Link to="/admin/aktivasi">Aktivasi akun</Link>).
            </p>
          ) : null}
          {superadmin && (
            <>
              <Link className="button button--quiet button--small" to={`/admin/audit?aktor=${rawId(u.id)}`}>
                Jejak tindakannya<span className="sr-only"> ({u.namaLengkap})</span>
              </Link>
              <Link className="button button--quiet button--small" to={`/admin/audit?subjek=${rawId(u.id)}`}>
                Siapa melihat datanya<span className="sr-only"> ({u.namaLengkap})</span>
              </Link>
            </>
          )}
        </div>
      )}
    </AccountCard>
  );
}

// ---------------------------------------------------------------------------------------------------
// the list

const PAGE = 25;

function PenggunaPage({
  filter,
  after,
  last,
  onMore,
  onDone,
  offices,
  empty,
}: {
  filter: UserFilter;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
  onDone: (message: string) => void;
  offices: Office[];
  empty: string;
}) {
  const [{ data, fetching, error }] = useQuery({ query: PenggunaQuery, variables: { filter, first: PAGE, after }, requestPolicy: "cache-and-network" });
  const list = data?.users;
  return (
    <>
      {after === null && (
        <p className="muted" aria-live="polite">
          {fetching && !data ? "Memuat…" : list ? `${list.totalCount} akun.` : ""}
        </p>
      )}
      {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
      {after === null && list && list.edges.length === 0 && <p className="card muted">{empty}</p>}
      {list && list.edges.length > 0 && (
        <ul className="users users--page">
          {list.edges.map((e) => (
            <PenggunaCard key={e.node.id} user={e.node} offices={offices} onDone={onDone} />
          ))}
        </ul>
      )}
      {last && list?.pageInfo.hasNextPage && list.pageInfo.endCursor && (
        <p className="center">
          <button type="button" className="button button--secondary" onClick={() => onMore(list.pageInfo.endCursor!)}>
            Tampilkan lebih banyak
          </button>
        </p>
      )}
    </>
  );
}

/** "staf" (own office), "i:<id>" (an office, SUPERADMIN), "superadmin", "pemohon", "semua" (SUPERADMIN). */
type Group = string;

function Pengguna() {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const offices = useOffices(superadmin);
  const [group, setGroup] = useState<Group>(superadmin ? "" : "staf");
  const [role, setRole] = useState<Role | "">("");
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [generation, setGeneration] = useState(0);

  // a SUPERADMIN starts with the staff of the first office
  const effectiveGroup = group || (offices[0] ? `i:${offices[0].id}` : "semua");
  const staffGroup = effectiveGroup === "staf" || effectiveGroup.startsWith("i:");
  const filter: UserFilter = useMemo(() => {
    const s = query || null;
    if (effectiveGroup === "pemohon") return { role: "PEMOHON", search: s };
    if (effectiveGroup === "superadmin") return { role: "SUPERADMIN", search: s };
    if (effectiveGroup === "semua") return { search: s };
    const instansiId = effectiveGroup === "staf" ? (me?.instansi?.id ?? null) : effectiveGroup.slice(2);
    return { instansiId, role: role || null, search: s };
  }, [effectiveGroup, role, query, me]);

  function reset() {
    setCursors([null]);
    setMessage(null);
  }
  function done(text: string) {
    setMessage(text);
    setCursors([null]);
    // the changed account may now belong to another group: fetch the list again
    setGeneration((g) => g + 1);
  }

  return (
    <>
      <FormMessage kind="success">{message}</FormMessage>
      {adding ? (
        <section className="card">
          <CreateStaffForm
            offices={offices}
            onCancel={() => setAdding(false)}
            onCreated={(text) => {
              setAdding(false);
              done(text);
            }}
          />
        </section>
      ) : (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setAdding(true);
              setMessage(null);
            }}
          >
            Tambah akun staf
          </button>
        </p>
      )}
      <section aria-labelledby="daftar-akun-heading">
        <h2 id="daftar-akun-heading">Daftar akun</h2>
        <div className="card filters">
          <div className="filters__row">
            <label className="inline-field">
              <span>Tampilkan</span>
              <select
                value={effectiveGroup}
                onChange={(e) => {
                  setGroup(e.target.value);
                  reset();
                }}
              >
                {superadmin ? (
                  offices.map((o) => (
                    <option key={o.id} value={`i:${o.id}`}>
                      Staf {o.nama}
                    </option>
                  ))
                ) : (
                  <option value="staf">Staf {me?.instansi?.nama ?? "instansi saya"}</option>
                )}
                {superadmin && <option value="superadmin">Superadmin</option>}
                <option value="pemohon">Pemohon (warga)</option>
                {superadmin && <option value="semua">Semua akun</option>}
              </select>
            </label>
            {staffGroup && (
              <label className="inline-field">
                <span>Peran</span>
                <select
                  value={role}
                  onChange={(e) => {
                    setRole(e.target.value as Role | "");
                    reset();
                  }}
                >
                  <option value="">Semua peran</option>
                  {STAFF_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <SearchBox
            id="cari-pengguna"
            label="Cari nama atau email"
            formLabel="Cari akun"
            value={search}
            onChange={setSearch}
            onSearch={() => {
              setQuery(search.trim());
              reset();
            }}
          />
        </div>
        {cursors.map((after, i) => (
          <PenggunaPage
            key={`${generation}:${after ?? "awal"}`}
            filter={filter}
            after={after}
            last={i === cursors.length - 1}
            offices={offices}
            onDone={done}
            onMore={(cursor) => setCursors((c) => [...c, cursor])}
            empty={
              query || role || !staffGroup
                ? "Tidak ada akun untuk saringan ini."
                : "Belum ada akun staf lain di instansi ini. Tambahkan dengan tombol “Tambah akun staf” di atas."
            }
          />
        ))}
      </section>
    </>
  );
}

export default function UsersPage() {
  return (
    <div>
      <PageTitle>Pengguna dan peran</PageTitle>
      <p className="lead">
        Buat akun untuk petugas dan admin, dan ubah peran mereka. Akun warga yang mendaftar sendiri diaktifkan di{" "}
        <Link to="/admin/aktivasi">Aktivasi akun</Link>.
      </p>
      <AdminOnly>
        <Pengguna />
      </AdminOnly>
    </div>
  );
}
