import { lazy, Suspense, useState, type ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { ContohBadge } from "../../components/badges";
import { FormMessage } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { requestErrorMessage } from "../../lib/errors";
import { daftarJenis, formatUkuran } from "../../lib/files";
import { formatRupiah } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { isActiveAdmin, isActiveCitizen, useSession } from "../../lib/session";

// mermaid (hundreds of kB) is fetched only when a flowchart is on screen
const Flowchart = lazy(() => import("../../components/flowchart").then((m) => ({ default: m.Flowchart })));

const LayananPageQuery = graphql(`
  query LayananPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Layanan {
        id
        kode
        nama
        kategori
        deskripsi
        contoh
        aktif
        instansi {
          id
          nama
          alamat
          telepon
        }
        dasarHukum
        persyaratanKeterangan
        persyaratan {
          id
          label
          keterangan
          wajib
          jenisFile
          maksBytes
          templateUrl
        }
        formFields {
          nama
          label
          wajib
        }
        prosedur
        prosedurFlowchart
        jangkaWaktu
        jangkaWaktuKeterangan
        biaya
        biayaKeterangan
        produkLayanan
        saranaPrasarana
        kompetensiPelaksana
        pengawasanInternal
        penangananPengaduan
        jumlahPelaksana
        jaminanPelayanan
        jaminanKeamanan
        evaluasiKinerja
        unduhOnline
        ambilDiKantor
        updatedAt
      }
    }
  }
`);

const MyDraftsQuery = graphql(`
  query MyDrafts($first: Int) {
    myPengajuan(first: $first, status: [DRAFT]) {
      edges {
        node {
          id
          layanan {
            id
          }
        }
      }
    }
  }
`);

const StartPengajuanMutation = graphql(`
  mutation StartPengajuan($layananId: ID!) {
    createPengajuan(layananId: $layananId) {
      __typename
      ... on CreatePengajuanSuccess {
        data {
          id
        }
      }
      ... on Error {
        code
        message
        field
      }
    }
  }
`);

function Text({ children }: { children: string }) {
  return <div className="prose">{children}</div>;
}

function Component({ id, title, children, open = true }: { id: string; title: string; children: ReactNode; open?: boolean }) {
  if (open) {
    return (
      <section aria-labelledby={id} className="card sp-section">
        <h2 id={id}>{title}</h2>
        {children}
      </section>
    );
  }
  return (
    <details className="card sp-section sp-section--more">
      <summary>
        <h2 id={id}>{title}</h2>
      </summary>
      {children}
    </details>
  );
}

export default function LayananPage() {
  const { id = "" } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const valid = isUuid(id);
  const [{ data, fetching, error }] = useQuery({ query: LayananPageQuery, variables: { id: toGlobalId("Layanan", id) }, pause: !valid });
  const citizen = isActiveCitizen(me);
  const [{ data: drafts }] = useQuery({ query: MyDraftsQuery, variables: { first: 50 }, pause: !citizen });
  const [{ fetching: starting }, start] = useMutation(StartPengajuanMutation);
  const [startError, setStartError] = useState<string | null>(null);

  const l = data?.node?.__typename === "Layanan" ? data.node : null;
  if (!valid || (data && !l)) {
    return (
      <div className="narrow">
        <PageTitle>Layanan tidak ditemukan</PageTitle>
        <p>
          Layanan ini tidak ada atau sudah tidak dibuka. Lihat <Link to="/layanan">daftar layanan</Link>.
        </p>
      </div>
    );
  }
  if (!l) {
    return fetching ? <p aria-busy="true">Memuat layanan…</p> : <p className="alert alert--error">{requestErrorMessage(error)}</p>;
  }

  const draft = drafts?.myPengajuan.edges.find((e) => e.node.layanan.id === l.id)?.node;

  async function apply() {
    setStartError(null);
    const r = await start({ layananId: l!.id });
    const res = r.data?.createPengajuan;
    if (res?.__typename === "CreatePengajuanSuccess") navigate(`/pengajuan/${rawId(res.data.id)}`);
    else setStartError(res && "message" in res ? res.message : requestErrorMessage(r.error));
  }

  const cara = [l.unduhOnline && "diunduh dari Loket", l.ambilDiKantor && "diambil di kantor"].filter(Boolean).join(" atau ");

  return (
    <article className="layanan">
      <p className="breadcrumb">
        <Link to="/layanan">Daftar layanan</Link> <span aria-hidden="true">›</span> {l.kategori}
      </p>
      <PageTitle>{l.nama}</PageTitle>
      <p className="layanan__office">
        {l.instansi.nama} {l.contoh && <ContohBadge />} {!l.aktif && <span className="badge badge--closed">Tidak dibuka</span>}
      </p>
      {l.contoh && (
        <p className="alert alert--info">
          <strong>Contoh.</strong> Standar pelayanan ini adalah data contoh untuk diubah admin, bukan standar resmi kantor. Tanyakan ke kantor
          sebelum mengandalkannya.
        </p>
      )}
      {l.deskripsi && <p className="lead">{l.deskripsi}</p>}

      <div className="card apply">
        <dl className="facts facts--compact">
          <div>
            <dt>Waktu penyelesaian</dt>
            <dd>{l.jangkaWaktu}</dd>
          </div>
          <div>
            <dt>Biaya</dt>
            <dd>{formatRupiah(l.biaya)}</dd>
          </div>
          <div>
            <dt>Hasil layanan</dt>
            <dd>{l.produkLayanan || "—"}</dd>
          </div>
          {cara && (
            <div>
              <dt>Hasil dapat</dt>
              <dd>{cara}</dd>
            </div>
          )}
        </dl>
        {l.aktif && (
          <div className="apply__actions">
            {citizen ? (
              <>
                {draft && (
                  <Link className="button button--primary" to={`/pengajuan/${rawId(draft.id)}`}>
                    Lanjutkan draf pengajuan
                  </Link>
                )}
                <button type="button" className={`button ${draft ? "button--secondary" : "button--primary"}`} disabled={starting} onClick={apply}>
                  {starting ? "Menyiapkan…" : draft ? "Mulai pengajuan baru" : "Ajukan layanan ini"}
                </button>
              </>
            ) : me ? (
              me.role === "PEMOHON" ? (
                <p>
                  Akun Anda belum aktif. Lihat <Link to="/status-akun">status akun</Link>.
                </p>
              ) : null
            ) : (
              <p>
                <Link className="button button--primary" to={`/masuk?lanjut=${encodeURIComponent(`/layanan/${id}`)}`}>
                  Masuk untuk mengajukan
                </Link>{" "}
                <span className="muted">
                  Belum punya akun? <Link to="/daftar">Daftar dengan NIK</Link>.
                </span>
              </p>
            )}
            {isActiveAdmin(me) && (
              <Link className="button button--quiet" to={`/admin/layanan/${id}`}>
                Ubah standar pelayanan
              </Link>
            )}
          </div>
        )}
        <FormMessage kind="error">{startError}</FormMessage>
      </div>

      <Component id="sp-persyaratan" title="Persyaratan">
        {l.persyaratanKeterangan && <Text>{l.persyaratanKeterangan}</Text>}
        {l.persyaratan.length > 0 && (
          <>
            <h3>Dokumen yang diunggah</h3>
            <ul className="requirements">
              {l.persyaratan.map((p) => (
                <li key={p.id}>
                  <strong>{p.label}</strong>
                  {!p.wajib && <span className="muted"> (tidak wajib)</span>}
                  {p.keterangan && <span className="requirements__note"> — {p.keterangan}</span>}
                  <br />
                  <span className="muted small">
                    {daftarJenis(p.jenisFile)}, maksimal {formatUkuran(p.maksBytes)}
                  </span>
                  {p.templateUrl && (
                    <>
                      {" · "}
                      <a href={p.templateUrl} download>
                        Unduh contoh/templat<span className="sr-only"> {p.label}</span>
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {l.formFields.length > 0 && (
          <>
            <h3>Data yang diisi di formulir</h3>
            <ul>
              {l.formFields.map((f) => (
                <li key={f.nama}>
                  {f.label}
                  {!f.wajib && <span className="muted"> (tidak wajib)</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {!l.persyaratanKeterangan && l.persyaratan.length === 0 && l.formFields.length === 0 && <p>Tidak ada persyaratan khusus.</p>}
      </Component>

      <Component id="sp-prosedur" title="Sistem, mekanisme, dan prosedur">
        {l.prosedur ? <Text>{l.prosedur}</Text> : <p className="muted">Belum diisi.</p>}
        {l.prosedurFlowchart && (
          <Suspense fallback={<p aria-busy="true" className="muted">Memuat bagan alir…</p>}>
            <Flowchart source={l.prosedurFlowchart} title={l.nama} />
          </Suspense>
        )}
      </Component>

      <Component id="sp-waktu" title="Jangka waktu penyelesaian">
        <p>
          <strong>{l.jangkaWaktu}</strong>
        </p>
        {l.jangkaWaktuKeterangan && <Text>{l.jangkaWaktuKeterangan}</Text>}
        <p className="muted small">Dihitung pada jam kerja kantor; hari libur nasional dan cuti bersama tidak dihitung.</p>
      </Component>

      <Component id="sp-biaya" title="Biaya/tarif">
        <p>
          <strong>{formatRupiah(l.biaya)}</strong>
        </p>
        {l.biayaKeterangan && <Text>{l.biayaKeterangan}</Text>}
      </Component>

      <Component id="sp-produk" title="Produk pelayanan">
        {l.produkLayanan ? <Text>{l.produkLayanan}</Text> : <p className="muted">Belum diisi.</p>}
      </Component>

      <Component id="sp-pengaduan" title="Penanganan pengaduan, saran, dan masukan">
        {l.penangananPengaduan ? <Text>{l.penangananPengaduan}</Text> : <p className="muted">Belum diisi.</p>}
        <p>
          Anda juga dapat <Link to={me ? "/pengaduan/baru" : "/masuk?lanjut=%2Fpengaduan%2Fbaru"}>menyampaikan pengaduan melalui Loket</Link> dan
          memantaunya dengan kode lacak.
        </p>
      </Component>

      {(
        [
          ["sp-dasar-hukum", "Dasar hukum", l.dasarHukum],
          ["sp-sarana", "Sarana, prasarana, dan/atau fasilitas", l.saranaPrasarana],
          ["sp-kompetensi", "Kompetensi pelaksana", l.kompetensiPelaksana],
          ["sp-pengawasan", "Pengawasan internal", l.pengawasanInternal],
          ["sp-pelaksana", "Jumlah pelaksana", l.jumlahPelaksana],
          ["sp-jaminan", "Jaminan pelayanan", l.jaminanPelayanan],
          ["sp-keamanan", "Jaminan keamanan dan keselamatan pelayanan", l.jaminanKeamanan],
          ["sp-evaluasi", "Evaluasi kinerja pelaksana", l.evaluasiKinerja],
        ] as const
      ).map(([key, title, value]) => (
        <Component key={key} id={key} title={title} open={false}>
          {value ? <Text>{value}</Text> : <p className="muted">Belum diisi.</p>}
        </Component>
      ))}

      <p className="muted small">
        Kode layanan {l.kode}. Alamat kantor: {l.instansi.alamat || "—"}
        {l.instansi.telepon && `, telepon ${l.instansi.telepon}`}.
      </p>
    </article>
  );
}
