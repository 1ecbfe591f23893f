import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { AdminPolaNomorSuratQuery, LingkupNomorSurat } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { useDeskInstansi } from "../../../components/desk-instansi";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions, RadioChoice } from "../../../components/field";
import { QueryState } from "../../../components/page-state";
import { PageTitle } from "../../../components/page-title";
import { RequireRole } from "../../../components/require-role";
import { errorOf, type FieldErrors } from "../../../lib/errors";
import { showFailure } from "../../../lib/form-failure";
import { useForm } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import { AturPolaNomorSuratMutation, PolaNomorSuratQuery, PratinjauPolaNomorQuery } from "./documents";

/** The tokens a pattern may carry (server/modules/surat/nomor.ts), with what each becomes. */
export const TOKEN_POLA: ReadonlyArray<readonly [string, string, string]> = [
  ["{nomor}", "Nomor urut surat", "7"],
  ["{nomor:3}", "Nomor urut dengan nol di depan sampai 3 angka (angka lain juga boleh, misalnya {nomor:4})", "007"],
  ["{kode}", "Kode klasifikasi surat", "400.12"],
  ["{bulan}", "Bulan dengan angka", "3"],
  ["{bulan:2}", "Bulan dengan dua angka", "03"],
  ["{bulan_romawi}", "Bulan dengan angka Romawi", "III"],
  ["{tahun}", "Tahun (wajib ada: nomor urut mulai lagi dari 1 setiap 1 Januari)", "2026"],
];

export const LINGKUP_TEXT: Record<LingkupNomorSurat, { label: string; explanation: string }> = {
  BERSAMA: {
    label: "Satu nomor urut untuk semua surat",
    explanation: "Surat kantor diberi nomor 1, 2, 3, dan seterusnya, apa pun kode klasifikasinya.",
  },
  PER_KODE: {
    label: "Nomor urut sendiri untuk setiap kode klasifikasi",
    explanation: "Surat berkode 400.12 dan surat berkode PP.00 masing-masing mulai dari nomor 1. Pola wajib memuat {kode} agar nomornya tidak kembar.",
  },
};

/** A classification code for the preview when the admin has typed none (seeded on the default templates). */
const CONTOH_KODE = "400.12";

/** `value` once it has stopped changing for `ms`: the preview is not asked at each keystroke. */
export function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const FIELDS = ["pola", "lingkup", "kodeKlasifikasi"];

type Pola = AdminPolaNomorSuratQuery["polaNomorSurat"];

function PolaForm({ instansiId, saved, onSaved }: { instansiId: string; saved: Pola; onSaved: (p: Pola, nomor: string | null) => void }) {
  const form = useForm<{ pola: string; lingkup: LingkupNomorSurat; kodeKlasifikasi: string }>(
    { pola: saved.pola, lingkup: saved.lingkup, kodeKlasifikasi: CONTOH_KODE },
    FIELDS,
  );
  const { values: v, errors } = form;
  const pola = useSettled(v.pola.trim());
  const kode = useSettled(v.kodeKlasifikasi.trim());
  const [{ data: preview, fetching: previewing, error: previewError }] = useQuery({
    query: PratinjauPolaNomorQuery,
    variables: { instansiId, pola, lingkup: v.lingkup, kodeKlasifikasi: kode || null },
    pause: !pola,
    requestPolicy: "network-only",
  });
  const [{ fetching }, atur] = useMutation(AturPolaNomorSuratMutation);
  const answer = preview?.pratinjauNomorSurat;
  const nomor = answer?.__typename === "PratinjauNomorSuratSuccess" ? answer.data : null;
  const masalah = answer && answer.__typename !== "PratinjauNomorSuratSuccess" ? errorOf(answer)?.message : null;
  const typing = pola !== v.pola.trim() || kode !== v.kodeKlasifikasi.trim();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = v.pola.trim();
    const local: FieldErrors = {};
    if (!text) local.pola = "Tuliskan pola nomor surat, misalnya {nomor}/{kode}/{bulan_romawi}/{tahun}.";
    else if (v.lingkup === "PER_KODE" && !text.includes("{kode}")) local.pola = "Nomor urut per kode klasifikasi memerlukan {kode} di dalam pola.";
    form.setFormError(null);
    if (!form.checked(local)) return;
    const r = await atur({ instansiId, pola: text, lingkup: v.lingkup });
    const res = r.data?.aturPolaNomorSurat;
    if (res?.__typename === "AturPolaNomorSuratSuccess") return onSaved(res.data, nomor);
    showFailure(form, res, r.error);
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Ubah pola nomor surat">
      <ErrorSummary {...form.summary} />
      <Field
        name="pola"
        label="Pola nomor surat"
        hint="Teks biasa ditulis apa adanya; bagian dalam kurung kurawal diganti otomatis (lihat daftar di bawah). Contoh Kemenag: B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}."
        error={errors.pola}
      >
        {(fp) => <input {...fp} type="text" className="mono" maxLength={120} autoComplete="off" spellCheck={false} {...form.bind("pola")} />}
      </Field>
      <details className="field">
        <summary>Bagian yang dapat dipakai dalam pola</summary>
        <table className="table table--compact">
          <caption className="sr-only">Bagian pola nomor surat</caption>
          <thead>
            <tr>
              <th scope="col">Tulis</th>
              <th scope="col">Artinya</th>
              <th scope="col">Contoh</th>
            </tr>
          </thead>
          <tbody>
            {TOKEN_POLA.map(([token, arti, contoh]) => (
              <tr key={token}>
                <th scope="row" className="mono">
                  {token}
                </th>
                <td>{arti}</td>
                <td className="mono">{contoh}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <RadioChoice<LingkupNomorSurat>
        name="lingkup"
        legend="Cara menghitung nomor urut"
        options={(["BERSAMA", "PER_KODE"] as const).map(
          (l) =>
            [
              l,
              <span key={l}>
                {LINGKUP_TEXT[l].label}
                <span className="field__hint">{LINGKUP_TEXT[l].explanation}</span>
              </span>,
            ] as const,
        )}
        value={v.lingkup}
        onChange={(l) => form.set("lingkup", l)}
        error={errors.lingkup ?? null}
      />
      <p className="field__hint">
        Apa pun pilihannya, nomor urut mulai lagi dari 1 setiap 1 Januari, dan nomor yang sudah terpakai atau dibatalkan tidak dipakai lagi.
      </p>
      <Field
        name="kodeKlasifikasi"
        label="Contoh kode klasifikasi untuk pratinjau"
        hint="Hanya untuk melihat hasilnya di bawah; tidak disimpan. Petugas memilih kode setiap surat saat membuatnya."
        error={errors.kodeKlasifikasi}
        required={false}
      >
        {(fp) => (
          <input {...fp} type="text" className="mono input--short" maxLength={40} autoComplete="off" spellCheck={false} {...form.bind("kodeKlasifikasi")} />
        )}
      </Field>
      <div className="alert alert--info" aria-live="polite" aria-busy={typing || previewing}>
        <p className="field__label">Nomor surat berikutnya dengan pola ini</p>
        {!v.pola.trim() ? (
          <p className="muted">Tuliskan pola untuk melihat pratinjaunya.</p>
        ) : masalah ? (
          <p className="field__error" data-testid="pratinjau-masalah">
            <span aria-hidden="true">⚠ </span>
            {masalah}
          </p>
        ) : previewError ? (
          <p className="muted">Pratinjau belum dapat dimuat.</p>
        ) : nomor ? (
          <p className="mono nomor" data-testid="pratinjau-nomor">
            {nomor}
          </p>
        ) : (
          <p className="muted">Memuat pratinjau…</p>
        )}
        <p className="small muted">Pratinjau tidak memakai nomor: surat lain yang dibuat lebih dulu dapat mendapatkannya.</p>
      </div>
      <FormActions error={form.formError} busy={fetching}>
        Simpan pola
      </FormActions>
    </form>
  );
}

function PolaNomor({ instansiId }: { instansiId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PolaNomorSuratQuery, variables: { instansiId } });
  const [saved, setSaved] = useState<Pola | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const pola = saved ?? data?.polaNomorSurat ?? null;
  return (
    <>
      <QueryState fetching={fetching} error={error} loaded={!!pola} />
      <div role="status">{message && <p className="alert alert--success">{message}</p>}</div>
      {pola && (
        <CardSection id="pola-nomor" title="Pola dan urutan nomor">
          <p className="muted">
            {pola.bawaan
              ? "Kantor ini masih memakai pola bawaan Loket."
              : pola.diubahAt
                ? `Terakhir diubah ${formatDateTime(pola.diubahAt)} WIB.`
                : "Pola ini ditetapkan oleh admin kantor."}{" "}
            Mengubah pola tidak mengubah nomor surat yang sudah dibuat.
          </p>
          <PolaForm
            key={`${pola.pola}|${pola.lingkup}`}
            instansiId={instansiId}
            saved={pola}
            onSaved={(p, nomor) => {
              setSaved(p);
              setMessage(nomor ? `Pola nomor surat disimpan. Surat berikutnya akan bernomor seperti ${nomor}.` : "Pola nomor surat disimpan.");
            }}
          />
        </CardSection>
      )}
    </>
  );
}

function Halaman() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <div className="narrow">
      <PageTitle>Nomor surat</PageTitle>
      <p className="lead">Bentuk nomor yang diberikan Loket kepada setiap surat hasil layanan kantor ini, sesuai tata naskah dinas instansi.</p>
      {picker}
      {instansiId && !waiting ? <PolaNomor key={instansiId} instansiId={instansiId} /> : !waiting && <p className="muted">Pilih instansi terlebih dahulu.</p>}
    </div>
  );
}

/** /admin/nomor-surat — the office's letter-number pattern, with a live preview of the next number (its admins). */
export default function NomorSuratPage() {
  return (
    <RequireRole role="admin">
      <Halaman />
    </RequireRole>
  );
}
