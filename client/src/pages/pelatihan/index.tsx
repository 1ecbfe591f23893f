import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { useFragment as unmask } from "../../gql";
import { QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { rawId } from "../../lib/ids";
import { PelatihanSayaQuery, PesertaPelatihanItemFragment, SesiPelatihanItemFragment } from "./documents";
import { StatusPesertaBadge, StatusSesiBadge, kursiText, waktuSesi } from "./parts";
import "./pelatihan.css";

/**
 * /pelatihan — the citizen's trainings: "Pelatihan saya" (each registration with its status, the place on the
 * waiting list), then "Jadwal pelatihan", the upcoming sessions of every office with the seats left.
 */
export default function PelatihanSayaPage() {
  const [{ data, fetching, error }] = useQuery({ query: PelatihanSayaQuery, requestPolicy: "cache-and-network" });
  const saya = (data?.pelatihanSaya ?? []).map((p) => ({
    p: unmask(PesertaPelatihanItemFragment, p),
    s: unmask(SesiPelatihanItemFragment, p.sesi),
  }));
  const jadwal = (data?.sesiPelatihanTerbuka ?? []).map((s) => ({ s: unmask(SesiPelatihanItemFragment, s), saya: s.pendaftaranSaya }));
  return (
    <>
      <PageTitle>Pelatihan</PageTitle>
      <p className="lead">Pelatihan yang diselenggarakan kantor layanan, misalnya pelatihan SPSE untuk penyedia. Daftar dari halaman sesi pelatihan.</p>
      <QueryState fetching={fetching} error={error} loaded={!!data} />
      {data && (
        <>
          <section aria-labelledby="pelatihan-saya">
            <h2 id="pelatihan-saya">Pelatihan saya</h2>
            {saya.length === 0 ? (
              <p className="card">Anda belum mendaftar pelatihan. Pilih sesi dari jadwal di bawah.</p>
            ) : (
              <ul className="request-list">
                {saya.map(({ p, s }) => (
                  <li key={p.id} className="card request">
                    <div className="request__head">
                      <h3 className="request__title">
                        <Link to={`/pelatihan/${rawId(s.id)}`}>{s.judul}</Link>
                      </h3>
                      <StatusPesertaBadge status={p.status} />
                    </div>
                    <p className="request__meta">{waktuSesi(s, s.instansi)}</p>
                    <p className="request__meta">
                      {s.instansi.nama} · {s.tempat}
                    </p>
                    {p.status === "MENUNGGU" && p.nomorTunggu != null && <p className="pelatihan-tunggu">Daftar tunggu nomor {p.nomorTunggu}</p>}
                    {s.status === "DIBATALKAN" && (
                      <p className="alert alert--error">
                        <strong>Kantor membatalkan sesi ini:</strong> {s.alasanBatal || "tanpa keterangan."}
                      </p>
                    )}
                    {p.status === "HADIR" && !p.surveiTerisi && (
                      <p className="muted small">
                        <Link to={`/pelatihan/${rawId(s.id)}`}>Isi survei kepuasan</Link> tentang pelatihan ini.
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="pelatihan-jadwal">
            <h2 id="pelatihan-jadwal">Jadwal pelatihan</h2>
            {jadwal.length === 0 ? (
              <p className="card">Belum ada jadwal pelatihan yang akan datang.</p>
            ) : (
              <ul className="request-list">
                {jadwal.map(({ s, saya }) => (
                  <li key={s.id} className="card request">
                    <div className="request__head">
                      <h3 className="request__title">
                        <Link to={`/pelatihan/${rawId(s.id)}`}>{s.judul}</Link>
                      </h3>
                      <StatusSesiBadge status={s.status} />
                    </div>
                    <p className="request__meta">{waktuSesi(s, s.instansi)}</p>
                    <p className="request__meta">
                      {s.layanan.nama} · {s.instansi.nama}
                    </p>
                    <p className="request__meta">
                      {kursiText(s)}
                      {s.jumlahMenunggu > 0 && ` · ${s.jumlahMenunggu} orang di daftar tunggu`}
                    </p>
                    {saya && saya.status !== "BATAL" && (
                      <p className="muted small">
                        Anda sudah mendaftar: <StatusPesertaBadge status={saya.status} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
