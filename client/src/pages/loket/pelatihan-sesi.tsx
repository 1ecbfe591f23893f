import { useEffect, useId, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import { useFragment as unmask, type FragmentType } from "../../gql";
import type { MejaPesertaPelatihanFragment as Peserta, MejaSesiPelatihanFragment as Sesi, TandaHadirPelatihan } from "../../gql/graphql";
import { Field, FormActions, FormMessage } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { Loading } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { failureMessage, type FieldErrors } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { formatDate, formatDateTime, todayIn } from "../../lib/format";
import { isUuid, toGlobalId } from "../../lib/ids";
import {
  MejaAturPendaftaranPelatihanMutation,
  MejaBatalkanSesiPelatihanMutation,
  MejaPesertaPelatihanFragment,
  MejaSesiPelatihanBerubahSubscription,
  MejaSesiPelatihanFragment,
  MejaSesiPelatihanQuery,
  MejaTandaiHadirPelatihanMutation,
  MejaUbahSesiPelatihanMutation,
} from "./pelatihan-documents";
import { StatusPesertaBadge, StatusSesiBadge, tanggalDi, waktuSesi } from "./pelatihan-parts";
import "./pelatihan.css";

/**
 * /loket/pelatihan/:id — one training session at the desk: its seats and status, the participants holding a seat
 * (attendance marked on the session's days), the waiting list in its order, the daftar hadir PDF to print and
 * sign, and the office's changes: close or open registration, change the seats, cancel with a reason participants
 * read. The page follows the session live (sesiPelatihanBerubah): a registration, a move up or another officer's
 * mark shows without a reload.
 */

const MEMEGANG_KURSI = new Set(["TERDAFTAR", "HADIR", "TIDAK_HADIR"]);

function UbahKursi({ s, onDone }: { s: Sesi; onDone: (text: string) => void }) {
  const uid = useId();
  const form = useForm({ kapasitas: String(s.kapasitas) }, ["kapasitas"]);
  const [{ fetching }, ubah] = useMutation(MejaUbahSesiPelatihanMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    form.setFormError(null);
    const kapasitas = Number(form.values.kapasitas);
    const local: FieldErrors = {};
    if (form.values.kapasitas.trim() === "" || !Number.isInteger(kapasitas)) local.kapasitas = "Isi jumlah kursi (angka bulat).";
    if (!form.checked(local)) return;
    const r = await ubah({
      id: s.id,
      input: {
        judul: s.judul,
        mulai: s.mulai,
        selesai: s.selesai,
        tempat: s.tempat,
        kapasitas,
        persyaratan: s.persyaratan,
        wajibSuratAtasan: s.wajibSuratAtasan,
      },
    });
    const res = r.data?.ubahSesiPelatihan;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename !== "UbahSesiPelatihanSuccess") return form.showApiError(res);
    const x = unmask(MejaSesiPelatihanFragment, res.data);
    onDone(`Jumlah kursi sekarang ${x.kapasitas}; ${x.terisi} terisi, ${x.jumlahMenunggu} di daftar tunggu.`);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-labelledby={`${uid}-judul`}>
      <h3 id={`${uid}-judul`}>Ubah jumlah kursi</h3>
      <Field
        name="kapasitas"
        label="Jumlah kursi"
        hint="Kursi tambahan langsung diberikan kepada daftar tunggu, berurutan. Tidak dapat kurang dari kursi yang sudah terisi."
        error={form.errors.kapasitas}
      >
        {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={500} className="input--short" {...form.bind("kapasitas")} />}
      </Field>
      <FormActions error={form.formError} busy={fetching} busyText="Menyimpan…" kind="secondary" small>
        Simpan jumlah kursi
      </FormActions>
    </form>
  );
}

function BatalkanSesi({ s, onDone, onCancel }: { s: Sesi; onDone: (text: string) => void; onCancel: () => void }) {
  const uid = useId();
  const form = useForm({ alasan: "" }, ["alasan"]);
  const [{ fetching }, batalkan] = useMutation(MejaBatalkanSesiPelatihanMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    form.setFormError(null);
    const alasan = form.values.alasan.trim();
    const local: FieldErrors = {};
    if (alasan.length < 5) local.alasan = "Tulis alasan pembatalan (minimal 5 karakter): peserta membacanya.";
    if (!form.checked(local)) return;
    const r = await batalkan({ id: s.id, alasan });
    const res = r.data?.batalkanSesiPelatihan;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename !== "BatalkanSesiPelatihanSuccess") return form.showApiError(res);
    onDone("Sesi dibatalkan. Peserta yang masih terdaftar dan daftar tunggu diberi tahu beserta alasannya.");
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-labelledby={`${uid}-judul`}>
      <h3 id={`${uid}-judul`}>Batalkan sesi</h3>
      <Field name="alasan" label="Alasan pembatalan" hint="Dikirim kepada peserta yang terdaftar dan daftar tunggu. 5–500 karakter." error={form.errors.alasan}>
        {(props) => <textarea {...props} rows={3} maxLength={500} {...form.bind("alasan")} />}
      </Field>
      <FormActions error={form.formError} busy={fetching} busyText="Membatalkan…" kind="danger" onCancel={onCancel}>
        Batalkan sesi ini
      </FormActions>
    </form>
  );
}

function Tindakan({ s, daftarHadirUrl, onDone }: { s: Sesi; daftarHadirUrl: string | null | undefined; onDone: (text: string) => void }) {
  const uid = useId();
  const [batal, setBatal] = useState(false);
  const [aturError, setAturError] = useState<string | null>(null);
  const [{ fetching: mengatur }, atur] = useMutation(MejaAturPendaftaranPelatihanMutation);
  const dibatalkan = s.status === "DIBATALKAN";
  const sudahMulai = new Date(s.mulai).getTime() <= Date.now();
  const sudahSelesai = new Date(s.selesai).getTime() <= Date.now();

  async function aturPendaftaran(buka: boolean) {
    setAturError(null);
    const r = await atur({ id: s.id, buka });
    const res = r.data?.aturPendaftaranPelatihan;
    if (res?.__typename === "AturPendaftaranPelatihanSuccess")
      onDone(buka ? "Pendaftaran dibuka kembali." : "Pendaftaran ditutup. Kehadiran tetap dapat dicatat.");
    else setAturError(failureMessage(res, r.error) ?? "Belum tersimpan. Coba lagi.");
  }

  return (
    <section className="card" aria-labelledby={`${uid}-judul`}>
      <h2 id={`${uid}-judul`}>Tindakan</h2>
      {daftarHadirUrl && (
        <p>
          <a href={daftarHadirUrl} className="button button--secondary" target="_blank" rel="noopener">
            Unduh daftar hadir (PDF)
          </a>{" "}
          <span className="muted small">Untuk dicetak dan ditandatangani peserta.</span>
        </p>
      )}
      {!dibatalkan && (
        <>
          <div className="actions">
            {s.status === "DIBUKA" && (
              <button type="button" className="button button--secondary" disabled={mengatur} onClick={() => aturPendaftaran(false)}>
                Tutup pendaftaran
              </button>
            )}
            {s.status === "DITUTUP" && !sudahMulai && (
              <button type="button" className="button button--secondary" disabled={mengatur} onClick={() => aturPendaftaran(true)}>
                Buka pendaftaran
              </button>
            )}
            {!sudahSelesai && !batal && (
              <button type="button" className="button button--danger" onClick={() => setBatal(true)}>
                Batalkan sesi…
              </button>
            )}
          </div>
          <FormMessage kind="error">{aturError}</FormMessage>
          {batal && (
            <BatalkanSesi
              s={s}
              onCancel={() => setBatal(false)}
              onDone={(text) => {
                setBatal(false);
                onDone(text);
              }}
            />
          )}
          {!batal && <UbahKursi key={`${s.id}-${s.kapasitas}`} s={s} onDone={onDone} />}
        </>
      )}
    </section>
  );
}

function SuratTugas({ p }: { p: Peserta }) {
  if (!p.suratAtasanUrl) return <span className="muted">—</span>;
  return (
    <a href={p.suratAtasanUrl} target="_blank" rel="noopener">
      Lihat surat tugas<span className="sr-only"> {p.namaPeserta}</span>
    </a>
  );
}

function DaftarPeserta({ s, peserta, onDone }: { s: Sesi; peserta: Peserta[]; onDone: (text: string) => void }) {
  const uid = useId();
  const [aksiError, setAksiError] = useState<string | null>(null);
  const [{ fetching: marking }, tandai] = useMutation(MejaTandaiHadirPelatihanMutation);
  const zone = s.instansi.zonaWaktu;
  const hariPertama = tanggalDi(s.mulai, zone);
  const bisaAbsen = s.status !== "DIBATALKAN" && todayIn(zone) >= hariPertama;
  const kursi = peserta.filter((p) => MEMEGANG_KURSI.has(p.status));
  const tunggu = peserta.filter((p) => p.status === "MENUNGGU");

  async function mark(p: Peserta, tanda: TandaHadirPelatihan) {
    setAksiError(null);
    const r = await tandai({ id: p.id, tanda });
    const res = r.data?.tandaiHadirPelatihan;
    if (res?.__typename === "TandaiHadirPelatihanSuccess") onDone(`${p.namaPeserta} dicatat ${tanda === "HADIR" ? "hadir" : "tidak hadir"}.`);
    else setAksiError(failureMessage(res, r.error) ?? "Belum tersimpan. Coba lagi.");
  }

  return (
    <>
      <section aria-labelledby={`${uid}-kursi`}>
        <h2 id={`${uid}-kursi`}>Peserta</h2>
        {s.status !== "DIBATALKAN" && !bisaAbsen && <p className="muted">Kehadiran dapat dicatat mulai hari pelatihan, {formatDate(hariPertama)}.</p>}
        <FormMessage kind="error">{aksiError}</FormMessage>
        {kursi.length === 0 ? (
          <p className="card">Belum ada peserta yang memegang kursi.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Instansi/perusahaan</th>
                  <th scope="col">Jabatan</th>
                  <th scope="col">Status</th>
                  <th scope="col">Surat tugas</th>
                  {bisaAbsen && <th scope="col">Kehadiran</th>}
                </tr>
              </thead>
              <tbody>
                {kursi.map((p, i) => (
                  <tr key={p.id}>
                    <td>{i + 1}</td>
                    <td>{p.namaPeserta}</td>
                    <td>{p.organisasi}</td>
                    <td>{p.jabatan || "—"}</td>
                    <td>
                      <StatusPesertaBadge status={p.status} />
                      {p.hadirAt && <span className="table__sub">{formatDateTime(p.hadirAt, zone)}</span>}
                    </td>
                    <td>
                      <SuratTugas p={p} />
                    </td>
                    {bisaAbsen && (
                      <td>
                        <div className="actions">
                          {p.status !== "HADIR" && (
                            <button type="button" className="button button--small button--primary" disabled={marking} onClick={() => mark(p, "HADIR")}>
                              Hadir<span className="sr-only"> {p.namaPeserta}</span>
                            </button>
                          )}
                          {p.status !== "TIDAK_HADIR" && (
                            <button type="button" className="button button--small button--quiet" disabled={marking} onClick={() => mark(p, "TIDAK_HADIR")}>
                              Tidak hadir<span className="sr-only"> {p.namaPeserta}</span>
                            </button>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${uid}-tunggu`}>
        <h2 id={`${uid}-tunggu`}>Daftar tunggu</h2>
        {tunggu.length === 0 ? (
          <p className="card">Tidak ada yang menunggu.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Urutan</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Instansi/perusahaan</th>
                  <th scope="col">Jabatan</th>
                  <th scope="col">Mendaftar</th>
                  <th scope="col">Surat tugas</th>
                </tr>
              </thead>
              <tbody>
                {tunggu.map((p, i) => (
                  <tr key={p.id}>
                    <td>{p.nomorTunggu ?? i + 1}</td>
                    <td>{p.namaPeserta}</td>
                    <td>{p.organisasi}</td>
                    <td>{p.jabatan || "—"}</td>
                    <td>{formatDateTime(p.daftarAt, zone)}</td>
                    <td>
                      <SuratTugas p={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export default function PelatihanSesiPage() {
  const { id = "" } = useParams();
  const valid = isUuid(id);
  const gid = toGlobalId("SesiPelatihan", id);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MejaSesiPelatihanQuery,
    variables: { id: gid },
    pause: !valid,
    requestPolicy: "cache-and-network",
  });
  // every change of the session (a registration, a move up, another officer's mark) re-reads its participants
  const [{ data: changes, error: liveError }] = useSubscription(
    { query: MejaSesiPelatihanBerubahSubscription, variables: { id: gid }, pause: !valid },
    (n: number | undefined) => (n ?? 0) + 1,
  );
  useEffect(() => {
    // the first answer comes at once (and again after a reconnect): whatever was missed meanwhile is read too
    if (changes) refetch({ requestPolicy: "network-only" });
  }, [changes, refetch]);
  const [pesan, setPesan] = useState("");

  const node = data?.node?.__typename === "SesiPelatihan" ? data.node : null;
  if (!valid || (data && !node))
    return (
      <p>
        Sesi pelatihan tidak ditemukan. <Link to="/loket/pelatihan">Kembali ke daftar pelatihan</Link>.
      </p>
    );
  if (!node) return <Loading fetching={fetching} error={error} />;
  const s = unmask(MejaSesiPelatihanFragment, node as FragmentType<typeof MejaSesiPelatihanFragment>);
  const peserta = node.peserta.map((p: FragmentType<typeof MejaPesertaPelatihanFragment>) => unmask(MejaPesertaPelatihanFragment, p));
  const zona = s.instansi;

  function done(text: string) {
    setPesan(text);
    refetch({ requestPolicy: "network-only" });
  }

  return (
    <div className="narrow narrow--wide pelatihan-meja">
      <p className="breadcrumb">
        <Link to="/loket/pelatihan">Pelatihan</Link>
      </p>
      <PageTitle>{s.judul}</PageTitle>
      <LiveNote error={liveError ? "Pembaruan langsung terputus. Muat ulang halaman untuk data terbaru." : null} />
      <div className="card status-card">
        <p>
          <StatusSesiBadge status={s.status} />
        </p>
        <dl className="facts">
          <div>
            <dt>Layanan</dt>
            <dd>{s.layanan.nama}</dd>
          </div>
          <div>
            <dt>Waktu</dt>
            <dd>{waktuSesi(s, zona)}</dd>
          </div>
          <div>
            <dt>Tempat</dt>
            <dd>{s.tempat}</dd>
          </div>
          <div>
            <dt>Kursi</dt>
            <dd className="pelatihan-kursi">
              {s.status === "DIBATALKAN" ? (
                <>{s.kapasitas} kursi (sesi dibatalkan)</>
              ) : (
                <>
                  {s.terisi} dari {s.kapasitas} terisi, sisa {s.sisaKursi}
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Daftar tunggu</dt>
            <dd className="pelatihan-menunggu">{s.jumlahMenunggu} orang</dd>
          </div>
          <div>
            <dt>Surat tugas atasan</dt>
            <dd>{s.wajibSuratAtasan ? "Wajib diunggah saat mendaftar" : "Tidak wajib"}</dd>
          </div>
          {s.persyaratan && (
            <div>
              <dt>Persyaratan</dt>
              <dd style={{ whiteSpace: "pre-line" }}>{s.persyaratan}</dd>
            </div>
          )}
          {s.status === "DIBATALKAN" && s.alasanBatal && (
            <div>
              <dt>Alasan pembatalan</dt>
              <dd>{s.alasanBatal}</dd>
            </div>
          )}
        </dl>
      </div>
      <div aria-live="polite">{pesan && <FormMessage kind="success">{pesan}</FormMessage>}</div>
      <Tindakan s={s} daftarHadirUrl={node.daftarHadirUrl} onDone={done} />
      <DaftarPeserta s={s} peserta={peserta} onDone={done} />
    </div>
  );
}
