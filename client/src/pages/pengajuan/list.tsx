import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";
import type { PengajuanStatus } from "../../gql/graphql";
import { PengajuanBadge } from "../../components/badges";
import { PengajuanTenggat } from "../../components/deadline";
import { LiveNote } from "../../components/live-note";
import { PageTitle } from "../../components/page-title";
import { formatDateTime } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { QueryState } from "../../components/page-state";

const LogPengajuanQuery = graphql(`
  query LogPengajuan($status: [PengajuanStatus!], $first: Int) {
    myPengajuan(status: $status, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          status
          nomorRegistrasi
          createdAt
          updatedAt
          diajukanAt
          layanan {
            id
            nama
          }
          instansi {
            id
            zonaWaktu
          }
          ...PengajuanTenggat_Pengajuan
        }
      }
    }
  }
`);

const MyPengajuanChangedSubscription = graphql(`
  subscription MyPengajuanChanged {
    myPengajuanBerubah {
      id
      status
      versi
    }
  }
`);

const TABS: Array<{ key: string; label: string; status: PengajuanStatus[] | null }> = [
  { key: "semua", label: "Semua", status: null },
  { key: "tindakan", label: "Perlu tindakan Anda", status: ["DRAFT", "PERLU_PERBAIKAN"] },
  { key: "proses", label: "Dalam proses", status: ["DIAJUKAN", "DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD", "SIAP_DIAMBIL"] },
  { key: "selesai", label: "Selesai", status: ["SELESAI", "DIAMBIL"] },
  { key: "lain", label: "Ditolak/dibatalkan", status: ["DITOLAK", "DIBATALKAN"] },
];

const PAGE = 20;

export default function LogPengajuanPage() {
  const [tab, setTab] = useState(TABS[0]!);
  const [pages, setPages] = useState(1);
  const [{ data: fresh, fetching, error }, refetch] = useQuery({ query: LogPengajuanQuery, variables: { status: tab.status, first: PAGE * pages } });
  const previous = useRef(fresh);
  if (fresh) previous.current = fresh;
  const data = fresh ?? previous.current;
  const [{ data: changed }] = useSubscription({ query: MyPengajuanChangedSubscription });
  useEffect(() => {
    if (changed) refetch({ requestPolicy: "network-only" });
  }, [changed, refetch]);

  const list = data?.myPengajuan;
  return (
    <>
      <PageTitle>Log Pengajuan</PageTitle>
      <p className="lead">
        Semua pengajuan layanan Anda dan statusnya. Hasil yang sudah terbit ada di <Link to="/inbox">Log Inbox</Link>.
      </p>
      <div className="toolbar">
        <div className="tabs" role="group" aria-label="Saring menurut status">
          {TABS.map((t) => (
            <button
              key={t.key}
              type="button"
              className={`tab${t.key === tab.key ? " tab--active" : ""}`}
              aria-pressed={t.key === tab.key}
              onClick={() => {
                setTab(t);
                setPages(1);
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <p>
          <Link to="/layanan" className="button button--primary">
            Ajukan layanan baru
          </Link>
        </p>
      </div>
      <LiveNote />
      <QueryState fetching={fetching} error={error} loaded={!!data} />
      {list && list.edges.length === 0 && (
        <div className="card">
          <p>{tab.status ? "Tidak ada pengajuan dengan status ini." : "Anda belum pernah mengajukan layanan."}</p>
          <p>
            <Link to="/layanan">Lihat daftar layanan</Link>
          </p>
        </div>
      )}
      <ul className="request-list">
        {list?.edges.map(({ node: p }) => (
          <li key={p.id} className={`card request${p.status === "PERLU_PERBAIKAN" || p.status === "DRAFT" ? " request--todo" : ""}`}>
            <div className="request__head">
              <h2 className="request__title">
                <Link to={`/pengajuan/${rawId(p.id)}`}>{p.layanan.nama}</Link>
              </h2>
              <PengajuanBadge status={p.status} />
            </div>
            <p className="request__meta">
              {p.nomorRegistrasi ? <span className="mono">{p.nomorRegistrasi}</span> : <span>Draf, belum diajukan</span>}
              {" · "}
              {p.diajukanAt ? `diajukan ${formatDateTime(p.diajukanAt, p.instansi.zonaWaktu)}` : `dibuat ${formatDateTime(p.createdAt, p.instansi.zonaWaktu)}`}
            </p>
            {p.status === "PERLU_PERBAIKAN" && <p className="request__todo">Petugas meminta perbaikan — buka untuk melihat pesannya.</p>}
            <PengajuanTenggat pengajuan={p} compact line />
          </li>
        ))}
      </ul>
      {list?.pageInfo.hasNextPage && (
        <p className="center">
          <button type="button" className="button button--secondary" disabled={fetching} onClick={() => setPages((n) => n + 1)}>
            Tampilkan lebih banyak
          </button>
        </p>
      )}
    </>
  );
}
