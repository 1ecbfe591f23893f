import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql, useFragment } from "../../gql";
import { ContohBadge } from "../../components/badges";
import { Fact } from "../../components/facts";
import { FormMessage } from "../../components/field";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { KOMPONEN_TEKS, FlowchartImage, StandarPelayanan_LayananFragment, type KomponenTeks } from "../../components/standar-pelayanan";
import { daftarJenis, formatUkuran } from "../../lib/files";
import { formatRupiah } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { isActiveAdmin, isActiveCitizen, isCitizen, useSession } from "../../lib/session";
import { useStartPengajuan } from "../../lib/start-pengajuan";
import { JadwalPelatihanLink } from "../pelatihan/jadwal-link";

const LayananPageQuery = graphql(`
  query LayananPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Layanan {
        id
        instansi {
          id
          nama
          alamat
          telepon
        }
        formFields {
          nama
          label
          wajib
        }
        jangkaWaktu
        kunjungan
        updatedAt
        ...StandarPelayanan_Layanan
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

/** The components shown folded, after the ones citizens look for first, with their section ids. */
const MORE: Partial<Record<KomponenTeks, string>> = {
  dasarHukum: "sp-dasar-hukum",
  saranaPrasarana: "sp-sarana",
  kompetensiPelaksana: "sp-kompetensi",
  pengawasanInternal: "sp-pengawasan",
  jumlahPelaksana: "sp-pelaksana",
  jaminanPelayanan: "sp-jaminan",
  jaminanKeamanan: "sp-keamanan",
  evaluasiKinerja: "sp-evaluasi",
};

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
  const valid = isUuid(id);
  const [{ data, fetching, error }] = useQuery({ query: LayananPageQuery, variables: { id: toGlobalId("Layanan", id) }, pause: !valid });
  const citizen = isActiveCitizen(me);
  const [{ data: drafts }] = useQuery({ query: MyDraftsQuery, variables: { first: 50 }, pause: !citizen });
  const { start, starting } = useStartPengajuan();
  const [startError, setStartError] = useState<string | null>(null);

  const node = data?.node?.__typename === "Layanan" ? data.node : null;
  const l = node && { ...node, ...useFragment(StandarPelayanan_LayananFragment, node) };
  if (!valid || (data && !l)) {
    return (
      <NotFound title="Layanan tidak ditemukan">
        Layanan ini tidak ada atau sudah tidak dibuka. Lihat <Link to="/layanan">daftar layanan</Link>.
      </NotFound>
    );
  }
  if (!l)
    return (
      <Loading fetching={fetching} error={error}>
        Memuat layanan…
      </Loading>
    );

  const draft = drafts?.myPengajuan.edges.find((e) => e.node.layanan.id === l.id)?.node;

  async function apply() {
    setStartError(null);
    setStartError(await start(l!.id));
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
          <strong>Contoh.</strong> Standar pelayanan ini adalah data contoh untuk diubah admin, bukan standar resmi kantor. Tanyakan ke kantor sebelum
          mengandalkannya.
        </p>
      )}
      {l.deskripsi && <p className="lead">{l.deskripsi}</p>}

      <div className="card apply">
        <dl className="facts facts--compact">
          <Fact label="Waktu penyelesaian">{l.jangkaWaktu}</Fact>
          <Fact label="Biaya">{formatRupiah(l.biaya)}</Fact>
          <Fact label="Hasil layanan">{l.produkLayanan || "—"}</Fact>
          {cara && <Fact label="Hasil dapat">{cara}</Fact>}
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
              isCitizen(me) ? (
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
            {l.kunjungan !== "TIDAK_ADA" && (citizen || !me) && (
              <Link
                className="button button--secondary"
                to={citizen ? `/kunjungan/pesan?layanan=${id}` : `/masuk?lanjut=${encodeURIComponent(`/kunjungan/pesan?layanan=${id}`)}`}
              >
                Pesan jadwal kunjungan
              </Link>
            )}
            {(citizen || !me) && <JadwalPelatihanLink layananRaw={id} signedIn={citizen} />}
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
        {l.prosedurFlowchartSvgUrl && <FlowchartImage url={l.prosedurFlowchartSvgUrl} title={l.nama} />}
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
          Anda juga dapat <Link to={me ? "/pengaduan/baru" : "/masuk?lanjut=%2Fpengaduan%2Fbaru"}>menyampaikan pengaduan melalui Loket</Link> dan memantaunya
          dengan kode lacak.
        </p>
      </Component>

      {KOMPONEN_TEKS.filter(([key]) => key in MORE).map(([key, title]) => (
        <Component key={key} id={MORE[key]!} title={title} open={false}>
          {l[key] ? <Text>{l[key]}</Text> : <p className="muted">Belum diisi.</p>}
        </Component>
      ))}

      <p className="muted small">
        Kode layanan {l.kode}. Alamat kantor: {l.instansi.alamat || "—"}
        {l.instansi.telepon && `, telepon ${l.instansi.telepon}`}.
      </p>
    </article>
  );
}
