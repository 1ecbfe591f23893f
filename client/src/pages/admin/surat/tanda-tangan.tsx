import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { useFragment, type FragmentType } from "../../../gql";
import type { AdminPengaturanTtdFragment, MetodeTtd } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { useDeskInstansi } from "../../../components/desk-instansi";
import { ErrorSummary } from "../../../components/error-summary";
import { Fact } from "../../../components/facts";
import { Field, FormActions, PassphraseField, RadioChoice } from "../../../components/field";
import { QueryState } from "../../../components/page-state";
import { PageTitle } from "../../../components/page-title";
import { RequireRole } from "../../../components/require-role";
import { UploadBar } from "../../../components/upload-bar";
import { errorOf, UNEXPECTED_MESSAGE, type FieldErrors } from "../../../lib/errors";
import { showFailure } from "../../../lib/form-failure";
import { useForm } from "../../../lib/form";
import { formatDate } from "../../../lib/format";
import { useUpload } from "../../../lib/upload-form";
import {
  AturAkarTtdMutation,
  AturLayananTtdRemoteMutation,
  PengaturanTtdFragment,
  PengaturanTtdQuery,
  PilihMetodeTtdMutation,
  UnggahSertifikatTtdMutation,
} from "./documents";

type Pengaturan = AdminPengaturanTtdFragment;
type Saved = (next: FragmentType<typeof PengaturanTtdFragment>, message: string) => void;

/** The largest PKCS#12 the API takes (server/modules/surat/signing-settings.ts P12_MAX_BYTES). */
const P12_MAX_BYTES = 64 * 1024;
const DAY = 86_400_000;

export const METODE_LABEL: Record<MetodeTtd, string> = {
  P12: "Sertifikat elektronik kantor (berkas .p12/.pfx)",
  REMOTE: "Layanan tanda tangan jarak jauh",
};

export const PASSPHRASE_SALAH = "Passphrase tidak cocok dengan berkas sertifikat. Periksa huruf besar dan kecilnya, lalu ketik ulang.";

/** "Berlaku 1 Januari 2026 sampai 31 Desember 2027", and whether that is over or soon over. */
function Masa({ mulai, sampai }: { mulai: string; sampai: string }) {
  const now = Date.now();
  const end = new Date(sampai).getTime();
  const start = new Date(mulai).getTime();
  return (
    <>
      {formatDate(mulai, { weekday: false })} sampai {formatDate(sampai, { weekday: false })}
      {end < now ? (
        <span className="badge badge--bad"> Sudah kedaluwarsa</span>
      ) : start > now ? (
        <span className="badge badge--pending"> Belum berlaku</span>
      ) : end - now < 30 * DAY ? (
        <span className="badge badge--pending"> Berakhir dalam {Math.ceil((end - now) / DAY)} hari</span>
      ) : null}
    </>
  );
}

/** A SHA-256 fingerprint in pairs ("AB:CD:…"), as certificate viewers show it, so it can be compared by eye. */
export function sidikJari(hex: string): string {
  return (
    hex
      .toUpperCase()
      .match(/.{1,2}/g)
      ?.join(":") ?? hex
  );
}

/** What is set up now: the way of signing, the certificate, the remote service, the trusted roots. */
function Keadaan({ p }: { p: Pengaturan }) {
  return (
    <CardSection id="ttd-keadaan" title="Keadaan sekarang">
      <dl className="facts">
        <Fact label="Cara menandatangani">{p.metode ? METODE_LABEL[p.metode] : "Belum diatur: surat hasil belum dapat ditandatangani."}</Fact>
      </dl>
      <h3>Sertifikat elektronik kantor</h3>
      {p.sertifikat ? (
        <dl className="facts">
          <Fact label="Pemilik (subjek)">{p.sertifikat.subjek}</Fact>
          <Fact label="Penerbit">{p.sertifikat.penerbit}</Fact>
          <Fact label="Nomor seri" className="mono">
            {p.sertifikat.nomorSeri}
          </Fact>
          <Fact label="Masa berlaku">
            <Masa mulai={p.sertifikat.berlakuMulai} sampai={p.sertifikat.berlakuSampai} />
          </Fact>
          <Fact label="Sidik jari (SHA-256)" className="mono small">
            {sidikJari(p.sertifikat.sidikJari)}
          </Fact>
        </dl>
      ) : (
        <p className="muted">Belum ada sertifikat yang diunggah.</p>
      )}
      <h3>Layanan tanda tangan jarak jauh</h3>
      {p.remote ? (
        <dl className="facts">
          <Fact label="Alamat layanan" className="mono">
            {p.remote.url}
          </Fact>
          <Fact label="Client ID" className="mono">
            {p.remote.clientId}
          </Fact>
          <Fact label="Client secret">{p.remote.adaClientSecret ? "Tersimpan (tidak dapat dilihat)" : "Belum ada"}</Fact>
        </dl>
      ) : (
        <p className="muted">Belum diatur.</p>
      )}
      <h3>Sertifikat akar tepercaya</h3>
      {p.akar.length ? (
        <ul className="plain-list">
          {p.akar.map((a) => (
            <li key={a.sidikJari}>
              <strong>{a.subjek}</strong>
              <span className="table__sub">
                Penerbit {a.penerbit}. Berlaku <Masa mulai={a.berlakuMulai} sampai={a.berlakuSampai} />
              </span>
              <span className="table__sub mono small">SHA-256 {sidikJari(a.sidikJari)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="alert alert--warning">
          Belum ada. Sampai diisi, halaman verifikasi menampilkan setiap tanda tangan surat kantor ini sebagai “tidak berasal dari otoritas tepercaya”.
        </p>
      )}
      <p>
        Pejabat yang boleh menandatangani diatur di <Link to="/admin/pengguna#pejabat-penandatangan">Pengguna dan peran → Pejabat penandatangan</Link>.
      </p>
    </CardSection>
  );
}

const P12_FIELDS = ["berkas", "passphrase"];

/**
 * Uploads (or replaces) the office's PKCS#12. The passphrase only lets the API check the file: it leaves the box
 * the moment the form is sent, whatever the answer, and the API does not store it.
 */
function SertifikatForm({ instansiId, onSaved }: { instansiId: string; onSaved: Saved }) {
  const form = useForm<{ berkas: File | null; passphrase: string }>({ berkas: null, passphrase: "" }, P12_FIELDS);
  const { progress, busy, send } = useUpload();
  // a new key empties the file picker after a successful upload
  const [pickerKey, setPickerKey] = useState(0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { berkas, passphrase } = form.values;
    // the passphrase lives only in this request
    form.setValues((v) => ({ ...v, passphrase: "" }));
    form.setFormError(null);
    const local: FieldErrors = {};
    if (!berkas) local.berkas = "Pilih berkas sertifikat kantor (.p12 atau .pfx).";
    else if (!/\.(p12|pfx)$/i.test(berkas.name)) local.berkas = "Berkas harus berupa sertifikat PKCS#12 dengan akhiran .p12 atau .pfx.";
    else if (berkas.size > P12_MAX_BYTES) local.berkas = "Berkas terlalu besar untuk sebuah sertifikat PKCS#12 (paling besar 64 KB).";
    if (!passphrase) local.passphrase = "Masukkan passphrase sertifikat.";
    if (!form.checked(local) || !berkas) return;
    const r = await send(UnggahSertifikatTtdMutation, { instansiId, berkas, passphrase });
    const res = r.data?.unggahSertifikatTtd;
    if (!res) return form.setFormError(r.failure ?? UNEXPECTED_MESSAGE);
    if (res.__typename === "UnggahSertifikatTtdSuccess") {
      form.setValues({ berkas: null, passphrase: "" });
      setPickerKey((k) => k + 1);
      return onSaved(res.data, "Sertifikat kantor tersimpan. Periksa sidik jarinya di atas.");
    }
    if (errorOf(res)?.code === "TTD_PASSPHRASE_SALAH") return form.showErrors({ passphrase: PASSPHRASE_SALAH });
    form.showApiError(res);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Unggah sertifikat kantor">
      <ErrorSummary {...form.summary} />
      <Field
        name="berkas"
        label="Berkas sertifikat (.p12 atau .pfx)"
        hint="Sertifikat elektronik kantor dari penerbitnya (misalnya BSrE), paling besar 64 KB. Mengunggah yang baru menggantikan yang lama."
        error={form.errors.berkas}
      >
        {(fp) => (
          <input
            key={pickerKey}
            {...fp}
            type="file"
            className="file-input"
            accept=".p12,.pfx,application/x-pkcs12"
            onChange={(e) => form.set("berkas", e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <PassphraseField
        label="Passphrase sertifikat"
        hint="Hanya dipakai untuk memeriksa berkas ini; Loket tidak menyimpannya. Setiap pejabat penandatangan mengetikkan passphrase ini sendiri setiap kali menandatangani surat."
        error={form.errors.passphrase}
        value={form.values.passphrase}
        onChange={(v) => form.set("passphrase", v)}
      />
      <UploadBar value={progress} label="Mengunggah sertifikat" />
      <FormActions error={form.formError} busy={busy} busyText="Mengunggah…">
        Unggah sertifikat
      </FormActions>
    </form>
  );
}

const REMOTE_FIELDS = ["url", "clientId", "clientSecret"];

/** The remote signing service: its address and this office's client credentials (a blank secret keeps the stored one). */
function RemoteForm({ instansiId, remote, onSaved }: { instansiId: string; remote: Pengaturan["remote"]; onSaved: Saved }) {
  const form = useForm({ url: remote?.url ?? "", clientId: remote?.clientId ?? "", clientSecret: "" }, REMOTE_FIELDS);
  const [{ fetching }, atur] = useMutation(AturLayananTtdRemoteMutation);
  const adaSecret = !!remote?.adaClientSecret;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const url = form.values.url.trim();
    const clientId = form.values.clientId.trim();
    const clientSecret = form.values.clientSecret.trim();
    // like a passphrase, the secret is not kept on the page once sent
    form.setValues((v) => ({ ...v, clientSecret: "" }));
    form.setFormError(null);
    const local: FieldErrors = {};
    if (!/^https?:\/\/\S+$/i.test(url)) local.url = "Tuliskan alamat layanan yang diawali https://, misalnya https://esign.contoh.go.id.";
    if (!clientId) local.clientId = "Tuliskan client ID yang diberikan penyedia layanan.";
    if (!clientSecret && !adaSecret) local.clientSecret = "Tuliskan client secret yang diberikan penyedia layanan.";
    if (!form.checked(local)) return;
    const r = await atur({ instansiId, url, clientId, clientSecret: clientSecret || null });
    const res = r.data?.aturLayananTtdRemote;
    if (res?.__typename === "AturLayananTtdRemoteSuccess") return onSaved(res.data, "Layanan tanda tangan jarak jauh tersimpan.");
    showFailure(form, res, r.error);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Layanan tanda tangan jarak jauh">
      <ErrorSummary {...form.summary} />
      <Field name="url" label="Alamat layanan (URL)" hint="Dari penyedia layanan, misalnya https://esign.contoh.go.id." error={form.errors.url}>
        {(fp) => <input {...fp} type="url" inputMode="url" autoComplete="off" spellCheck={false} {...form.bind("url")} />}
      </Field>
      <Field name="clientId" label="Client ID" error={form.errors.clientId}>
        {(fp) => <input {...fp} type="text" autoComplete="off" spellCheck={false} {...form.bind("clientId")} />}
      </Field>
      <Field
        name="clientSecret"
        label="Client secret"
        hint={
          adaSecret
            ? "Sudah tersimpan dan tidak dapat dilihat. Kosongkan untuk tetap memakai yang tersimpan, atau isi untuk menggantinya."
            : "Disimpan terenkripsi dan tidak dapat dilihat lagi setelah disimpan."
        }
        error={form.errors.clientSecret}
        required={!adaSecret}
      >
        {(fp) => (
          <input
            {...fp}
            type="password"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={form.values.clientSecret}
            onChange={(e) => form.set("clientSecret", e.target.value)}
          />
        )}
      </Field>
      <FormActions error={form.formError} busy={fetching}>
        Simpan layanan
      </FormActions>
    </form>
  );
}

const METODE_FIELDS = ["metode"];

/** Which of the ways set up the office signs with. */
function MetodeForm({ instansiId, p, onSaved }: { instansiId: string; p: Pengaturan; onSaved: Saved }) {
  const form = useForm<{ metode: MetodeTtd | "" }>({ metode: p.metode ?? "" }, METODE_FIELDS);
  const [{ fetching }, pilih] = useMutation(PilihMetodeTtdMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const metode = form.values.metode;
    form.setFormError(null);
    if (!form.checked(metode ? {} : { metode: "Pilih cara kantor menandatangani surat." }) || !metode) return;
    const r = await pilih({ instansiId, metode });
    const res = r.data?.pilihMetodeTtd;
    if (res?.__typename === "PilihMetodeTtdSuccess") return onSaved(res.data, `Surat kini ditandatangani dengan ${METODE_LABEL[metode].toLowerCase()}.`);
    showFailure(form, res, r.error);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Cara menandatangani">
      <RadioChoice<MetodeTtd>
        name="metode"
        legend="Surat kantor ditandatangani dengan"
        options={[
          ["P12", `${METODE_LABEL.P12}${p.sertifikat ? "" : " — belum diunggah"}`],
          ["REMOTE", `${METODE_LABEL.REMOTE}${p.remote ? "" : " — belum diatur"}`],
        ]}
        value={form.values.metode as MetodeTtd}
        onChange={(v) => form.set("metode", v)}
        error={form.errors.metode ?? null}
      />
      <FormActions error={form.formError} busy={fetching}>
        Simpan pilihan
      </FormActions>
    </form>
  );
}

const AKAR_FIELDS = ["pem"];

/** The CA certificates (PEM) the verification page checks a signed letter's chain against. */
function AkarForm({ instansiId, akar, onSaved }: { instansiId: string; akar: Pengaturan["akar"]; onSaved: Saved }) {
  const form = useForm({ pem: akar.map((a) => a.pem.trim()).join("\n") }, AKAR_FIELDS);
  const [{ fetching }, atur] = useMutation(AturAkarTtdMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const pem = form.values.pem.trim();
    form.setFormError(null);
    const local: FieldErrors = {};
    if (pem && !pem.includes("-----BEGIN CERTIFICATE-----"))
      local.pem = "Tempelkan sertifikat dalam format PEM, diawali -----BEGIN CERTIFICATE----- dan diakhiri -----END CERTIFICATE-----.";
    if (!form.checked(local)) return;
    const r = await atur({ instansiId, pem });
    const res = r.data?.aturAkarTtd;
    if (res?.__typename === "AturAkarTtdSuccess") {
      const n = useFragment(PengaturanTtdFragment, res.data).akar.length;
      return onSaved(res.data, n ? `${n} sertifikat akar tepercaya tersimpan.` : "Sertifikat akar tepercaya dikosongkan.");
    }
    showFailure(form, res, r.error);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Sertifikat akar tepercaya">
      <ErrorSummary {...form.summary} />
      <Field
        name="pem"
        label="Sertifikat akar (PEM)"
        hint="Tempelkan satu atau beberapa sertifikat CA penerbit sertifikat kantor (misalnya Root CA dan CA perantara BSrE), masing-masing dari -----BEGIN CERTIFICATE----- sampai -----END CERTIFICATE-----. Kosongkan lalu simpan untuk menghapus semuanya."
        error={form.errors.pem}
        required={false}
      >
        {(fp) => <textarea {...fp} rows={8} className="mono small" spellCheck={false} autoComplete="off" {...form.bind("pem")} />}
      </Field>
      <FormActions error={form.formError} busy={fetching}>
        Simpan sertifikat akar
      </FormActions>
    </form>
  );
}

function Pengaturan({ instansiId }: { instansiId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PengaturanTtdQuery, variables: { instansiId } });
  const [saved, setSaved] = useState<FragmentType<typeof PengaturanTtdFragment> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // each save's answer is the whole state: the forms start again from it
  const [round, setRound] = useState(0);
  const p = useFragment(PengaturanTtdFragment, saved ?? data?.pengaturanTtd ?? null);

  const onSaved: Saved = (next, text) => {
    setSaved(next);
    setMessage(text);
    setRound((n) => n + 1);
  };

  return (
    <>
      <QueryState fetching={fetching} error={error} loaded={!!p} />
      <div role="status">{message && <p className="alert alert--success">{message}</p>}</div>
      {p && (
        <>
          <Keadaan p={p} />
          <CardSection id="ttd-sertifikat" title="Unggah sertifikat kantor">
            <p className="muted">
              Untuk kantor yang memegang sertifikat elektroniknya sendiri. Loket menyimpan berkasnya terenkripsi; kuncinya hanya terbuka dengan passphrase yang
              diketik pejabat saat menandatangani.
            </p>
            <SertifikatForm key={`p12-${round}`} instansiId={instansiId} onSaved={onSaved} />
          </CardSection>
          <CardSection id="ttd-remote" title="Layanan tanda tangan jarak jauh">
            <p className="muted">
              Untuk kantor yang menandatangani lewat layanan penyedia (misalnya BSrE). Pejabat tetap mengetikkan passphrase-nya sendiri saat menandatangani.
            </p>
            <RemoteForm key={`remote-${round}`} instansiId={instansiId} remote={p.remote} onSaved={onSaved} />
          </CardSection>
          <CardSection id="ttd-metode" title="Cara menandatangani">
            <p className="muted">Cara yang dipilih harus sudah diatur di atas.</p>
            <MetodeForm key={`metode-${round}`} instansiId={instansiId} p={p} onSaved={onSaved} />
          </CardSection>
          <CardSection id="ttd-akar" title="Sertifikat akar tepercaya">
            <p className="muted">
              Halaman verifikasi memeriksa bahwa tanda tangan pada surat kantor ini berasal dari penerbit yang Anda percayai. Mengunggah sertifikat kantor tidak
              mengisi bagian ini.
            </p>
            <AkarForm key={`akar-${round}`} instansiId={instansiId} akar={p.akar} onSaved={onSaved} />
          </CardSection>
        </>
      )}
    </>
  );
}

function Halaman() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <div className="narrow">
      <PageTitle>Tanda tangan elektronik</PageTitle>
      <p className="lead">
        Cara kantor menandatangani surat hasil layanan secara elektronik: dengan sertifikat kantor sendiri atau lewat layanan tanda tangan jarak jauh, dan
        sertifikat akar yang dipakai halaman verifikasi untuk memeriksa keasliannya.
      </p>
      {picker}
      {instansiId && !waiting ? <Pengaturan key={instansiId} instansiId={instansiId} /> : !waiting && <p className="muted">Pilih instansi terlebih dahulu.</p>}
    </div>
  );
}

/** /admin/tanda-tangan-elektronik — the office's electronic-signature settings (its admins). */
export default function TandaTanganElektronikPage() {
  return (
    <RequireRole role="admin">
      <Halaman />
    </RequireRole>
  );
}
