import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { useFragment as unmask, type FragmentType } from "../../gql";
import { useDeskInstansi } from "../../components/desk-instansi";
import { ErrorSummary } from "../../components/error-summary";
import { Checkbox, Field, FormActions, FormMessage } from "../../components/field";
import { QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import type { FieldErrors } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { DEFAULT_ZONE } from "../../lib/format";
import { rawId } from "../../lib/ids";
import { LayananMejaQuery } from "./layanan-meja";
import { MejaBuatSesiPelatihanMutation, MejaPelatihanListQuery, MejaSesiPelatihanFragment } from "./pelatihan-documents";
import { StatusSesiBadge, instantDi, waktuSesi } from "./pelatihan-parts";
import "./pelatihan.css";

/**
 * /loket/pelatihan — the desk's training sessions (e.g. SPSE training): the upcoming and running ones with their
 * seats and waiting list, the ended ones a tab away, and the form that publishes a new session. Each session's
 * page has its participants, attendance and the daftar hadir.
 */

const FIELDS = ["layananId", "judul", "mulai", "selesai", "tempat", "kapasitas", "persyaratan", "wajibSuratAtasan"];

interface Values {
  layananId: string;
  judul: string;
  mulai: string;
  selesai: string;
  tempat: string;
  kapasitas: string;
  persyaratan: string;
  wajibSuratAtasan: boolean;
}

const EMPTY: Values = { layananId: "", judul: "", mulai: "", selesai: "", tempat: "", kapasitas: "", persyaratan: "", wajibSuratAtasan: true };

interface Zona {
  zonaWaktu: string;
  zonaWaktuLabel: string;
}

function BuatSesi({
  layanan,
  loading,
  zona,
  onSaved,
}: {
  layanan: ReadonlyArray<{ id: string; nama: string }>;
  loading: boolean;
  zona: Zona;
  onSaved: () => void;
}) {
  const uid = useId();
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [{ fetching }, buat] = useMutation(MejaBuatSesiPelatihanMutation);
  const [pesan, setPesan] = useState<{ text: string; id: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setPesan(null);
    setFormError(null);
    // what cannot be sent at all is told here; the rules (seats, times, the office's calendar) are the API's
    const local: FieldErrors = {};
    if (!v.layananId) local.layananId = "Pilih layanan pelatihan ini.";
    const mulai = instantDi(v.mulai, zona.zonaWaktu);
    const selesai = instantDi(v.selesai, zona.zonaWaktu);
    if (!mulai) local.mulai = "Isi tanggal dan jam mulai.";
    if (!selesai) local.selesai = "Isi tanggal dan jam selesai.";
    const kapasitas = Number(v.kapasitas);
    if (v.kapasitas.trim() === "" || !Number.isInteger(kapasitas)) local.kapasitas = "Isi jumlah kursi (angka bulat).";
    if (!form.checked(local)) return;
    const r = await buat({
      layananId: v.layananId,
      input: {
        judul: v.judul.trim(),
        mulai: mulai!,
        selesai: selesai!,
        tempat: v.tempat.trim(),
        kapasitas,
        persyaratan: v.persyaratan.trim() || null,
        wajibSuratAtasan: v.wajibSuratAtasan,
      },
    });
    const res = r.data?.buatSesiPelatihan;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename !== "BuatSesiPelatihanSuccess") return form.showApiError(res);
    const s = unmask(MejaSesiPelatihanFragment, res.data);
    form.setValues((x) => ({ ...EMPTY, layananId: x.layananId }));
    form.setErrors({});
    setPesan({ text: `Sesi “${s.judul}” diterbitkan: ${waktuSesi(s, zona)}, ${s.kapasitas} kursi.`, id: rawId(s.id) });
    onSaved();
  }

  return (
    <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-labelledby={`${uid}-judul`}>
      <h2 id={`${uid}-judul`}>Buat sesi pelatihan</h2>
      <ErrorSummary {...form.summary} />
      <Field name="layananId" label="Layanan" error={errors.layananId}>
        {(props) => (
          <select {...props} {...form.bind("layananId")}>
            <option value="">{loading ? "Memuat pilihan…" : "— Pilih layanan —"}</option>
            {layanan.map((l) => (
              <option key={l.id} value={l.id}>
                {l.nama}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="judul" label="Judul" hint="Misalnya “Pelatihan SPSE untuk Penyedia”." error={errors.judul}>
        {(props) => <input {...props} type="text" autoComplete="off" maxLength={200} {...form.bind("judul")} />}
      </Field>
      <Field name="mulai" label="Mulai" hint={`Tanggal dan jam menurut waktu kantor (${zona.zonaWaktuLabel}).`} error={errors.mulai}>
        {(props) => <input {...props} type="datetime-local" {...form.bind("mulai")} />}
      </Field>
      <Field name="selesai" label="Selesai" hint={`Tanggal dan jam menurut waktu kantor (${zona.zonaWaktuLabel}).`} error={errors.selesai}>
        {(props) => <input {...props} type="datetime-local" {...form.bind("selesai")} />}
      </Field>
      <Field name="tempat" label="Tempat" hint="Ruangan dan alamat, misalnya “Ruang Pelatihan LPSE, Lantai 2”." error={errors.tempat}>
        {(props) => <input {...props} type="text" autoComplete="off" maxLength={300} {...form.bind("tempat")} />}
      </Field>
      <Field name="kapasitas" label="Jumlah kursi" hint="1–500 peserta. Pendaftar berikutnya masuk daftar tunggu." error={errors.kapasitas}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={500} className="input--short" {...form.bind("kapasitas")} />}
      </Field>
      <Field
        name="persyaratan"
        label="Persyaratan"
        required={false}
        hint="Yang dibawa atau dipenuhi peserta, misalnya laptop dan akun SPSE."
        error={errors.persyaratan}
      >
        {(props) => <textarea {...props} rows={3} maxLength={2000} {...form.bind("persyaratan")} />}
      </Field>
      <Checkbox name="wajibSuratAtasan" checked={v.wajibSuratAtasan} onChange={(c) => set("wajibSuratAtasan", c)} error={errors.wajibSuratAtasan}>
        Wajib surat tugas atasan (peserta mengunggahnya saat mendaftar)
      </Checkbox>
      <FormActions error={formError} busy={fetching} busyText="Menyimpan…">
        Terbitkan sesi
      </FormActions>
      <div aria-live="polite">
        {pesan && (
          <FormMessage kind="success">
            {pesan.text} <Link to={`/loket/pelatihan/${pesan.id}`}>Buka sesi</Link>
          </FormMessage>
        )}
      </div>
    </form>
  );
}

const TABS = [
  { key: "akan", label: "Akan datang dan berlangsung", selesai: false },
  { key: "selesai", label: "Sudah selesai", selesai: true },
] as const;

function MejaPelatihan({ instansiId }: { instansiId: string }) {
  const uid = useId();
  const [tab, setTab] = useState<(typeof TABS)[number]>(TABS[0]);
  const [{ data: layananData, fetching: layananFetching }] = useQuery({ query: LayananMejaQuery, variables: { instansiId } });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MejaPelatihanListQuery,
    variables: { instansiId, selesai: tab.selesai },
    requestPolicy: "cache-and-network",
  });
  const layanan = (layananData?.layananList.edges ?? []).map((e) => ({ id: e.node.id, nama: e.node.nama }));
  const node = layananData?.node;
  const instansi = node?.__typename === "Instansi" ? node : null;
  const zona: Zona = { zonaWaktu: instansi?.zonaWaktu ?? DEFAULT_ZONE, zonaWaktuLabel: instansi?.zonaWaktuLabel ?? "WIB" };
  const items = (data?.sesiPelatihanMeja ?? []).map((s: FragmentType<typeof MejaSesiPelatihanFragment>) => unmask(MejaSesiPelatihanFragment, s));

  return (
    <>
      <BuatSesi layanan={layanan} loading={layananFetching && !layananData} zona={zona} onSaved={() => refetch({ requestPolicy: "network-only" })} />
      <section aria-labelledby={`${uid}-daftar`}>
        <h2 id={`${uid}-daftar`}>Sesi pelatihan</h2>
        <div className="toolbar">
          <div className="tabs" role="group" aria-label="Saring menurut waktu">
            {TABS.map((t) => (
              <button
                key={t.key}
                type="button"
                className={`tab${t.key === tab.key ? " tab--active" : ""}`}
                aria-pressed={t.key === tab.key}
                onClick={() => setTab(t)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <button type="button" className="button button--quiet button--small" onClick={() => refetch({ requestPolicy: "network-only" })}>
            Muat ulang daftar
          </button>
        </div>
        <QueryState fetching={fetching} error={error} loaded={!!data} staleError />
        {data && items.length === 0 && <p className="card">{tab.selesai ? "Belum ada sesi yang sudah selesai." : "Belum ada sesi yang akan datang."}</p>}
        {items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Sesi</th>
                  <th scope="col">Waktu</th>
                  <th scope="col">Tempat</th>
                  <th scope="col">Kursi terisi</th>
                  <th scope="col">Daftar tunggu</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/loket/pelatihan/${rawId(s.id)}`}>{s.judul}</Link>
                      <br />
                      <span className="muted small">{s.layanan.nama}</span>
                    </td>
                    <td>{waktuSesi(s, s.instansi)}</td>
                    <td>{s.tempat}</td>
                    <td>
                      {s.terisi} dari {s.kapasitas}
                    </td>
                    <td>{s.jumlahMenunggu}</td>
                    <td>
                      <StatusSesiBadge status={s.status} />
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

export default function PelatihanMejaPage() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <div className="pelatihan-meja">
      <PageTitle>Pelatihan</PageTitle>
      <p className="lead">
        Sesi pelatihan layanan (misalnya pelatihan SPSE): kursi, daftar tunggu, kehadiran. Kembali ke <Link to="/loket">loket antrian</Link>.
      </p>
      {picker}
      {instansiId && !waiting ? <MejaPelatihan key={instansiId} instansiId={instansiId} /> : <p aria-busy="true">Memuat…</p>}
    </div>
  );
}
