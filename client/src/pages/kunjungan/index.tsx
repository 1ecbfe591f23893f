import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { useFragment as unmask, type FragmentType } from "../../gql";
import type { KunjunganItemFragment as Item } from "../../gql/graphql";
import { PageTitle } from "../../components/page-title";
import { QueryState } from "../../components/page-state";
import { rawId } from "../../lib/ids";
import { BatalkanKunjungan } from "./batalkan";
import { KunjunganItemFragment, KunjunganSayaQuery } from "./documents";
import { StatusKunjunganBadge, TUJUAN, waktuKunjungan } from "./parts";
import "./kunjungan.css";

/** /kunjungan — "Jadwal kunjungan saya": the visits still to come (soonest first), then the past and cancelled ones. */
export default function KunjunganSayaPage() {
  const [{ data, fetching, error }] = useQuery({ query: KunjunganSayaQuery, requestPolicy: "cache-and-network" });
  const all = (data?.kunjunganSaya ?? []).map((k: FragmentType<typeof KunjunganItemFragment>) => unmask(KunjunganItemFragment, k));
  const now = Date.now();
  const akanDatang = all
    .filter((k) => (k.status === "DIPESAN" || k.status === "HADIR") && new Date(k.selesai).getTime() > now)
    .sort((a, b) => a.mulai.localeCompare(b.mulai));
  const lalu = all.filter((k) => !akanDatang.includes(k));
  return (
    <>
      <PageTitle>Jadwal kunjungan saya</PageTitle>
      <p className="lead">Jadwal Anda datang ke kantor layanan. Tunjukkan kode kunjungan di loket saat tiba.</p>
      <QueryState fetching={fetching} error={error} loaded={!!data} />
      {data && (
        <>
          <section aria-labelledby="kunjungan-akan-datang">
            <h2 id="kunjungan-akan-datang">Akan datang</h2>
            {akanDatang.length === 0 ? (
              <p className="card">
                Tidak ada jadwal kunjungan. Jadwal dipesan dari halaman layanan yang menerima kunjungan, misalnya untuk verifikasi dokumen asli. Lihat{" "}
                <Link to="/layanan">daftar layanan</Link>.
              </p>
            ) : (
              <ul className="request-list">
                {akanDatang.map((k) => (
                  <KunjunganCard key={k.id} k={k} />
                ))}
              </ul>
            )}
          </section>
          {lalu.length > 0 && (
            <section aria-labelledby="kunjungan-lalu">
              <h2 id="kunjungan-lalu">Sebelumnya</h2>
              <ul className="request-list">
                {lalu.map((k) => (
                  <KunjunganCard key={k.id} k={k} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

function KunjunganCard({ k }: { k: Item }) {
  return (
    <li className="card request">
      <div className="request__head">
        <h3 className="request__title">
          <Link to={`/kunjungan/${rawId(k.id)}`}>{k.layanan.nama}</Link>
        </h3>
        <StatusKunjunganBadge status={k.status} />
      </div>
      <p className="request__meta">
        {waktuKunjungan(k, k.instansi)} · {TUJUAN[k.tujuan].label}
      </p>
      <p className="request__meta">
        {k.instansi.nama} · Kode <span className="mono">{k.kode}</span>
      </p>
      {k.status === "DIBATALKAN_KANTOR" && (
        <div className="alert alert--error">
          <p>
            <strong>Kantor membatalkan jadwal ini:</strong> {k.alasanBatal || "kantor tutup pada jam itu."} Mohon maaf.
          </p>
          <Link
            className="button button--primary"
            to={`/kunjungan/pesan?layanan=${rawId(k.layanan.id)}${k.pengajuan ? `&pengajuan=${rawId(k.pengajuan.id)}` : ""}`}
          >
            Pesan jadwal lagi<span className="sr-only"> untuk {k.layanan.nama}</span>
          </Link>
        </div>
      )}
      {k.status === "DIBATALKAN" && k.alasanBatal && <p className="muted small">Alasan pembatalan: {k.alasanBatal}</p>}
      {k.dapatDiubah && (
        <div className="kunjungan-aksi">
          <Link className="button button--secondary" to={`/kunjungan/pesan?ubah=${rawId(k.id)}&layanan=${rawId(k.layanan.id)}`}>
            Ubah jadwal<span className="sr-only"> kunjungan {k.kode}</span>
          </Link>
          <BatalkanKunjungan id={k.id} kode={k.kode} />
        </div>
      )}
    </li>
  );
}
