import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useClient, useQuery, type CombinedError } from "urql";
import { graphql } from "../gql";
import type { LacakPengaduanQuery, LacakPengajuanQuery } from "../gql/graphql";
import { PengajuanBadge } from "../components/badges";
import { ErrorSummary } from "../components/error-summary";
import { Field, FormMessage } from "../components/field";
import { PageTitle } from "../components/page-title";
import { requestErrorMessage, type FieldErrors } from "../lib/errors";
import { useForm } from "../lib/form";
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

/**
 * A lookup without logging in: its form, and what the lookup found. "Not found" is a message for the whole form
 * (it cannot say which of the typed values was wrong, or it would help guessing).
 */
function useTracker<T extends object, R>(initial: T, fields: readonly string[]) {
  const form = useForm<T>(initial, fields);
  const [result, setResult] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);
  async function look(local: FieldErrors, query: () => Promise<{ error?: CombinedError; found?: R | null }>, notFound: string) {
    form.setFormError(null);
    setResult(null);
    if (!form.checked(local)) return;
    setBusy(true);
    const r = await query();
    setBusy(false);
    if (r.error) return form.setFormError(requestErrorMessage(r.error));
    if (!r.found) return form.setFormError(notFound);
    setResult(r.found);
  }
  return { form, result, busy, look };
}

function TrackerActions({ failure, busy, children }: { failure: string | null; busy: boolean; children: ReactNode }) {
  return (
    <>
      <FormMessage kind="error">{failure}</FormMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Mencari…" : children}
        </button>
      </div>
    </>
  );
}

function PengajuanTracker({ initialNomor }: { initialNomor: string }) {
  const client = useClient();
  const { form, result, busy, look } = useTracker<{ nomor: string; digit: string }, PengajuanResult>({ nomor: initialNomor, digit: "" }, ["nomor", "digit"]);
  const { values: v, set, errors } = form;
  const z = useZone(result?.instansi);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = v.nomor.trim().toUpperCase();
    const d = v.digit.trim();
    const local: FieldErrors = {};
    if (!n) local.nomor = "Masukkan nomor registrasi, contoh KMG/2026/000123.";
    if (!/^\d{4}$/.test(d)) local.digit = "Masukkan 4 angka terakhir NIK pemohon.";
    await look(
      local,
      async () => {
        const r = await client.query(LacakPengajuanDocument, { nomor: n, digit: d }, { requestPolicy: "network-only" }).toPromise();
        return { error: r.error, found: r.data?.lacakPengajuan };
      },
      "Pengajuan tidak ditemukan. Periksa nomor registrasi dan 4 angka terakhir NIK pada bukti pengajuan.",
    );
  }

  return (
    <>
      <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Lacak pengajuan">
        <ErrorSummary {...form.summary} />
        <Field name="nomor" label="Nomor registrasi" hint="Tertulis pada bukti pengajuan, contoh KMG/2026/000123." error={errors.nomor}>
          {(props) => (
            <input {...props} type="text" autoCapitalize="characters" spellCheck={false} value={v.nomor} onChange={(e) => set("nomor", e.target.value)} />
          )}
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
              value={v.digit}
              onChange={(e) => set("digit", e.target.value.replace(/\D/g, ""))}
            />
          )}
        </Field>
        <TrackerActions failure={form.formError} busy={busy}>
          Lacak
        </TrackerActions>
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
                <dd>
                  {formatDateTime(result.diajukanAt, z.zone)} {z.label}
                </dd>
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
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only history, replaced whole on each lookup
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
  const { form, result, busy, look } = useTracker<{ kode: string }, PengaduanResult>({ kode: "" }, ["kode"]);
  const z = useZone(result?.instansi);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const k = form.values.kode.trim().toUpperCase();
    await look(
      k ? {} : { kode: "Masukkan kode lacak pengaduan, contoh ADU-7K3M9Q2X." },
      async () => {
        const r = await client.query(LacakPengaduanDocument, { kode: k }, { requestPolicy: "network-only" }).toPromise();
        return { error: r.error, found: r.data?.lacakPengaduan };
      },
      "Kode lacak tidak ditemukan. Periksa kembali kode yang Anda terima saat mengirim pengaduan.",
    );
  }

  return (
    <>
      <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Lacak pengaduan">
        <Field name="kode" label="Kode lacak pengaduan" hint="Contoh: ADU-7K3M9Q2X." error={form.errors.kode}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoCapitalize="characters"
              spellCheck={false}
              value={form.values.kode}
              onChange={(e) => form.set("kode", e.target.value)}
            />
          )}
        </Field>
        <TrackerActions failure={form.formError} busy={busy}>
          Lacak pengaduan
        </TrackerActions>
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
              <dd>
                {formatDateTime(result.diterimaAt, z.zone)} {z.label}
              </dd>
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
                <dd>
                  {formatDateTime(result.selesaiAt, z.zone)} {z.label}
                </dd>
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
