import { useRef, type FormEvent } from "react";
import type { StaffCase_PengajuanFragment as Case } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions } from "../../../components/field";
import { UploadBar } from "../../../components/upload-bar";
import type { FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { HASIL_MAKS_BYTES } from "../../../../../server/shared/limits";
import { ALLOWED_DEFAULT, acceptAttr, checkFile, formatUkuran } from "../../../lib/files";
import { useUpload } from "../../../lib/upload-form";
import { AttachResultMutation, type Snapshot } from "./documents";

const RESULT_TYPES = ALLOWED_DEFAULT;

const RESULT_MAX = HASIL_MAKS_BYTES;

const FIELDS = ["judul", "file"];

interface Values {
  judul: string;
  file: File | null;
}

export function ResultSection({ p, versi, onChanged }: { p: Case; versi: { current: number }; onChanged: (s: Snapshot) => void }) {
  const form = useForm<Values>({ judul: "", file: null }, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const { progress, busy, send } = useUpload();
  const fileRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { judul, file } = v;
    const local: FieldErrors = {};
    if (judul.trim().length < 3) local.judul = "Judul dokumen hasil 3–200 karakter, misalnya “Surat Rekomendasi”.";
    if (!file) local.file = "Pilih berkas dokumen hasil.";
    else {
      const problem = checkFile(file, RESULT_TYPES, RESULT_MAX);
      if (problem) local.file = problem;
    }
    setFormError(null);
    if (!form.checked(local) || !file) return;
    const r = await send(AttachResultMutation, { id: p.id, versi: versi.current, judul: judul.trim(), file });
    const res = r.data?.lampirkanHasil;
    if (!res) return setFormError(r.failure ?? null);
    if (res.__typename !== "LampirkanHasilSuccess") return form.showApiError(res);
    onChanged(res.data as Snapshot);
    form.setValues({ judul: "", file: null });
    if (fileRef.current) fileRef.current.value = "";
  }

  return (
    <CardSection id="dokumen-hasil" title="Dokumen hasil">
      {p.hasil.length > 0 && (
        <ul className="results">
          {p.hasil.map((h) => (
            <li key={h.id}>
              <a href={h.url} target="_blank" rel="noopener">
                {h.judul}
              </a>{" "}
              <span className="muted small">
                {h.namaFile} · kode {h.kodeVerifikasi} · {h.diunduhAt ? "sudah diunduh pemohon" : "belum diunduh"}
              </span>
            </li>
          ))}
        </ul>
      )}
      {p.status === "DIPROSES" && (
        <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Lampirkan dokumen hasil">
          <ErrorSummary {...form.summary} />
          <Field name="judul" label="Judul dokumen" hint="Tampil di Log Inbox pemohon." error={errors.judul}>
            {(fp) => <input {...fp} type="text" maxLength={200} value={v.judul} onChange={(e) => set("judul", e.target.value)} />}
          </Field>
          <Field name="file" label="Berkas" hint={`PDF, JPG, atau PNG, maksimal ${formatUkuran(RESULT_MAX)}.`} error={errors.file}>
            {(fp) => <input {...fp} ref={fileRef} type="file" accept={acceptAttr(RESULT_TYPES)} onChange={(e) => set("file", e.target.files?.[0] ?? null)} />}
          </Field>
          <UploadBar value={progress} label="Mengunggah dokumen hasil" />
          <FormActions error={formError} busy={busy}>
            Lampirkan hasil
          </FormActions>
        </form>
      )}
    </CardSection>
  );
}
