import { useId, useRef } from "react";
import { acceptAttr, checkFile, daftarJenis, formatUkuran } from "../lib/files";
import { UploadBar } from "./upload-bar";
import { LAMPIRAN_PENGADUAN_MAKS_BERKAS, LAMPIRAN_PENGADUAN_MAKS_BYTES } from "../../../server/shared/limits";
import { BUKTI_JENIS } from "../../../server/shared/pengaduan";

/** the types the API accepts as evidence (server/shared/pengaduan.ts) */
export const EVIDENCE_TYPES = BUKTI_JENIS;
export const EVIDENCE_MAX_BYTES = LAMPIRAN_PENGADUAN_MAKS_BYTES;
export const EVIDENCE_MAX_FILES = LAMPIRAN_PENGADUAN_MAKS_BERKAS;

export interface PickedFile {
  file: File;
  error: string | null;
}

interface EvidencePickerProps {
  name: string;
  label: string;
  hint?: string;
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  /** an error for the whole list (e.g. "at least one"), or per file as `<name>.<index>` */
  errors: Record<string, string | undefined>;
  required?: boolean;
  progress?: number | null;
}

/** Several files (photos, videos, documents) checked on choosing; each can be removed before sending. */
export function EvidencePicker({ name, label, hint, files, onChange, errors, required, progress }: EvidencePickerProps) {
  const uid = useId();
  const inputId = `${name}-${uid}`;
  const ref = useRef<HTMLInputElement>(null);
  const listError = errors[name];
  const rules = `${daftarJenis(EVIDENCE_TYPES.slice(0, 3))}, atau video (MP4, MOV, WEBM); paling banyak ${EVIDENCE_MAX_FILES} berkas, masing-masing maksimal ${formatUkuran(EVIDENCE_MAX_BYTES)}.`;
  return (
    <div className={`field${listError ? " field--error" : ""}`}>
      <span className="field__label" id={`${inputId}-label`}>
        {label}
        {!required && <span className="field__optional"> (tidak wajib)</span>}
      </span>
      <p className="field__hint" id={`${inputId}-hint`}>
        {hint ? `${hint} ` : ""}
        {rules}
      </p>
      {files.length > 0 && (
        <ul className="picked">
          {files.map((f, i) => {
            const err = f.error ?? errors[`${name}.${i}`];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a picked file has no id, and one name can be picked twice
              <li key={`${f.file.name}-${i}`} className={err ? "picked__item picked__item--error" : "picked__item"}>
                <span className="picked__name">
                  {f.file.name} <span className="muted small">({formatUkuran(f.file.size)})</span>
                </span>
                <button type="button" className="button button--quiet button--small" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                  Hapus<span className="sr-only"> {f.file.name}</span>
                </button>
                {err && <span className="field__error picked__error">⚠ {err}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <UploadBar value={progress} label="Mengirim berkas" />
      {files.length < EVIDENCE_MAX_FILES && (
        <div>
          <input
            ref={ref}
            id={inputId}
            name={name}
            className="file-input"
            type="file"
            multiple
            accept={acceptAttr(EVIDENCE_TYPES)}
            aria-describedby={`${inputId}-hint ${inputId}-message`}
            aria-invalid={!!listError}
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])].map((file) => ({ file, error: checkFile(file, EVIDENCE_TYPES, EVIDENCE_MAX_BYTES) }));
              e.target.value = "";
              onChange([...files, ...chosen].slice(0, EVIDENCE_MAX_FILES));
            }}
          />
          <label htmlFor={inputId} className="button button--secondary button--small file-input__label">
            {files.length ? "Tambah berkas" : "Pilih berkas"}
            <span className="sr-only"> untuk {label}</span>
          </label>
        </div>
      )}
      <p id={`${inputId}-message`} className="field__message" aria-live="polite">
        {listError && <span className="field__error">⚠ {listError}</span>}
      </p>
    </div>
  );
}
