import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { PengajuanBadge } from "../../components/badges";
import { PageTitle } from "../../components/page-title";
import { formatDateTime } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { QueryState } from "../../components/page-state";

const LogInboxQuery = graphql(`
  query LogInbox($first: Int) {
    myPengajuan(first: $first, status: [DIAJUKAN, PERLU_PERBAIKAN, DIVERIFIKASI, DIPROSES, MENUNGGU_TTD, SELESAI, SIAP_DIAMBIL, DIAMBIL, DITOLAK]) {
      edges {
        node {
          id
          status
          nomorRegistrasi
          diajukanAt
          buktiUrl
          layanan {
            id
            nama
          }
          instansi {
            id
            zonaWaktu
            zonaWaktuLabel
          }
          hasil {
            id
            judul
            namaFile
            url
            kodeVerifikasi
            createdAt
            diunduhAt
          }
        }
      }
    }
  }
`);

/** Log Inbox: the documents Loket holds for the citizen — results to download and proofs of submission. */
export default function LogInboxPage() {
  const [{ data, fetching, error }] = useQuery({ query: LogInboxQuery, variables: { first: 50 } });
  const items = data?.myPengajuan.edges.map((e) => e.node) ?? [];
  const withResult = items.filter((p) => p.hasil.length > 0);
  return (
    <>
      <PageTitle>Log Inbox</PageTitle>
      <p className="lead">Dokumen hasil layanan dan bukti pengajuan Anda. Setiap dokumen hasil punya kode verifikasi untuk memeriksa keasliannya.</p>
      <QueryState fetching={fetching} error={error} loaded={!!data} />

      <section aria-labelledby="inbox-hasil">
        <h2 id="inbox-hasil">Dokumen hasil</h2>
        {data && withResult.length === 0 && <p className="card">Belum ada dokumen hasil. Dokumen muncul di sini begitu petugas menerbitkannya.</p>}
        <ul className="request-list">
          {withResult.flatMap((p) =>
            p.hasil.map((h) => (
              <li key={h.id} className="card request">
                <div className="request__head">
                  <h3 className="request__title">{h.judul}</h3>
                  {!h.diunduhAt && <span className="badge badge--pending">Baru</span>}
                </div>
                <p className="request__meta">
                  {p.layanan.nama} · <span className="mono">{p.nomorRegistrasi}</span> · terbit {formatDateTime(h.createdAt, p.instansi.zonaWaktu)}{" "}
                  {p.instansi.zonaWaktuLabel}
                </p>
                <p className="small">
                  Kode verifikasi <span className="mono">{h.kodeVerifikasi}</span>
                </p>
                <p className="request__actions">
                  <a className="button button--primary" href={h.url} download={h.namaFile}>
                    Unduh<span className="sr-only"> {h.judul}</span>
                  </a>
                  <Link className="button button--quiet" to={`/pengajuan/${rawId(p.id)}`}>
                    Lihat pengajuan
                  </Link>
                </p>
              </li>
            )),
          )}
        </ul>
      </section>

      <section aria-labelledby="inbox-bukti">
        <h2 id="inbox-bukti">Bukti pengajuan</h2>
        {data && items.length === 0 && <p className="card">Belum ada pengajuan yang dikirim.</p>}
        <ul className="plain-list card">
          {items
            .filter((p) => p.buktiUrl)
            .map((p) => (
              <li key={p.id} className="inbox-row">
                <span>
                  <Link to={`/pengajuan/${rawId(p.id)}`}>{p.layanan.nama}</Link> <span className="mono small">{p.nomorRegistrasi}</span>{" "}
                  <PengajuanBadge status={p.status} />
                </span>
                <a href={p.buktiUrl!} target="_blank" rel="noopener">
                  Bukti pengajuan (PDF)<span className="sr-only"> {p.nomorRegistrasi}, tab baru</span>
                </a>
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}
