import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { ContohBadge } from "../../components/badges";
import { PageTitle } from "../../components/page-title";
import { RequireRole } from "../../components/require-role";
import { requestErrorMessage } from "../../lib/errors";
import { rawId } from "../../lib/ids";
import { useSession } from "../../lib/session";
import { HelpLink } from "../../components/help-link";

const AdminLayananListQuery = graphql(`
  query AdminLayananList($instansiId: ID, $first: Int) {
    layananList(instansiId: $instansiId, first: $first, termasukNonaktif: true) {
      totalCount
      edges {
        node {
          id
          kode
          nama
          kategori
          aktif
          contoh
          jangkaWaktu
          updatedAt
        }
      }
    }
  }
`);

function LayananList() {
  const { me } = useSession();
  const [{ data, fetching, error }] = useQuery({
    query: AdminLayananListQuery,
    variables: { instansiId: me?.instansi?.id ?? null, first: 100 },
    requestPolicy: "cache-and-network",
  });
  const list = data?.layananList;
  return (
    <>
      <PageTitle>Standar pelayanan</PageTitle>
      <div className="toolbar">
        <p className="lead">Layanan kantor Anda beserta seluruh komponen standar pelayanannya, dokumen persyaratan, formulir, dan waktu penyelesaian.</p>
        <p>
          <Link className="button button--primary" to="/admin/layanan/baru">
            Tambah layanan
          </Link>
        </p>
      </div>
      {fetching && !data && <p aria-busy="true">Memuat…</p>}
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {list && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Daftar layanan</caption>
            <thead>
              <tr>
                <th scope="col">Layanan</th>
                <th scope="col">Kategori</th>
                <th scope="col">Waktu</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: l }) => (
                <tr key={l.id}>
                  <td>
                    <Link to={`/admin/layanan/${rawId(l.id)}`}>{l.nama}</Link> {l.contoh && <ContohBadge />}
                    <span className="table__sub mono">{l.kode}</span>
                  </td>
                  <td>{l.kategori}</td>
                  <td>{l.jangkaWaktu}</td>
                  <td>{l.aktif ? <span className="badge badge--ok">Dibuka</span> : <span className="badge badge--closed">Tidak dibuka</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export default function AdminLayananListPage() {
  return (
    <RequireRole role="admin">
      <LayananList />
    </RequireRole>
  );
}
