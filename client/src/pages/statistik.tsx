import { useEffect, useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { Periode } from "../gql/graphql";
import { PageTitle } from "../components/page-title";
import { formatSisaKerja } from "../lib/format";
import { useSession } from "../lib/session";
import { StatistikPetugas, bolehLihatRincian } from "./statistik-petugas";
import { YearSelect } from "../components/year-select";
import { QueryState } from "../components/page-state";

const StatistikQuery = graphql(`
  query StatistikPage($instansiId: ID!, $periode: Periode!, $tahun: Int!, $ke: Int) {
    statistik(instansiId: $instansiId, periode: $periode, tahun: $tahun, ke: $ke) {
      __typename
      ... on StatistikSuccess {
        data {
          pengajuanDiajukan
          selesai
          kepatuhanSlaPersen
          medianMenitKerja
          p90MenitKerja
          terlambatSaatIni
          pengajuanPerStatus {
            nama
            label
            jumlah
          }
          pengaduanPerKategori {
            nama
            label
            jumlah
          }
          pengaduanPerKanal {
            nama
            label
            jumlah
          }
          ppidMasuk
          ppidDikabulkan
          ppidDitolak
          ppidKeberatan
          konsultasi {
            masuk
            dieskalasi
            dijawab
            terlambat
            perKanal {
              nama
              label
              jumlah
            }
          }
          pelatihan {
            sesi
            terdaftar
            hadir
          }
          ikm {
            ikm
            mutu
            kinerja
            responden
            nrr {
              unsur
              nrr
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const KantorQuery = graphql(`
  query StatistikKantor {
    instansiList {
      id
      nama
    }
  }
`);

const PERIODE: Array<{ value: string; label: string; periode: Periode; ke: number }> = [
  { value: "TAHUN-1", label: "Setahun penuh", periode: "TAHUN", ke: 1 },
  { value: "SEMESTER-1", label: "Semester I (Jan–Jun)", periode: "SEMESTER", ke: 1 },
  { value: "SEMESTER-2", label: "Semester II (Jul–Des)", periode: "SEMESTER", ke: 2 },
  ...[1, 2, 3, 4].map((k) => ({ value: `TRIWULAN-${k}`, label: `Triwulan ${k}`, periode: "TRIWULAN" as Periode, ke: k })),
];

/** Counts by a status, a channel or a category: people read the API's label, never the code. */
function Counts({ title, rows }: { title: string; rows: ReadonlyArray<{ nama: string; label: string; jumlah: number }> }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Belum ada data.</p>
      ) : (
        <table className="table table--compact">
          <tbody>
            {rows.map((r) => (
              <tr key={r.nama}>
                <th scope="row">{r.label}</th>
                <td>{r.jumlah}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** /statistik — public statistics and the IKM of an office, per period; for its own staff, the detail behind them. */
export default function StatistikPage() {
  const [{ data: kantor }] = useQuery({ query: KantorQuery });
  const { me } = useSession();
  const [instansiId, setInstansiId] = useState("");
  const [periode, setPeriode] = useState("TAHUN-1");
  const [tahun, setTahun] = useState(new Date().getFullYear());
  useEffect(() => {
    // staff start at their own office
    const own = me?.instansi && kantor?.instansiList.find((o) => o.id === me.instansi!.id);
    if (!instansiId && kantor?.instansiList.length) setInstansiId(own ? own.id : kantor.instansiList[0]!.id);
  }, [kantor, instansiId, me]);
  const p = PERIODE.find((x) => x.value === periode)!;
  const [{ data, fetching, error }] = useQuery({ query: StatistikQuery, variables: { instansiId, periode: p.periode, tahun, ke: p.ke }, pause: !instansiId });
  const res = data?.statistik;
  const s = res?.__typename === "StatistikSuccess" ? res.data : null;
  const dur = (m: number | null | undefined) => (m == null ? "—" : formatSisaKerja(m).text);
  const namaKantor = kantor?.instansiList.find((o) => o.id === instansiId)?.nama ?? "";
  return (
    <>
      <PageTitle>Statistik pelayanan</PageTitle>
      <p className="lead">Kinerja pelayanan dan Indeks Kepuasan Masyarakat (IKM), terbuka untuk umum. Waktu dihitung dalam jam kerja kantor.</p>
      <div className="card filters filters__row">
        <label className="inline-field">
          <span>Kantor</span>
          <select value={instansiId} onChange={(e) => setInstansiId(e.target.value)}>
            {(kantor?.instansiList ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.nama}
              </option>
            ))}
          </select>
        </label>
        <YearSelect value={tahun} onChange={setTahun} />
        <label className="inline-field">
          <span>Periode</span>
          <select value={periode} onChange={(e) => setPeriode(e.target.value)}>
            {PERIODE.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="print-only">
        {namaKantor} — {p.label}, tahun {tahun}
      </p>
      <QueryState fetching={fetching} error={error} loaded={!!data} staleError />
      {res && res.__typename !== "StatistikSuccess" && "message" in res && <p className="alert alert--error">{res.message}</p>}
      {s && (
        <>
          <dl className="stats">
            <div className="card">
              <dt>Pengajuan masuk</dt>
              <dd>{s.pengajuanDiajukan}</dd>
            </div>
            <div className="card">
              <dt>Selesai</dt>
              <dd>{s.selesai}</dd>
            </div>
            <div className="card">
              <dt>Tepat waktu</dt>
              <dd>{s.kepatuhanSlaPersen == null ? "—" : `${s.kepatuhanSlaPersen.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`}</dd>
            </div>
            <div className="card">
              <dt>Lama penyelesaian (median)</dt>
              <dd className="stats__small">{dur(s.medianMenitKerja)}</dd>
            </div>
            <div className="card">
              <dt>Lama penyelesaian (90% selesai dalam)</dt>
              <dd className="stats__small">{dur(s.p90MenitKerja)}</dd>
            </div>
            <div className="card">
              <dt>Lewat batas waktu saat ini</dt>
              <dd>{s.terlambatSaatIni}</dd>
            </div>
          </dl>
          <section className="card" aria-labelledby="ikm">
            <h2 id="ikm">Indeks Kepuasan Masyarakat</h2>
            {s.ikm ? (
              <>
                <p className="ikm">
                  <strong className="ikm__value">{s.ikm.ikm.toLocaleString("id-ID", { maximumFractionDigits: 2 })}</strong> mutu {s.ikm.mutu} ({s.ikm.kinerja}),{" "}
                  {s.ikm.responden} responden
                </p>
                <table className="table table--compact">
                  <caption className="sr-only">Nilai rata-rata per unsur (1–4)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Unsur</th>
                      <th scope="col">Nilai (1–4)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.ikm.nrr.map((n) => (
                      <tr key={n.unsur}>
                        <th scope="row">{n.unsur}</th>
                        <td>{n.nrr.toLocaleString("id-ID", { maximumFractionDigits: 2 })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p className="muted">Belum ada survei kepuasan pada periode ini.</p>
            )}
          </section>
          <div className="grid print-break">
            <Counts title="Pengajuan per status" rows={s.pengajuanPerStatus} />
            <Counts title="Pengaduan per kategori" rows={s.pengaduanPerKategori} />
            <Counts title="Pengaduan per saluran" rows={s.pengaduanPerKanal} />
            <Counts
              title="Permohonan informasi publik"
              rows={[
                { nama: "MASUK", label: "Masuk", jumlah: s.ppidMasuk },
                { nama: "DIKABULKAN", label: "Dikabulkan", jumlah: s.ppidDikabulkan },
                { nama: "DITOLAK", label: "Ditolak", jumlah: s.ppidDitolak },
                { nama: "KEBERATAN", label: "Keberatan", jumlah: s.ppidKeberatan },
              ]}
            />
            <Counts
              title="Konsultasi (helpdesk)"
              rows={[
                { nama: "MASUK", label: "Masuk", jumlah: s.konsultasi.masuk },
                ...s.konsultasi.perKanal.map((k) => ({ ...k, nama: `KANAL_${k.nama}`, label: `lewat ${k.label}` })),
                { nama: "DIESKALASI", label: "Dieskalasi (mis. ke LKPP)", jumlah: s.konsultasi.dieskalasi },
                { nama: "DIJAWAB", label: "Dijawab", jumlah: s.konsultasi.dijawab },
                { nama: "TERLAMBAT", label: "Dijawab melewati janji", jumlah: s.konsultasi.terlambat },
              ]}
            />
            <Counts
              title="Pelatihan"
              rows={[
                { nama: "SESI", label: "Sesi terlaksana", jumlah: s.pelatihan.sesi },
                { nama: "TERDAFTAR", label: "Peserta memegang kursi", jumlah: s.pelatihan.terdaftar },
                { nama: "HADIR", label: "Peserta hadir", jumlah: s.pelatihan.hadir },
              ]}
            />
          </div>
          {bolehLihatRincian(me, instansiId) && (
            <StatistikPetugas instansiId={instansiId} namaInstansi={namaKantor} periode={p.periode} tahun={tahun} ke={p.ke} />
          )}
        </>
      )}
    </>
  );
}
