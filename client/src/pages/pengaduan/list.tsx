import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { PengaduanBadge } from "../../components/badges";
import { PageTitle } from "../../components/page-title";
import { formatDateTime } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { QueryState } from "../../components/page-state";

const PengaduanSayaQuery = graphql(`
  query PengaduanSaya($first: Int) {
    pengaduanSaya(first: $first) {
      edges {
        node {
          id
          kodeLacak
          judul
          status
          createdAt
          tenggat
          instansi {
            id
            nama
            zonaWaktu
            zonaWaktuLabel
          }
        }
      }
    }
  }
`);

export default function PengaduanSayaPage() {
  const [{ data, fetching, error }] = useQuery({ query: PengaduanSayaQuery, variables: { first: 50 }, requestPolicy: "cache-and-network" });
  const items = data?.pengaduanSaya.edges ?? [];
  return (
    <>
      <PageTitle>Pengaduan saya</PageTitle>
      <div className="toolbar">
        <p className="lead">Pengaduan yang Anda sampaikan dan tanggapannya.</p>
        <p>
          <Link to="/pengaduan/baru" className="button button--primary">
            Sampaikan pengaduan
          </Link>
        </p>
      </div>
      <QueryState fetching={fetching} error={error} loaded={!!data} />
      {data && items.length === 0 && <p className="card">Anda belum pernah menyampaikan pengaduan.</p>}
      <ul className="request-list">
        {items.map(({ node: p }) => (
          <li key={p.id} className="card request">
            <div className="request__head">
              <h2 className="request__title">
                <Link to={`/pengaduan/${rawId(p.id)}`}>{p.judul}</Link>
              </h2>
              <PengaduanBadge status={p.status} />
            </div>
            <p className="request__meta">
              <span className="mono">{p.kodeLacak}</span> · {p.instansi.nama} · {formatDateTime(p.createdAt, p.instansi.zonaWaktu)} {p.instansi.zonaWaktuLabel}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
