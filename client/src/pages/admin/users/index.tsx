import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import type { Role, UserFilter } from "../../../gql/graphql";
import { AdminOnly } from "../../../components/admin-only";
import { FormMessage, OpenFormButton, SearchBox } from "../../../components/field";
import { PageTitle } from "../../../components/page-title";
import { requestErrorMessage } from "../../../lib/errors";
import { ROLE_LABEL } from "../../../lib/labels";
import { isSuperadmin, useSession } from "../../../lib/session";
import { CreateStaffForm } from "./create-staff-form";
import { PenggunaQuery } from "./documents";
import { PenggunaCard } from "./pengguna-card";
import { PejabatSection } from "./pejabat";
import { type Office, STAFF_ROLES, useOffices } from "./roles";
import { HelpLink } from "../../../components/help-link";

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
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
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
  const superadmin = isSuperadmin(me);
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
        <OpenFormButton onOpen={() => setAdding(true)} onReset={() => setMessage(null)}>
          Tambah akun staf
        </OpenFormButton>
      )}
      <PejabatSection instansiId={staffGroup ? (effectiveGroup === "staf" ? (me?.instansi?.id ?? null) : effectiveGroup.slice(2)) : null} />
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
