import { graphql, useFragment, type FragmentType } from "../../gql";
import { formatUkuran } from "../../lib/files";
import { JENIS_BERKAS_LABEL } from "../../../../server/shared/berkas-identitas";

export const IdentityDocuments_UserFragment = graphql(`
  fragment IdentityDocuments_User on User {
    id
    namaLengkap
    berkasDiharapkan
    berkasIdentitas {
      id
      jenis
      jenisFile
      namaFile
      ukuran
      url
    }
  }
`);

/**
 * The KTP/KK photo (and an ASN's SK) beside the data the admin compares it with. Each view is a download the
 * server audits; a PDF opens in the browser's viewer. An account registered before photos were asked has none.
 */
export function IdentityDocuments(props: { user: FragmentType<typeof IdentityDocuments_UserFragment> }) {
  const u = useFragment(IdentityDocuments_UserFragment, props.user);
  const expected = JENIS_BERKAS_LABEL[u.berkasDiharapkan];
  const main = u.berkasIdentitas.filter((b) => b.jenis !== "SK_ASN");
  return (
    <section className="compare__documents" aria-label={`Dokumen identitas ${u.namaLengkap}`}>
      {main.length === 0 && (
        <p className="alert alert--warning">
          Belum ada foto {expected}. Minta pemohon mengunggahnya di halaman status akun, atau cocokkan dengan {expected} asli di kantor.
        </p>
      )}
      {u.berkasDiharapkan === "KK" && <p className="small">Menurut NIK, pemohon belum berusia 17 tahun: cocokkan dengan Kartu Keluarga.</p>}
      <ul className="compare__list">
        {u.berkasIdentitas.map((b) => (
          <li key={b.id}>
            <p className="small">
              <strong>{JENIS_BERKAS_LABEL[b.jenis]}</strong>
            </p>
            {b.jenisFile.startsWith("image/") ? (
              <a href={b.url} target="_blank" rel="noopener">
                <img className="compare__photo" src={b.url} alt={`Foto ${JENIS_BERKAS_LABEL[b.jenis]} ${u.namaLengkap}`} loading="lazy" />
                <span className="sr-only"> (buka ukuran penuh di tab baru)</span>
              </a>
            ) : (
              <a href={b.url} target="_blank" rel="noopener">
                Buka {JENIS_BERKAS_LABEL[b.jenis]} (PDF, {formatUkuran(b.ukuran)})<span className="sr-only"> di tab baru</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
