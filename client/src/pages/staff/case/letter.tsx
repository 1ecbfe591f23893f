import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { StaffCase_PengajuanFragment as Case } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions, FormMessage, SelectField } from "../../../components/field";
import { errorOf, type FieldErrors } from "../../../lib/errors";
import { showFailure } from "../../../lib/form-failure";
import { useForm } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import { BuatSuratMutation, PejabatPenandatanganQuery, PratinjauNomorQuery } from "./documents";

/** The id of the "Buat surat hasil" form: the case page's AJUKAN_TTD button takes focus there. */
export const BUAT_SURAT_FORM_ID = "buat-surat-hasil";

const FIELDS = ["penandatanganId", "kodeKlasifikasi"];

/** Moves keyboard focus (and the screen) to the first control of the "Buat surat hasil" form. */
export function focusBuatSurat() {
  document.getElementById(BUAT_SURAT_FORM_ID)?.querySelector<HTMLElement>("select, input, output, button[type=submit]")?.focus();
}

/** `value` once it has stopped changing for `ms` (the number preview is not asked at each keystroke). */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

type Surat = NonNullable<Case["suratHasil"]>;

/** What became of the request's newest letter: waiting for the official, returned with a note, or issued. */
function SuratState({ s, zone }: { s: Surat; zone: string }) {
  const pdf = (text: string) =>
    s.unduhUrl ? (
      <a href={s.unduhUrl} target="_blank" rel="noopener">
        {text}
        <span className="sr-only"> (surat {s.nomor}, tab baru)</span>
      </a>
    ) : null;
  const pejabat = s.penandatanganNama ? `${s.penandatanganNama}${s.penandatanganJabatan ? `, ${s.penandatanganJabatan}` : ""}` : "pejabat";
  switch (s.status) {
    case "MENUNGGU_TTD":
      return (
        <div className="alert alert--info">
          <p>
            <strong>Menunggu tanda tangan {pejabat}.</strong>
          </p>
          <p>
            Nomor surat <span className="mono">{s.nomor}</span>. {pdf("Baca surat (PDF)")}
          </p>
        </div>
      );
    case "DIKEMBALIKAN":
      return (
        <div className="alert alert--warning">
          <p>
            <strong>Dikembalikan oleh pejabat:</strong> {s.catatanKembali}
          </p>
          <p className="small">
            {pejabat}
            {s.dikembalikanAt ? ` · ${formatDateTime(s.dikembalikanAt, zone)}` : ""} · nomor <span className="mono">{s.nomor}</span>.{" "}
            {pdf("Surat yang dikembalikan (PDF)")}
          </p>
        </div>
      );
    case "TERBIT":
      return (
        <div className="alert alert--success">
          <p>
            <strong>
              Terbit: <span className="mono">{s.nomor}</span>
              {s.ditandatanganiAt ? `, ditandatangani ${formatDateTime(s.ditandatanganiAt, zone)}` : ""}
            </strong>
            {s.penandatanganNama ? ` oleh ${pejabat}` : ""}.
          </p>
          <p>{pdf("Surat bertanda tangan (PDF)")}</p>
        </div>
      );
    case "DIBATALKAN":
      return (
        <p className="muted">
          Nomor surat <span className="mono">{s.nomor}</span> sudah dibatalkan. Surat baru akan mendapat nomor baru.
        </p>
      );
  }
}

/**
 * The request's result letter (a service with a letter template): the officer chooses the official and, when the
 * office's pattern has one, the classification code, sees the number it will get, and sends it for signature
 * (buatSurat: the request goes to MENUNGGU_TTD). A letter the official returned is made again under its number.
 */
export function SuratSection({ p, versi, onMade }: { p: Case; versi: { current: number }; onMade: () => void }) {
  const s = p.suratHasil;
  const kembali = s?.status === "DIKEMBALIKAN";
  const canMake = p.status === "DIPROSES" && s?.status !== "MENUNGGU_TTD" && s?.status !== "TERBIT";
  const instansiId = p.instansi.id;
  // the service's template names the usual classification code: the officer changes it only for an exception
  const kodeBawaan = p.layanan.kodeKlasifikasiSurat;
  const form = useForm({ penandatanganId: "", kodeKlasifikasi: kodeBawaan }, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [done, setDone] = useState<string | null>(null);
  // "sent for signature" is about the letter waiting: once the official returns or signs it, it no longer holds
  const status = s?.status;
  useEffect(() => {
    if (status !== "MENUNGGU_TTD") setDone(null);
  }, [status]);
  const [{ data: pejabatData, fetching: pejabatLoading, error: pejabatError }] = useQuery({
    query: PejabatPenandatanganQuery,
    variables: { instansiId },
    pause: !canMake,
  });
  const pejabat = pejabatData?.pejabatPenandatangan ?? [];
  // one official: chosen already
  const chosen = v.penandatanganId || (pejabat.length === 1 ? pejabat[0]!.userId : "");
  const kode = useSettled(v.kodeKlasifikasi.trim());
  // a returned letter keeps its number: nothing to preview
  const [{ data: preview, fetching: previewing }] = useQuery({
    query: PratinjauNomorQuery,
    variables: { instansiId, kodeKlasifikasi: kode || null },
    pause: !canMake || kembali,
    requestPolicy: "cache-and-network",
  });
  const nomor = preview?.pratinjauNomorSurat;
  const nomorError = nomor && nomor.__typename !== "PratinjauNomorSuratSuccess" ? errorOf(nomor) : null;
  const [{ fetching: sending }, buat] = useMutation(BuatSuratMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const local: FieldErrors = {};
    if (pejabat.length === 0 && !pejabatLoading) local.penandatanganId = "Belum ada pejabat penandatangan aktif. Minta admin instansi menetapkannya.";
    else if (pejabat.length > 1 && !chosen) local.penandatanganId = "Pilih pejabat yang menandatangani surat ini.";
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await buat({
      pengajuanId: p.id,
      versi: versi.current,
      penandatanganId: chosen || null,
      kodeKlasifikasi: kembali ? null : v.kodeKlasifikasi.trim() || null,
    });
    const res = r.data?.buatSurat;
    if (res?.__typename !== "BuatSuratSuccess") return showFailure(form, res, r.error);
    setDone(`Surat ${res.data.nomor} dibuat dan dikirim kepada ${res.data.penandatanganNama ?? "pejabat"} untuk ditandatangani.`);
    form.setValues({ penandatanganId: "", kodeKlasifikasi: kodeBawaan });
    onMade();
  }

  return (
    <CardSection id="surat-hasil" title="Surat hasil">
      <FormMessage kind="success">{done}</FormMessage>
      {s && <SuratState s={s} zone={p.instansi.zonaWaktu} />}
      {canMake && (
        <form id={BUAT_SURAT_FORM_ID} ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Buat surat hasil">
          <ErrorSummary {...form.summary} />
          <p className="muted small">
            {kembali
              ? "Perbaiki data yang diminta pejabat, lalu buat ulang suratnya. Surat dikirim kembali untuk ditandatangani dengan nomor yang sama."
              : "Surat dibuat dari template layanan dengan data pengajuan ini, diberi nomor, lalu dikirim kepada pejabat untuk ditandatangani. Pemohon menerimanya setelah ditandatangani."}
          </p>
          <SelectField
            name="penandatanganId"
            label="Pejabat penandatangan"
            error={errors.penandatanganId || (pejabatError ? "Daftar pejabat tidak dapat dimuat. Muat ulang halaman." : null)}
            value={chosen}
            onChange={(id) => set("penandatanganId", id)}
            options={pejabat.map((o) => ({ id: o.userId, nama: `${o.nama} — ${o.jabatan}` }))}
            placeholder={pejabat.length > 1 ? "— Pilih pejabat —" : undefined}
            loading={pejabatLoading}
            empty={{
              why: "Instansi ini belum memiliki pejabat penandatangan aktif.",
              todo: "Minta admin instansi menetapkannya di Admin › Pengguna dan peran.",
            }}
          />
          {!kembali && (
            <Field
              name="kodeKlasifikasi"
              label="Kode klasifikasi"
              hint="Kode klasifikasi arsip pada nomor surat, misalnya PP.00. Isi bila pola nomor surat instansi memakainya."
              error={errors.kodeKlasifikasi}
              required={false}
            >
              {(fp) => (
                <input {...fp} type="text" className="input--short" maxLength={40} autoComplete="off" spellCheck={false} {...form.bind("kodeKlasifikasi")} />
              )}
            </Field>
          )}
          <p className="small" aria-live="polite">
            {kembali ? (
              <>
                Nomor surat tetap: <strong className="mono">{s?.nomor}</strong>
              </>
            ) : nomor?.__typename === "PratinjauNomorSuratSuccess" ? (
              <>
                Nomor surat berikutnya: <strong className="mono">{nomor.data}</strong> <span className="muted">(nomor pasti diberikan saat surat dibuat)</span>
              </>
            ) : nomorError?.code === "KODE_WAJIB" ? (
              <span className="muted">Pola nomor surat instansi memakai kode klasifikasi: isi kodenya untuk melihat nomor surat.</span>
            ) : nomorError ? (
              <span className="muted">Nomor surat belum dapat ditampilkan: {nomorError.message}</span>
            ) : previewing ? (
              <span className="muted">Menghitung nomor surat…</span>
            ) : null}
          </p>
          <FormActions error={formError} busy={sending} busyText="Membuat surat…">
            {kembali ? "Buat ulang dan kirim ke pejabat" : "Buat surat dan kirim ke pejabat"}
          </FormActions>
        </form>
      )}
    </CardSection>
  );
}
