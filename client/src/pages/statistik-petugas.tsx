import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { Periode, StatistikPetugasQuery } from "../gql/graphql";
import { requestErrorMessage } from "../lib/errors";
import { formatDateTime, formatSisaKerja } from "../lib/format";
import { rawId } from "../lib/ids";
import { KANAL_LABEL, PENGADUAN_STATUS_LABEL, PENGAJUAN_STATUS_LABEL } from "../lib/labels";
import { isSuperadmin, worksDesk, type Me } from "../lib/session";
import { HelpLink } from "../components/help-link";

const StatistikPetugasDoc = graphql(`
  query StatistikPetugas($instansiId: ID!, $periode: Periode!, $tahun: Int!, $ke: Int) {
    statistikDetail(instansiId: $instansiId, periode: $periode, tahun: $tahun, ke: $ke, batas: 50) {
      __typename
      ... on StatistikDetailSuccess {
        data {
          total {
            terlambatSaatIni
            melewatiSla
          }
          perLayanan {
            layananId
            nama
            kinerja {
              diajukan
              selesai
              kepatuhanSlaPersen
              medianMenitKerja
              melewatiSla
              berjalan
              terlambatSaatIni
            }
          }
          perPetugas {
            petugasId
            nama
            kinerja {
              diajukan
              selesai
              kepatuhanSlaPersen
              medianMenitKerja
              melewatiSla
              berjalan
              terlambatSaatIni
            }
          }
          kasusTerlambat {
            pengajuanId
            nomorRegistrasi
            layanan
            petugas
            status
            tenggat
            selesaiAt
            terlambatMenitKerja
          }
          kasusMelewatiSla {
            pengajuanId
            nomorRegistrasi
            layanan
            petugas
            status
            tenggat
            selesaiAt
            terlambatMenitKerja
          }
          pengaduanPerKategori {
            nama
            label
            jumlah
            terbuka
            terlambat
          }
          pengaduanPerKanal {
            nama
            label
            jumlah
            terbuka
            terlambat
          }
          jumlahPengaduanTerbuka
          pengaduanTerbuka {
            pengaduanId
            kodeLacak
            kategori
            kanal
            status
            tenggat
            terlambatMenitKerja
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type Detail = Extract<NonNullable<StatistikPetugasQuery["statistikDetail"]>, { __typename: "StatistikDetailSuccess" }>["data"];

/** Whether the API will show this viewer the detail of that instansi: the server's own rule (statistik:lihatDetail). */
export function bolehLihatRincian(me: Me | null | undefined, instansiId: string): boolean {
  if (me?.status !== "AKTIF" || !instansiId) return false;
  return worksDesk(me, "statistik") && (isSuperadmin(me) || me.instansi?.id === instansiId);
}

const dur = (m: number | null | undefined) => (m == null ? "—" : formatSisaKerja(m).text);
const late = (m: number) => formatSisaKerja(-m).text;
const persen = (p: number | null | undefined) => (p == null ? "—" : `${p.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`);

type Kinerja = Detail["perLayanan"][number]["kinerja"];

function KinerjaTable({ caption, kolom, rows }: { caption: string; kolom: string; rows: ReadonlyArray<{ key: string; nama: string; kinerja: Kinerja }> }) {
  if (rows.length === 0) return <p className="muted">Belum ada data.</p>;
  return (
    <div
      className="table-wrap"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{kolom}</th>
            <th scope="col">Masuk</th>
            <th scope="col">Selesai</th>
            <th scope="col">Tepat waktu</th>
            <th scope="col">Lama (median)</th>
            <th scope="col">Berjalan</th>
            <th scope="col">Terlambat kini</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, nama, kinerja: k }) => (
            <tr key={key}>
              <th scope="row">{nama}</th>
              <td>{k.diajukan}</td>
              <td>
                {k.selesai}
                {k.melewatiSla > 0 && <span className="table__sub">{k.melewatiSla} melewati SLA</span>}
              </td>
              <td>{persen(k.kepatuhanSlaPersen)}</td>
              <td>{dur(k.medianMenitKerja)}</td>
              <td>{k.berjalan}</td>
              <td>{k.terlambatSaatIni > 0 ? <strong>{k.terlambatSaatIni}</strong> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KasusTable({ caption, rows, selesai }: { caption: string; rows: Detail["kasusTerlambat"]; selesai?: boolean }) {
  if (rows.length === 0) return <p className="muted">Tidak ada.</p>;
  return (
    <div
      className="table-wrap"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nomor</th>
            <th scope="col">Layanan</th>
            <th scope="col">Petugas</th>
            <th scope="col">Batas waktu</th>
            {selesai && <th scope="col">Selesai</th>}
            <th scope="col">Keterlambatan (jam kerja)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <tr key={k.pengajuanId}>
              <td>
                <Link className="mono" to={`/petugas/pengajuan/${rawId(k.pengajuanId)}`}>
                  {k.nomorRegistrasi}
                </Link>
                {!selesai && <span className="table__sub">{PENGAJUAN_STATUS_LABEL[k.status]}</span>}
              </td>
              <td>{k.layanan}</td>
              <td>{k.petugas ?? <span className="muted">Belum ditugaskan</span>}</td>
              <td>{formatDateTime(k.tenggat)}</td>
              {selesai && <td>{k.selesaiAt ? formatDateTime(k.selesaiAt) : "—"}</td>}
              <td>{late(k.terlambatMenitKerja)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AduanCounts({ title, rows }: { title: string; rows: Detail["pengaduanPerKategori"] }) {
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">Belum ada pengaduan.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{title.replace("Pengaduan per ", "")}</th>
              <th scope="col">Masuk</th>
              <th scope="col">Terbuka</th>
              <th scope="col">Lewat 2x24 jam</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.nama}>
                <th scope="row">{r.label}</th>
                <td>{r.jumlah}</td>
                <td>{r.terbuka}</td>
                <td>{r.terlambat}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The staff view behind the public statistics (statistikDetail): only for staff of the instansi shown; the
 * API refuses everyone else, this only decides whether to ask.
 */
export function StatistikPetugas({
  instansiId,
  namaInstansi,
  periode,
  tahun,
  ke,
}: {
  instansiId: string;
  namaInstansi: string;
  periode: Periode;
  tahun: number;
  ke: number;
}) {
  const [{ data, fetching, error }] = useQuery({ query: StatistikPetugasDoc, variables: { instansiId, periode, tahun, ke } });
  const res = data?.statistikDetail;
  const d = res?.__typename === "StatistikDetailSuccess" ? res.data : null;
  return (
    <section className="card" aria-labelledby="rincian-petugas">
      <h2 id="rincian-petugas">Rincian untuk petugas</h2>
      <p className="muted">
        Hanya terlihat oleh petugas {namaInstansi}. Keterlambatan dihitung dalam jam kerja kantor; identitas pemohon dan pelapor tidak ditampilkan.
      </p>
      {fetching && !data && <p aria-busy="true">Memuat…</p>}
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {res && res.__typename !== "StatistikDetailSuccess" && "message" in res && <p className="alert alert--error">{res.message}</p>}
      {d && (
        <>
          <h3>Per layanan</h3>
          <KinerjaTable
            caption="Kinerja per layanan"
            kolom="Layanan"
            rows={d.perLayanan.map((r) => ({ key: r.layananId, nama: r.nama, kinerja: r.kinerja }))}
          />
          <h3>Per petugas</h3>
          <KinerjaTable
            caption="Beban dan penyelesaian per petugas"
            kolom="Petugas"
            rows={d.perPetugas.map((r) => ({ key: r.petugasId ?? "-", nama: r.nama, kinerja: r.kinerja }))}
          />
          <h3>Lewat batas waktu saat ini ({d.total.terlambatSaatIni})</h3>
          <KasusTable caption="Pengajuan yang lewat batas waktu saat ini" rows={d.kasusTerlambat} />
          {d.kasusTerlambat.length < d.total.terlambatSaatIni && <p className="muted">{d.kasusTerlambat.length} paling lama ditampilkan.</p>}
          <h3>Selesai melewati SLA pada periode ini ({d.total.melewatiSla})</h3>
          <KasusTable caption="Pengajuan yang selesai melewati batas waktu" rows={d.kasusMelewatiSla} selesai />
          {d.kasusMelewatiSla.length < d.total.melewatiSla && <p className="muted">{d.kasusMelewatiSla.length} paling lama ditampilkan.</p>}
          <div className="grid">
            <AduanCounts title="Pengaduan per kategori" rows={d.pengaduanPerKategori} />
            <AduanCounts title="Pengaduan per saluran" rows={d.pengaduanPerKanal} />
          </div>
          <h3>Pengaduan terbuka ({d.jumlahPengaduanTerbuka})</h3>
          {d.pengaduanTerbuka.length === 0 ? (
            <p className="muted">Tidak ada.</p>
          ) : (
            <div
              className="table-wrap"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
              tabIndex={0}
              role="region"
              aria-label="Pengaduan yang masih terbuka"
            >
              <table className="table table--compact">
                <caption className="sr-only">Pengaduan yang masih terbuka</caption>
                <thead>
                  <tr>
                    <th scope="col">Kode</th>
                    <th scope="col">Kategori</th>
                    <th scope="col">Saluran</th>
                    <th scope="col">Status</th>
                    <th scope="col">Tindak lanjut paling lambat</th>
                  </tr>
                </thead>
                <tbody>
                  {d.pengaduanTerbuka.map((a) => (
                    <tr key={a.pengaduanId}>
                      <td>
                        <Link className="mono" to={`/petugas/pengaduan/${rawId(a.pengaduanId)}`}>
                          {a.kodeLacak}
                        </Link>
                      </td>
                      <td>{a.kategori}</td>
                      <td>{KANAL_LABEL[a.kanal]}</td>
                      <td>{PENGADUAN_STATUS_LABEL[a.status]}</td>
                      <td>
                        {a.tenggat ? formatDateTime(a.tenggat) : "—"}
                        {a.terlambatMenitKerja != null && <span className="table__sub">{late(a.terlambatMenitKerja)}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
