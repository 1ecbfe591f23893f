import { useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { PageTitle } from "../components/page-title";
import { aksesLabel, aktorPeranLabel } from "../lib/admin-labels";
import { requestErrorMessage } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { isActiveCitizen, useSession } from "../lib/session";
import { HelpLink } from "../components/help-link";

const AksesDataSayaQuery = graphql(`
  query AksesDataSaya($first: Int, $after: String) {
    aksesDataSaya(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          at
          aksi
          aktorPeran
          objekJenis
        }
      }
    }
  }
`);

const PAGE = 25;

function AksesPage({ after, last, onMore }: { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: AksesDataSayaQuery, variables: { first: PAGE, after }, requestPolicy: "cache-and-network" });
  const list = data?.aksesDataSaya;
  return (
    <>
      {fetching && !data && <p aria-busy="true">Memuat catatan…</p>}
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {after === null && list && list.edges.length === 0 && (
        <p className="card">Belum ada orang lain yang membuka data pribadi Anda. Bila nanti ada, catatannya muncul di sini.</p>
      )}
      {list && list.edges.length > 0 && (
        <ol className="akses-list">
          {list.edges.map(({ cursor, node }) => (
            <li key={cursor} className="card akses">
              <p className="akses__what">{aksesLabel(node.aksi)}</p>
              <p className="akses__meta">
                <span>
                  <span className="muted">Oleh: </span>
                  {aktorPeranLabel(node.aktorPeran)}
                </span>
                <span>
                  <span className="muted">Waktu: </span>
                  <time dateTime={node.at}>{formatDateTime(node.at)} WIB</time>
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
      {last && list?.pageInfo.hasNextPage && list.pageInfo.endCursor && (
        <p className="center">
          <button type="button" className="button button--secondary" onClick={() => onMore(list.pageInfo.endCursor!)}>
            Tampilkan catatan yang lebih lama
          </button>
        </p>
      )}
    </>
  );
}

/** /profil/akses-data — who looked at my personal data ("Siapa melihat data saya"). */
export default function AksesDataPage() {
  const { me, loading } = useSession();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/profil">Profil</Link>
      </p>
      <PageTitle>Siapa melihat data saya</PageTitle>
      <p className="lead">
        Setiap kali orang lain membuka data pribadi Anda — NIK lengkap, dokumen yang Anda unggah, atau identitas Anda pada pengaduan rahasia — Loket
        mencatatnya. Terbaru di atas.
      </p>
      {loading || me === undefined ? (
        <p aria-busy="true">Memuat…</p>
      ) : !me ? (
        <p className="card">
          Silakan <Link to="/masuk?lanjut=/profil/akses-data">masuk</Link> untuk melihat siapa yang membuka data Anda.
        </p>
      ) : (
        <>
          {cursors.map((after, i) => (
            <AksesPage key={after ?? "awal"} after={after} last={i === cursors.length - 1} onMore={(c) => setCursors((list) => [...list, c])} />
          ))}
          <div className="note">
            <h2>Ada yang tidak semestinya?</h2>
            <p>
              Petugas membuka data Anda saat memeriksa pendaftaran, pengajuan, atau pengaduan Anda. Nama petugas tidak ditampilkan di sini, tetapi tercatat
              lengkap di log audit kantor. Bila ada akses yang menurut Anda tidak semestinya, hubungi kantor atau sampaikan{" "}
              {isActiveCitizen(me) ? <Link to="/pengaduan/baru">pengaduan</Link> : "pengaduan"} dengan menyebut tanggal dan waktunya.
            </p>
          </div>
        </>
      )}
    </div>
  );
}
