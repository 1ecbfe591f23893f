import { useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { AuditJenis } from "../../gql/graphql";
import { Field } from "../../components/field";
import { ErrorSummary } from "../../components/error-summary";
import { useForm } from "../../lib/form";
import { PageTitle } from "../../components/page-title";
import { AUDIT_JENIS_LABEL, aktorPeranLabel, auditAksiLabel, klienLabel, objekLabel } from "../../lib/admin-labels";
import { requestErrorMessage, type FieldErrors } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { isSuperadmin, useSession } from "../../lib/session";
import { HelpLink } from "../../components/help-link";

const AuditLogQuery = graphql(`
  query AuditLog($jenis: AuditJenis, $aktorId: String, $subjekId: String, $first: Int, $after: String) {
    auditLog(jenis: $jenis, aktorId: $aktorId, subjekId: $subjekId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          jenis
          aksi
          aktorId
          aktorPeran
          klien
          objekJenis
          objekId
          alamatIp
          perangkat
          detail
        }
      }
    }
  }
`);

const AuditNamesQuery = graphql(`
  query AuditNames($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on User {
        id
        namaLengkap
      }
    }
  }
`);

const PAGE = 30;

/** Names of the accounts with these uuids (the audit trail keeps only ids). */
function useNames(uuids: string[]): Map<string, string> {
  const ids = useMemo(() => [...new Set(uuids)].sort().map((u) => toGlobalId("User", u)), [uuids]);
  const [{ data }] = useQuery({ query: AuditNamesQuery, variables: { ids }, pause: ids.length === 0 });
  const names = new Map<string, string>();
  for (const n of data?.nodes ?? []) if (n && "namaLengkap" in n) names.set(rawId(n.id), n.namaLengkap);
  return names;
}

/** "Berhasil" or what refused it, from a mutation entry's recorded outcome. */
function outcome(detail: unknown): string | null {
  if (!detail || typeof detail !== "object") return null;
  const d = detail as { hasil?: Record<string, string | null>; galat?: string[] };
  if (d.galat && d.galat.length > 0) return `Ditolak (${d.galat.join(", ")})`;
  const results = Object.values(d.hasil ?? {});
  if (results.length === 0) return null;
  if (results.every((r) => r === "ok" || (typeof r === "string" && r.endsWith("Success")))) return "Berhasil";
  return `Ditolak (${results.filter((r) => r && !r.endsWith("Success") && r !== "ok").join(", ") || "tanpa hasil"})`;
}

type Entry = {
  id: string;
  at: string;
  jenis: AuditJenis;
  aksi: string;
  aktorId?: string | null;
  aktorPeran?: string | null;
  klien?: string | null;
  objekJenis?: string | null;
  objekId?: string | null;
  alamatIp: string;
  perangkat: string;
  detail?: unknown;
};

function AuditEntry({ e, name, filterBy }: { e: Entry; name: string | undefined; filterBy: (key: "aktor" | "subjek", uuid: string) => string }) {
  const label = auditAksiLabel(e.aksi);
  const result = e.jenis === "UBAH" ? outcome(e.detail) : null;
  return (
    <li className="card audit">
      <div className="audit__head">
        <time dateTime={e.at} className="audit__time">
          {formatDateTime(e.at)}
        </time>
        <span className={`badge ${e.jenis === "BACA_DATA_PRIBADI" ? "badge--pending" : "badge--info"}`}>{AUDIT_JENIS_LABEL[e.jenis]}</span>
      </div>
      <p className="audit__what">
        <strong>{label}</strong>
        {label !== e.aksi && <span className="mono small muted"> {e.aksi}</span>}
        {result && <span className={result === "Berhasil" ? "audit__ok" : "audit__refused"}> — {result}</span>}
      </p>
      <dl className="facts facts--compact">
        <div>
          <dt>Pelaku</dt>
          <dd>
            {e.aktorId ? (
              <>
                {name ?? "Akun"} ({aktorPeranLabel(e.aktorPeran)}){" "}
                <Link to={filterBy("aktor", e.aktorId)} className="small">
                  semua tindakannya<span className="sr-only"> ({name ?? e.aktorId})</span>
                </Link>
              </>
            ) : (
              aktorPeranLabel(e.aktorPeran)
            )}
          </dd>
        </div>
        <div>
          <dt>Melalui</dt>
          <dd>{klienLabel(e.klien)}</dd>
        </div>
        {e.objekJenis && (
          <div>
            <dt>Data</dt>
            <dd>
              {objekLabel(e.objekJenis)} <span className="mono small break">{e.objekId}</span>
              {e.objekJenis === "User" && e.objekId && isUuid(e.objekId) && (
                <>
                  {" "}
                  <Link to={filterBy("subjek", e.objekId)} className="small">
                    siapa saja yang melihat data orang ini
                  </Link>
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Dari</dt>
          <dd>
            <span className="mono">{e.alamatIp || "—"}</span>
            {e.perangkat && <span className="table__sub break">{e.perangkat}</span>}
          </dd>
        </div>
      </dl>
      {e.detail != null && (
        <details className="audit__detail">
          <summary>Rincian teknis</summary>
          <pre className="json">{JSON.stringify(e.detail, null, 2)}</pre>
        </details>
      )}
    </li>
  );
}

interface Filters {
  jenis: AuditJenis | null;
  aktorId: string | null;
  subjekId: string | null;
}

function AuditPage({
  filters,
  after,
  last,
  onMore,
  filterBy,
}: {
  filters: Filters;
  after: string | null;
  last: boolean;
  onMore: (c: string) => void;
  filterBy: (key: "aktor" | "subjek", uuid: string) => string;
}) {
  const [{ data, fetching, error }] = useQuery({ query: AuditLogQuery, variables: { ...filters, first: PAGE, after }, requestPolicy: "cache-and-network" });
  const edges = data?.auditLog.edges ?? [];
  const actorIds = useMemo(() => edges.map((e) => e.node.aktorId).filter((x): x is string => !!x && isUuid(x)), [edges]);
  const names = useNames(actorIds);
  return (
    <>
      {fetching && !data && <p aria-busy="true">Memuat log audit…</p>}
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {after === null && data && edges.length === 0 && <p className="card muted">Tidak ada catatan untuk saringan ini.</p>}
      {edges.length > 0 && (
        <ol className="audit-list">
          {edges.map(({ node }) => (
            <AuditEntry key={node.id} e={node} name={node.aktorId ? names.get(node.aktorId) : undefined} filterBy={filterBy} />
          ))}
        </ol>
      )}
      {last && data?.auditLog.pageInfo.hasNextPage && data.auditLog.pageInfo.endCursor && (
        <p className="center">
          <button type="button" className="button button--secondary" onClick={() => onMore(data.auditLog.pageInfo.endCursor!)}>
            Tampilkan catatan yang lebih lama
          </button>
        </p>
      )}
    </>
  );
}

/** An account id as typed or pasted: the uuid of an address (/admin/audit?aktor=…) or an API global id. */
function accountId(raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  if (isUuid(v)) return v.toLowerCase();
  const inside = rawId(v);
  return isUuid(inside) ? inside.toLowerCase() : null;
}

const FILTER_FIELDS = ["jenis", "aktor", "subjek"] as const;

function FilterForm({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  const { values, setValues, bind, errors, setErrors, formRef, checked, summary } = useForm(
    { jenis: (filters.jenis ?? "") as AuditJenis | "", aktor: filters.aktorId ?? "", subjek: filters.subjekId ?? "" },
    FILTER_FIELDS,
  );
  const { jenis, aktor, subjek } = values;

  function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    const a = accountId(aktor);
    const s = accountId(subjek);
    const shape = "ID akun berupa 36 karakter seperti 0d8e…-…; cara termudah: buka dari tombol di halaman Pengguna dan peran.";
    if (aktor.trim() && !a) local.aktor = shape;
    if (subjek.trim() && !s) local.subjek = shape;
    if (!checked(local)) return;
    onApply({ jenis: jenis || null, aktorId: a, subjekId: s });
  }

  return (
    <form ref={formRef} className="card form form--grid audit-filters" noValidate onSubmit={submit} aria-label="Saring log audit">
      <ErrorSummary {...summary} />
      <Field name="jenis" label="Jenis catatan" hint="Perubahan, atau pembacaan data pribadi.">
        {(p) => (
          <select {...p} required={false} {...bind("jenis")}>
            <option value="">Semua</option>
            <option value="BACA_DATA_PRIBADI">{AUDIT_JENIS_LABEL.BACA_DATA_PRIBADI}</option>
            <option value="UBAH">{AUDIT_JENIS_LABEL.UBAH}</option>
          </select>
        )}
      </Field>
      <Field name="aktor" label="Pelaku (ID akun)" hint="Akun yang melakukan tindakan." error={errors.aktor}>
        {(p) => <input {...p} required={false} type="text" className="mono" spellCheck={false} autoCapitalize="none" {...bind("aktor")} />}
      </Field>
      <Field name="subjek" label="Pemilik data (ID akun)" hint="Akun yang datanya dibaca atau diubah." error={errors.subjek}>
        {(p) => <input {...p} required={false} type="text" className="mono" spellCheck={false} autoCapitalize="none" {...bind("subjek")} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Terapkan saringan
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setValues({ jenis: "", aktor: "", subjek: "" });
            setErrors({});
            onApply({ jenis: null, aktorId: null, subjekId: null });
          }}
        >
          Hapus saringan
        </button>
      </div>
    </form>
  );
}

function ActiveFilters({ filters }: { filters: Filters }) {
  const ids = useMemo(() => [filters.aktorId, filters.subjekId].filter((x): x is string => !!x), [filters.aktorId, filters.subjekId]);
  const names = useNames(ids);
  const parts: string[] = [];
  if (filters.jenis) parts.push(AUDIT_JENIS_LABEL[filters.jenis].toLowerCase());
  if (filters.aktorId) parts.push(`tindakan oleh ${names.get(filters.aktorId) ?? "akun ini"}`);
  if (filters.subjekId) parts.push(`tentang data ${names.get(filters.subjekId) ?? "akun ini"}`);
  return (
    <p className="muted" aria-live="polite">
      {parts.length ? `Menampilkan: ${parts.join(", ")}. Terbaru di atas.` : "Menampilkan semua catatan, terbaru di atas."}
    </p>
  );
}

function AuditLogContent() {
  const [params, setParams] = useSearchParams();
  const jenisParam = params.get("jenis");
  const filters: Filters = useMemo(
    () => ({
      jenis: jenisParam === "BACA_DATA_PRIBADI" || jenisParam === "UBAH" ? jenisParam : null,
      aktorId: accountId(params.get("aktor") ?? ""),
      subjekId: accountId(params.get("subjek") ?? ""),
    }),
    [jenisParam, params],
  );
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const key = `${filters.jenis}|${filters.aktorId}|${filters.subjekId}`;

  function toParams(f: Filters): URLSearchParams {
    const p = new URLSearchParams();
    if (f.jenis) p.set("jenis", f.jenis);
    if (f.aktorId) p.set("aktor", f.aktorId);
    if (f.subjekId) p.set("subjek", f.subjekId);
    return p;
  }
  const filterBy = (k: "aktor" | "subjek", uuid: string) =>
    `/admin/audit?${toParams({ jenis: null, aktorId: k === "aktor" ? uuid : null, subjekId: k === "subjek" ? uuid : null })}`;

  return (
    <>
      {/* keyed: following a link to other filters starts the form from them */}
      <FilterForm
        key={key}
        filters={filters}
        onApply={(f) => {
          setCursors([null]);
          setParams(toParams(f));
        }}
      />
      <ActiveFilters filters={filters} />
      {cursors.map((after, i) => (
        <AuditPage
          key={`${key}:${after ?? "awal"}`}
          filters={filters}
          after={after}
          last={i === cursors.length - 1}
          filterBy={filterBy}
          onMore={(c) => setCursors((list) => [...list, c])}
        />
      ))}
    </>
  );
}

export default function AuditLogPage() {
  const { me, loading } = useSession();
  return (
    <div>
      <PageTitle>Log audit</PageTitle>
      <p className="lead">
        Setiap perubahan dan setiap pembacaan data pribadi orang lain tercatat di sini: siapa, lewat apa, kapan, dan dari mana. Catatan tidak dapat diubah atau
        dihapus oleh siapa pun.
      </p>
      {loading || me === undefined ? (
        <p aria-busy="true">Memuat…</p>
      ) : !me ? (
        <p className="card">
          Halaman ini khusus superadmin. <Link to="/masuk?lanjut=/admin/audit">Masuk</Link> dengan akun superadmin.
        </p>
      ) : !isSuperadmin(me) || me.status !== "AKTIF" ? (
        <p className="card">
          Log audit hanya dapat dibuka superadmin. Untuk melihat siapa yang membuka data Anda sendiri, buka{" "}
          <Link to="/profil/akses-data">Siapa melihat data saya</Link>.
        </p>
      ) : (
        <AuditLogContent />
      )}
    </div>
  );
}
