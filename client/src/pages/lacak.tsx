import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useClient, useQuery } from "urql";
import { graphql } from "../gql";
import type { LacakPengaduanQuery, LacakPengajuanQuery } from "../gql/graphql";
import { PengajuanBadge } from "../components/badges";
import { Field, FormMessage } from "../components/field";
import { PageTitle } from "../components/page-title";
import { requestErrorMessage } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { CLOSED_STATUSES } from "../lib/labels";
import { PenjelasanTenggat } from "../components/penjelasan-tenggat";

const LacakPengajuanDocument = graphql(`
  query LacakPengajuan($nomor: String!, $digit: String!) {
    lacakPengajuan(nomorRegistrasi: $nomor, empatDigitTerakhir: $digit) {
      nomorRegistrasi
      layanan
      instansi
      status
      statusLabel
      diajukanAt
      tenggat
      tenggatPenjelasan {
        ...PenjelasanTenggat_PenjelasanTenggat
      }
      riwayat {
        status
        at
      }
    }
  }
`);

const ZonaKantorQuery = graphql(`
  query ZonaKantor {
    instansiList {
      id
      nama
      zonaWaktu
      zonaWaktuLabel
    }
  }
`);

/** Tracking answers name the office only; its time zone comes from the public office list. */
function useZone(instansi: string | undefined): { zone: string; label: string } {
  const [{ data }] = useQuery({ query: ZonaKantorQuery, pause: !instansi });
  const o = data?.instansiList.find((i) => i.nama === instansi);
  return { zone: o?.zonaWaktu ?? "Asia/Jakarta", label: o?.zonaWaktuLabel ?? "WIB" };
}

const LacakPengaduanDocument = graphql(`
  query LacakPengaduan($kode: String!) {
    lacakPengaduan(kodeLacak: $kode) {
      kodeLacak
      instansi
      statusLabel
      diterimaAt
      tenggat
      tenggatPenjelasan {
        ...PenjelasanTenggat_PenjelasanTenggat
      }
      selesaiAt
    }
  }
`);

type PengajuanResult = NonNullable<LacakPengajuanQuery["lacakPengajuan"]>;
type PengaduanResult = NonNullable<LacakPengaduanQuery["lacakPengaduan"]>;

function PengajuanTracker({ initialNomor }: { initialNomor: string }) {
  const client = useClient();
  const [nomor, setNomor] = useState(initialNomor);
  const [digit, setDigit] = useState("");
  const [errors, setErrors] = useState<{ nomor?: string; digit?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<PengajuanResult | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const z = useZone(result?.instansi);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = nomor.trim().toUpperCase();
    const d = digit.trim();
    const local: typeof errors = {};
    if (!n) local.nomor = "Masukkan nomor registrasi, contoh KMG/2026/000123.";
    if (!/^\d{4}$/.test(d)) local.digit = "Masukkan 4 angka terakhir NIK pemohon.";
    setErrors(local);
    setFailure(null);
    setResult(null);
    if (local.nomor || local.digit) {
      formRef.current?.querySelector<HTMLElement>(`[name="${local.nomor ? "nomor" : "digit"}"]`)?.focus();
      return;
    }
    setBusy(true);
    const r = await client.query(LacakPengajuanDocument, { nomor: n, digit: d }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    if (r.error) return setFailure(requestErrorMessage(r.error));
    if (!r.data?.lacakPengajuan) return setFailure("Pengajuan tidak ditemukan. Periksa nomor registrasi dan 4 angka terakhir NIK pada bukti pengajuan.");
    setResult(r.data.lacakPengajuan);
  }

  return (
    <>
      <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label="Lacak pengajuan">
        <Field name="nomor" label="Nomor registrasi" hint="Tertulis pada bukti pengajuan, contoh KMG/2026/000123." error={errors.nomor}>
          {(props) => <input {...props} type="text" autoCapitalize="characters" spellCheck={false} value={nomor} onChange={(e) => setNomor(e.target.value)} />}
        </Field>
        <Field name="digit" label="4 angka terakhir NIK pemohon" hint="Agar nomor pengajuan orang lain tidak dapat ditebak." error={errors.digit}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              className="input--short"
              value={digit}
              onChange={(e) => setDigit(e.target.value.replace(/\D/g, ""))}
            />
          )}
        </Field>
        <FormMessage kind="error">{failure}</FormMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Mencari…" : "Lacak"}
          </button>
        </div>
      </form>
      {result && (
        <section className="tracking" aria-labelledby="hasil-lacak" role="status">
          <h3 id="hasil-lacak">
            {result.layanan} <PengajuanBadge status={result.status} />
          </h3>
          <dl className="facts facts--compact">
            <div>
              <dt>Nomor registrasi</dt>
              <dd className="mono">{result.nomorRegistrasi}</dd>
            </div>
            <div>
              <dt>Kantor</dt>
              <dd>{result.instansi}</dd>
            </div>
            {result.diajukanAt && (
              <div>
                <dt>Diajukan</dt>
                <dd>{formatDateTime(result.diajukanAt, z.zone)} {z.label}</dd>
              </div>
            )}
            {result.tenggat && !CLOSED_STATUSES.includes(result.status) && (
              <div>
                <dt>Selesai paling lambat</dt>
                <dd>
                  {formatDateTime(result.tenggat, z.zone)} {z.label}
                  <PenjelasanTenggat penjelasan={result.tenggatPenjelasan} zonaLabel={z.label} />
                </dd>
              </div>
            )}
          </dl>
          <h4>Riwayat</h4>
          <ol className="simple-steps" reversed>
            {[...result.riwayat].reverse().map((s, i) => (
              <li key={i}>
                <strong>{s.status}</strong> — {formatDateTime(s.at, z.zone)} {z.label}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function PengaduanTracker() {
  const client = useClient();
  const [kode, setKode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<PengaduanResult | null>(null);
  const [busy, setBusy] = useState(false);
  const z = useZone(result?.instansi);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const k = kode.trim().toUpperCase();
    setResult(null);
    setFailure(null);
    if (!k) {
      setError("Masukkan kode lacak pengaduan, contoh ADU-7K3M9Q2X.");
      return;
    }
    setError(null);
    setBusy(true);
    const r = await client.query(LacakPengaduanDocument, { kode: k }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    if (r.error) return setFailure(requestErrorMessage(r.error));
    if (!r.data?.lacakPengaduan) return setFailure("Kode lacak tidak ditemukan. Periksa kembali kode yang Anda terima saat mengirim pengaduan.");
    setResult(r.data.lacakPengaduan);
  }

  return (
    <>
      <form className="form" noValidate onSubmit={submit} aria-label="Lacak pengaduan">
        <Field name="kode" label="Kode lacak pengaduan" hint="Contoh: ADU-7K3M9Q2X." error={error}>
          {(props) => <input {...props} type="text" autoCapitalize="characters" spellCheck={false} value={kode} onChange={(e) => setKode(e.target.value)} />}
        </Field>
        <FormMessage kind="error">{failure}</FormMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Mencari…" : "Lacak pengaduan"}
          </button>
        </div>
      </form>
      {result && (
        <section className="tracking" role="status" aria-label="Hasil lacak pengaduan">
          <dl className="facts facts--compact">
            <div>
              <dt>Kode</dt>
              <dd className="mono">{result.kodeLacak}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <strong>{result.statusLabel}</strong>
              </dd>
            </div>
            <div>
              <dt>Kantor</dt>
              <dd>{result.instansi}</dd>
            </div>
            <div>
              <dt>Diterima</dt>
              <dd>{formatDateTime(result.diterimaAt, z.zone)} {z.label}</dd>
            </div>
            {result.tenggat && (
              <div>
                <dt>Tindak lanjut paling lambat</dt>
                <dd>
                  {formatDateTime(result.tenggat, z.zone)} {z.label}
                  <PenjelasanTenggat penjelasan={result.tenggatPenjelasan} zonaLabel={z.label} />
                </dd>
              </div>
            )}
            {result.selesaiAt && (
              <div>
                <dt>Selesai</dt>
                <dd>{formatDateTime(result.selesaiAt, z.zone)} {z.label}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
    </>
  );
}

/** /lacak and /lacak/<nomor> (the QR code on the proof of submission): track without logging in. */
export default function LacakPage() {
  const params = useParams();
  const navigate = useNavigate();
  // the number has slashes: the QR code encodes them (%2F), a typed address may not
  const nomor = decodeURIComponent(params["*"] ?? "");
  return (
    <div className="narrow">
      <PageTitle>Lacak pengajuan dan pengaduan</PageTitle>
      <p className="lead">Tanpa perlu masuk. Yang tampil hanya status dan tanggal, bukan data pribadi.</p>
      <section className="card" aria-labelledby="lacak-pengajuan">
        <h2 id="lacak-pengajuan">Pengajuan layanan</h2>
        {nomor && <p>Untuk melihat status pengajuan {nomor}, masukkan 4 angka terakhir NIK pemohon.</p>}
        <PengajuanTracker key={nomor} initialNomor={nomor} />
      </section>
      <section className="card" aria-labelledby="lacak-pengaduan">
        <h2 id="lacak-pengaduan">Pengaduan</h2>
        <PengaduanTracker />
      </section>
      <p>
        Punya dokumen hasil layanan? <Link to="/verifikasi">Periksa keasliannya</Link>.
        {nomor && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => navigate("/lacak")}>
              Lacak nomor lain
            </button>
          </>
        )}
      </p>
    </div>
  );
}
