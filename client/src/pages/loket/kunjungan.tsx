import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { useFragment as unmask, type FragmentType } from "../../gql";
import type { KunjunganItemFragment as Item, TandaKunjungan } from "../../gql/graphql";
import { useDeskInstansi } from "../../components/desk-instansi";
import { Field, FormMessage } from "../../components/field";
import { QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { failureMessage } from "../../lib/errors";
import { formatDate, todayIn } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { KunjunganHariQuery, KunjunganItemFragment, TandaiKunjunganMutation } from "../kunjungan/documents";
import { StatusKunjunganBadge, TUJUAN, jamDi } from "../kunjungan/parts";
import "../kunjungan/kunjungan.css";

/**
 * /loket/kunjungan — "Kunjungan hari ini" at the service desk: the day's booked visits in time order, a visitor
 * checked in by the code they show, then marked done or a no-show. Another day can be looked at, not marked (the
 * API marks visits on their day only).
 */
function DaftarKunjungan({ instansiId }: { instansiId: string }) {
  const [tanggal, setTanggal] = useState("");
  const [{ data, fetching, error }, refetch] = useQuery({
    query: KunjunganHariQuery,
    variables: { instansiId, tanggal: tanggal || null },
    requestPolicy: "cache-and-network",
  });
  const items = (data?.kunjunganHari ?? []).map((k: FragmentType<typeof KunjunganItemFragment>) => unmask(KunjunganItemFragment, k));
  const zona = items[0]?.instansi.zonaWaktu;
  const hariIni = todayIn(zona);
  const dilihat = tanggal || hariIni;
  const bisaTandai = dilihat === hariIni;
  const [kode, setKode] = useState("");
  const [kodeError, setKodeError] = useState<string | null>(null);
  const [pesan, setPesan] = useState<string | null>(null);
  const [aksiError, setAksiError] = useState<string | null>(null);
  const [{ fetching: marking }, tandai] = useMutation(TandaiKunjunganMutation);
  const uid = useId();

  async function mark(v: { id?: string; kode?: string }, tanda: TandaKunjungan): Promise<Item | null> {
    setPesan(null);
    setAksiError(null);
    const r = await tandai({ ...v, tanda });
    const a = r.data?.tandaiKunjungan;
    if (a?.__typename === "TandaiKunjunganSuccess") {
      const k = unmask(KunjunganItemFragment, a.data);
      refetch({ requestPolicy: "network-only" });
      return k;
    }
    const msg = failureMessage(a, r.error) ?? "Belum tersimpan. Coba lagi.";
    if (v.kode) setKodeError(msg);
    else setAksiError(msg);
    return null;
  }

  async function checkIn(e: FormEvent) {
    e.preventDefault();
    setKodeError(null);
    if (!kode.trim()) {
      setKodeError("Isi kode kunjungan yang ditunjukkan pengunjung.");
      return;
    }
    const k = await mark({ kode: kode.trim() }, "HADIR");
    if (k) {
      setKode("");
      setPesan(`${k.namaPemohon} (${k.kode}) tercatat hadir untuk ${k.layanan.nama}, ${TUJUAN[k.tujuan].label.toLowerCase()}.`);
    }
  }

  return (
    <>
      <div className="card">
        <Field name="tanggal" label="Tanggal" hint="Hari lain hanya dapat dilihat; kehadiran dicatat pada hari kunjungan." required={false}>
          {(props) => <input {...props} type="date" value={dilihat} onChange={(e) => setTanggal(e.target.value === hariIni ? "" : e.target.value)} />}
        </Field>
      </div>
      {bisaTandai && (
        <form className="card" onSubmit={checkIn} noValidate aria-labelledby={`${uid}-hadir`}>
          <h2 id={`${uid}-hadir`}>Catat kehadiran</h2>
          <Field name="kode" label="Kode kunjungan" hint="Kode yang ditunjukkan pengunjung, misalnya KJG-7K3M-Q2PA." error={kodeError}>
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={kode}
                onChange={(e) => {
                  setKode(e.target.value);
                  setKodeError(null);
                }}
              />
            )}
          </Field>
          <button type="submit" className="button button--primary" disabled={marking}>
            Catat hadir
          </button>
        </form>
      )}
      <div aria-live="polite">{pesan && <FormMessage kind="success">{pesan}</FormMessage>}</div>
      <FormMessage kind="error">{aksiError}</FormMessage>
      <section aria-labelledby={`${uid}-daftar`}>
        <h2 id={`${uid}-daftar`}>
          {bisaTandai ? "Kunjungan hari ini" : "Kunjungan"}, {formatDate(dilihat)}
        </h2>
        <QueryState fetching={fetching} error={error} loaded={!!data} />
        {data && items.length === 0 && <p className="card">Tidak ada kunjungan terjadwal pada hari ini.</p>}
        {items.length > 0 && (
          <table className="kunjungan-hari-tabel">
            <thead>
              <tr>
                <th scope="col">Jam</th>
                <th scope="col">Nama</th>
                <th scope="col">Layanan dan keperluan</th>
                <th scope="col">Kode</th>
                <th scope="col">Status</th>
                {bisaTandai && <th scope="col">Tindakan</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((k) => (
                <tr key={k.id}>
                  <td>
                    {jamDi(k.mulai, k.instansi.zonaWaktu)}–{jamDi(k.selesai, k.instansi.zonaWaktu)} {k.instansi.zonaWaktuLabel}
                  </td>
                  <td>{k.namaPemohon}</td>
                  <td>
                    {k.layanan.nama}
                    <br />
                    <span className="muted small">{TUJUAN[k.tujuan].label}</span>
                    {k.pengajuan && (
                      <>
                        <br />
                        <Link to={`/petugas/pengajuan/${rawId(k.pengajuan.id)}`}>{k.pengajuan.nomorRegistrasi}</Link>
                      </>
                    )}
                  </td>
                  <td className="mono">{k.kode}</td>
                  <td>
                    <StatusKunjunganBadge status={k.status} />
                  </td>
                  {bisaTandai && (
                    <td>
                      <div className="kunjungan-aksi">
                        {k.status === "DIPESAN" && (
                          <button
                            type="button"
                            className="button button--small button--secondary"
                            disabled={marking}
                            onClick={() => mark({ id: k.id }, "HADIR")}
                          >
                            Hadir<span className="sr-only"> {k.namaPemohon}</span>
                          </button>
                        )}
                        {(k.status === "DIPESAN" || k.status === "HADIR") && (
                          <>
                            <button
                              type="button"
                              className="button button--small button--primary"
                              disabled={marking}
                              onClick={() => mark({ id: k.id }, "SELESAI")}
                            >
                              Selesai<span className="sr-only"> {k.namaPemohon}</span>
                            </button>
                            <button
                              type="button"
                              className="button button--small button--quiet"
                              disabled={marking}
                              onClick={() => mark({ id: k.id }, "TIDAK_HADIR")}
                            >
                              Tidak hadir<span className="sr-only"> {k.namaPemohon}</span>
                            </button>
                          </>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export default function KunjunganHariPage() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <>
      <PageTitle>Kunjungan hari ini</PageTitle>
      <p className="lead">
        Pemohon yang memesan jadwal datang ke kantor. Kembali ke <Link to="/loket">loket antrian</Link>.
      </p>
      {picker}
      {instansiId && !waiting ? <DaftarKunjungan key={instansiId} instansiId={instansiId} /> : <p aria-busy="true">Memuat…</p>}
    </>
  );
}
