import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";
import type { PengaduanStatus } from "../../gql/graphql";
import { PengaduanBadge } from "../../components/badges";
import { LiveNote } from "../../components/live-note";
import { PageTitle } from "../../components/page-title";
import { useDeskInstansi } from "../../components/desk-instansi";
import { formatDateTime } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { KANAL_LABEL } from "../../lib/labels";
import { QueryState } from "../../components/page-state";

const MejaPengaduanQuery = graphql(`
  query MejaPengaduan($instansiId: ID, $status: [PengaduanStatus!], $terlambat: Boolean, $first: Int) {
    mejaPengaduan(instansiId: $instansiId, status: $status, terlambat: $terlambat, first: $first) {
      totalCount
      edges {
        node {
          id
          kodeLacak
          judul
          status
          kanal
          rahasia
          createdAt
          tenggat
          terlambat
          dibukaKembali
          kategori {
            id
            nama
          }
          instansi {
            id
            zonaWaktu
            zonaWaktuLabel
          }
        }
      }
    }
  }
`);

const MejaPengaduanBerubahSubscription = graphql(`
  subscription MejaPengaduanBerubah($instansiId: ID) {
    mejaPengaduanBerubah(instansiId: $instansiId) {
      id
      kodeLacak
      status
      statusLabel
    }
  }
`);

const TABS: Array<{ key: string; label: string; status: PengaduanStatus[] | null }> = [
  { key: "terbuka", label: "Belum selesai", status: ["DITERIMA", "DIVERIFIKASI", "DITINDAKLANJUTI"] },
  { key: "baru", label: "Perlu verifikasi", status: ["DITERIMA"] },
  { key: "selesai", label: "Selesai/ditolak", status: ["SELESAI", "DITOLAK"] },
  { key: "semua", label: "Semua", status: null },
];

export default function MejaPengaduanPage() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  const [tab, setTab] = useState(TABS[0]!);
  const [late, setLate] = useState(false);
  const [announce, setAnnounce] = useState("");
  const [{ data: fresh, fetching, error }, refetch] = useQuery({
    query: MejaPengaduanQuery,
    variables: { instansiId, status: tab.status, terlambat: late || null, first: 50 },
    pause: waiting,
  });
  const previous = useRef(fresh);
  if (fresh) previous.current = fresh;
  const data = fresh ?? previous.current;
  const [{ data: changed }] = useSubscription({ query: MejaPengaduanBerubahSubscription, variables: { instansiId }, pause: waiting });
  useEffect(() => {
    const c = changed?.mejaPengaduanBerubah;
    if (!c) return;
    setAnnounce(`Pengaduan ${c.kodeLacak}: ${c.statusLabel.toLowerCase()}.`);
    const timer = setTimeout(() => refetch({ requestPolicy: "network-only" }), 300);
    return () => clearTimeout(timer);
  }, [changed, refetch]);

  const list = data?.mejaPengaduan;
  return (
    <>
      <PageTitle>Meja pengaduan</PageTitle>
      {picker}
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <div className="toolbar">
        <div className="tabs" role="group" aria-label="Saring menurut status">
          {TABS.map((t) => (
            <button
              key={t.key}
              type="button"
              className={`tab${t.key === tab.key ? " tab--active" : ""}`}
              aria-pressed={t.key === tab.key}
              onClick={() => setTab(t)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <p>
          <Link className="button button--secondary" to="/petugas/pengaduan/catat">
            Catat pengaduan langsung/telepon
          </Link>
        </p>
      </div>
      <div className="section-head">
        <label className="check">
          <input type="checkbox" checked={late} onChange={(e) => setLate(e.target.checked)} /> Hanya yang lewat batas 2×24 jam kerja
        </label>
        <LiveNote />
      </div>
      <QueryState fetching={fetching} error={error} loaded={!!data} staleError />
      {list && list.edges.length === 0 && <p className="card">Tidak ada pengaduan untuk saringan ini.</p>}
      <ul className="request-list">
        {list?.edges.map(({ node: p }) => (
          <li key={p.id} className={`card request${p.terlambat ? " request--late" : ""}`}>
            <div className="request__head">
              <h2 className="request__title">
                <Link to={`/petugas/pengaduan/${rawId(p.id)}`}>{p.judul}</Link>
              </h2>
              <PengaduanBadge status={p.status} />
            </div>
            <p className="request__meta">
              <span className="mono">{p.kodeLacak}</span> · {p.kategori.nama} · {KANAL_LABEL[p.kanal]} · {formatDateTime(p.createdAt, p.instansi.zonaWaktu)}
              {p.rahasia && " · identitas dirahasiakan"}
              {p.dibukaKembali && " · dibuka kembali"}
            </p>
            {p.tenggat && p.status !== "SELESAI" && p.status !== "DITOLAK" && (
              <p className={p.terlambat ? "sla sla--late small" : "sla small"}>
                Tindak lanjut paling lambat {formatDateTime(p.tenggat, p.instansi.zonaWaktu)} {p.instansi.zonaWaktuLabel}
                {p.terlambat && " — lewat batas"}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
