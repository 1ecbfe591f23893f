import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";
import type { PengajuanStatus } from "../../gql/graphql";
import { PengajuanBadge } from "../../components/badges";
import { PengajuanTenggat } from "../../components/deadline";
import { SearchBox } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { PageTitle } from "../../components/page-title";
import { useDeskInstansi } from "../../components/desk-instansi";
import { formatDateTime } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { CLOSED_STATUSES, OPEN_STATUSES, PENGAJUAN_STATUS_LABEL } from "../../lib/labels";
import { QueryState } from "../../components/page-state";

const AntrianQuery = graphql(`
  query Antrian($instansiId: ID, $filter: AntrianFilter, $first: Int) {
    antrianJumlah(instansiId: $instansiId) {
      status
      jumlah
    }
    antrian(instansiId: $instansiId, filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          nomorRegistrasi
          status
          diajukanAt
          tenggat
          terlambat
          petugas
          ditugaskanKeSaya
          pemohon {
            nama
          }
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

const AntrianLayananQuery = graphql(`
  query AntrianLayanan($instansiId: ID, $first: Int) {
    layananList(instansiId: $instansiId, first: $first, termasukNonaktif: true) {
      edges {
        node {
          id
          nama
        }
      }
    }
  }
`);

const AntrianBerubahSubscription = graphql(`
  subscription AntrianBerubah($instansiId: ID) {
    antrianBerubah(instansiId: $instansiId) {
      id
      nomorRegistrasi
      status
      statusLabel
    }
  }
`);

const PAGE = 50;
// the working time left changes while the page stays open
const REFRESH_MS = 60_000;

export default function AntrianPage() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "aktif";
  const layananId = params.get("layanan") ?? "";
  const terlambat = params.get("terlambat") === "1";
  const saya = params.get("saya") === "1";
  const cari = params.get("cari") ?? "";
  const [text, setText] = useState(cari);
  const [pages, setPages] = useState(1);
  const [announce, setAnnounce] = useState("");

  const statusFilter: PengajuanStatus[] = status === "aktif" ? OPEN_STATUSES : status === "selesai" ? CLOSED_STATUSES : [status as PengajuanStatus];
  const filter = {
    status: statusFilter,
    layananId: layananId || null,
    terlambat: terlambat ? true : null,
    ditugaskanKeSaya: saya || null,
    cari: cari || null,
  };
  const [{ data: fresh, fetching, error }, refetch] = useQuery({ query: AntrianQuery, variables: { instansiId, filter, first: PAGE * pages }, pause: waiting });
  const previous = useRef(fresh);
  if (fresh) previous.current = fresh;
  const data = fresh ?? previous.current;
  const [{ data: layanan }] = useQuery({ query: AntrianLayananQuery, variables: { instansiId, first: 100 }, pause: waiting });
  const [{ data: changed }] = useSubscription({ query: AntrianBerubahSubscription, variables: { instansiId }, pause: waiting });

  // a change anywhere in the office's queue: fetch the list and the counts again (a burst of changes once)
  useEffect(() => {
    const c = changed?.antrianBerubah;
    if (!c) return;
    setAnnounce(`Antrian diperbarui: ${c.nomorRegistrasi ?? "pengajuan"} ${c.statusLabel.toLowerCase()}.`);
    const timer = setTimeout(() => refetch({ requestPolicy: "network-only" }), 300);
    return () => clearTimeout(timer);
  }, [changed, refetch]);
  useEffect(() => {
    if (waiting) return;
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch, waiting]);

  function update(next: Record<string, string>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    setPages(1);
  }

  const counts = new Map((data?.antrianJumlah ?? []).map((c) => [c.status, c.jumlah]));
  const sum = (list: PengajuanStatus[]) => list.reduce((s, x) => s + (counts.get(x) ?? 0), 0);
  const tabs: Array<{ key: string; label: string; count: number }> = [
    { key: "aktif", label: "Semua aktif", count: sum(OPEN_STATUSES) },
    ...OPEN_STATUSES.map((s) => ({ key: s, label: PENGAJUAN_STATUS_LABEL[s], count: counts.get(s) ?? 0 })),
    { key: "selesai", label: "Selesai/ditutup", count: sum(CLOSED_STATUSES) },
  ];
  const list = data?.antrian;

  return (
    <>
      <PageTitle>Antrian pengajuan</PageTitle>
      {picker}
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <div className="tabs queue-tabs" role="group" aria-label="Saring menurut status">
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            className={`tab${t.key === status ? " tab--active" : ""}`}
            aria-pressed={t.key === status}
            onClick={() => update({ status: t.key === "aktif" ? "" : t.key })}
          >
            {t.label} <span className="tab__count">{t.count}</span>
          </button>
        ))}
      </div>
      <div className="card queue-filters">
        <SearchBox
          id="cari-nomor"
          label="Nomor registrasi"
          formLabel="Cari nomor registrasi"
          value={text}
          onChange={setText}
          onSearch={() => update({ cari: text.trim() })}
        />
        <div className="queue-filters__row">
          <label className="inline-field">
            <span>Layanan</span>
            <select value={layananId} onChange={(e) => update({ layanan: e.target.value })}>
              <option value="">Semua layanan</option>
              {(layanan?.layananList.edges ?? []).map(({ node: l }) => (
                <option key={l.id} value={l.id}>
                  {l.nama}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={terlambat} onChange={(e) => update({ terlambat: e.target.checked ? "1" : "" })} /> Hanya yang lewat batas waktu
          </label>
          <label className="check">
            <input type="checkbox" checked={saya} onChange={(e) => update({ saya: e.target.checked ? "1" : "" })} /> Ditugaskan ke saya
          </label>
        </div>
      </div>
      <div className="section-head">
        <p aria-live="polite">{list ? `${list.totalCount} pengajuan` : ""}</p>
        <LiveNote />
      </div>
      <QueryState fetching={fetching} error={error} loaded={!!data} staleError>
        Memuat antrian…
      </QueryState>
      {list && list.edges.length === 0 && <p className="card">Tidak ada pengajuan untuk saringan ini.</p>}
      {list && list.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards queue">
            <caption className="sr-only">Antrian pengajuan, yang lewat batas waktu di atas</caption>
            <thead>
              <tr>
                <th scope="col">Nomor / layanan</th>
                <th scope="col">Pemohon</th>
                <th scope="col">Status</th>
                <th scope="col">Sisa waktu kerja</th>
                <th scope="col">Petugas</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: p }) => (
                <tr key={p.id} className={p.terlambat ? "queue__row--late" : undefined}>
                  <td>
                    <Link to={`/petugas/pengajuan/${rawId(p.id)}`} className="mono nomor">
                      {p.nomorRegistrasi}
                    </Link>
                    <span className="table__sub">{p.layanan.nama}</span>
                  </td>
                  <td data-label="Pemohon">
                    {p.pemohon.nama}
                    {p.diajukanAt && <span className="table__sub">{formatDateTime(p.diajukanAt, p.instansi.zonaWaktu)}</span>}
                  </td>
                  <td data-label="Status">
                    <PengajuanBadge status={p.status} />
                  </td>
                  <td data-label="Sisa waktu kerja">
                    {p.tenggat ? (
                      <PengajuanTenggat pengajuan={p} compact evenClosed />
                    ) : (
                      <span className="muted small">
                        {p.status === "DIAJUKAN" ? "mulai saat berkas lengkap" : p.status === "PERLU_PERBAIKAN" ? "berhenti (menunggu pemohon)" : "—"}
                      </span>
                    )}
                  </td>
                  <td data-label="Petugas">{p.ditugaskanKeSaya ? <strong>Saya</strong> : (p.petugas ?? <span className="muted">—</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list?.pageInfo.hasNextPage && (
        <p className="center">
          <button type="button" className="button button--secondary" onClick={() => setPages((n) => n + 1)}>
            Tampilkan lebih banyak
          </button>
        </p>
      )}
    </>
  );
}
