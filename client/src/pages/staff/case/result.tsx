import { useRef, useState, type FormEvent } from "react";
import type { StaffCase_PengajuanFragment as Case } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { Field, FormActions } from "../../../components/field";
import { progressInto, UploadBar } from "../../../components/upload-bar";
import { type FieldErrors, errorOf } from "../../../lib/errors";
import { HASIL_MAKS_BYTES } from "../../../../../server/shared/limits";
import { ALLOWED_DEFAULT, acceptAttr, checkFile, formatUkuran } from "../../../lib/files";
import { uploadMutation } from "../../../lib/upload";
import { AttachResultMutation, type Snapshot } from "./documents";

const RESULT_TYPES = ALLOWED_DEFAULT;

const RESULT_MAX = HASIL_MAKS_BYTES;

export function ResultSection({ p, versi, onChanged }: { p: Case; versi: { current: number }; onChanged: (s: Snapshot) => void }) {
  const [judul, setJudul] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (judul.trim().length < 3) local.judul = "Judul dokumen hasil 3–200 karakter, misalnya “Surat Rekomendasi”.";
    if (!file) local.file = "Pilih berkas dokumen hasil.";
    else {
      const problem = checkFile(file, RESULT_TYPES, RESULT_MAX);
      if (problem) local.file = problem;
    }
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length || !file) return;
    setProgress(0);
    const r = await uploadMutation(AttachResultMutation, { id: p.id, versi: versi.current, judul: judul.trim(), file }, { onProgress: progressInto(setProgress) });
    setProgress(null);
    const res = r.data?.lampirkanHasil;
    if (!res) return setFormError(r.failure ?? null);
    if (res.__typename !== "LampirkanHasilSuccess") {
      const err = errorOf(res);
      if (err.field === "judul" || err.field === "file") setErrors({ [err.field]: err.message });
      else setFormError(err.message);
      return;
    }
    onChanged(res.data as Snapshot);
    setJudul("");
    setFile(null);
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
        <form className="form" noValidate onSubmit={submit} aria-label="Lampirkan dokumen hasil">
          <Field name="judul" label="Judul dokumen" hint="Tampil di Log Inbox pemohon." error={errors.judul}>
            {(fp) => <input {...fp} type="text" maxLength={200} value={judul} onChange={(e) => setJudul(e.target.value)} />}
          </Field>
          <Field name="file" label="Berkas" hint={`PDF, JPG, atau PNG, maksimal ${formatUkuran(RESULT_MAX)}.`} error={errors.file}>
            {(fp) => <input {...fp} ref={fileRef} type="file" accept={acceptAttr(RESULT_TYPES)} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
          <UploadBar value={progress} label="Mengunggah dokumen hasil" />
          <FormActions error={formError} busy={progress != null}>
            Lampirkan hasil
          </FormActions>
        </form>
      )}
    </CardSection>
  );
}
