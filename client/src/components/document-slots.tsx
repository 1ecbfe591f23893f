import { useId, useRef, useState } from "react";
import { graphql, useFragment, type FragmentType } from "../gql";
import type { FieldErrors } from "../lib/errors";
import { acceptAttr, checkFile, daftarJenis, formatUkuran } from "../lib/files";
import type { UploadProgress } from "../lib/upload";
import { FieldMessage } from "./field";

export const DocumentSlots_PersyaratanFragment = graphql(`
  fragment DocumentSlots_Persyaratan on PersyaratanDokumen {
    id
    label
    keterangan
    wajib
    jenisFile
    maksBytes
    templateUrl
  }
`);

export const DocumentSlots_DokumenFragment = graphql(`
  fragment DocumentSlots_Dokumen on DokumenPengajuan {
    id
    namaFile
    ukuran
    mime
    url
    createdAt
    persyaratan {
      id
    }
  }
`);

/** Where an error about a document slot is shown: the API names it `persyaratan.<id>`. */
export const slotKey = (id: string) => `persyaratan.${id}`;

type SlotState = { phase: "waiting" | "uploading"; name: string; progress: number } | { phase: "error"; message: string } | null;

export type UploadSlot = (slotId: string, file: File, onProgress: (p: UploadProgress) => void) => Promise<string | null>;

interface DocumentSlotsProps {
  slots: ReadonlyArray<FragmentType<typeof DocumentSlots_PersyaratanFragment>>;
  documents: ReadonlyArray<FragmentType<typeof DocumentSlots_DokumenFragment>>;
  errors: FieldErrors;
  editable: boolean;
  /** sends one file into one slot; resolves with an error message, or null when stored */
  upload: UploadSlot;
  /** slots the officer asked to be fixed are pointed out */
  highlight?: ReadonlySet<string>;
}

/**
 * The requirement documents of a request: one row per slot, with the allowed types and size, the template to
 * download, the file already sent, and a picker that checks the file at once and uploads it with a progress bar.
 * Uploads run one after another (each changes the request's version).
 */
export function DocumentSlots(props: DocumentSlotsProps) {
  const slots = useFragment(DocumentSlots_PersyaratanFragment, props.slots);
  const docs = useFragment(DocumentSlots_DokumenFragment, props.documents);
  const [state, setState] = useState<Record<string, SlotState>>({});
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const uid = useId();

  function set(slotId: string, s: SlotState) {
    setState((x) => ({ ...x, [slotId]: s }));
  }

  function choose(slotId: string, file: File, allowed: readonly string[], maxBytes: number, input: HTMLInputElement) {
    const problem = checkFile(file, allowed, maxBytes);
    input.value = "";
    if (problem) {
      set(slotId, { phase: "error", message: problem });
      return;
    }
    set(slotId, { phase: "waiting", name: file.name, progress: 0 });
    queue.current = queue.current.then(async () => {
      set(slotId, { phase: "uploading", name: file.name, progress: 0 });
      const error = await props.upload(slotId, file, (p) => set(slotId, { phase: "uploading", name: file.name, progress: p.total ? p.loaded / p.total : 0 }));
      set(slotId, error ? { phase: "error", message: error } : null);
    });
  }

  return (
    <ul className="slots">
      {slots.map((slot) => {
        const doc = docs.find((d) => d.persyaratan.id === slot.id);
        const s = state[slot.id];
        const error = (s?.phase === "error" ? s.message : null) ?? props.errors[slotKey(slot.id)];
        const inputId = `${uid}-${slot.id}`;
        const messageId = `${inputId}-message`;
        const infoId = `${inputId}-info`;
        const busy = s?.phase === "uploading" || s?.phase === "waiting";
        return (
          <li key={slot.id} className={`slot${error ? " slot--error" : ""}${props.highlight?.has(slot.id) ? " slot--highlight" : ""}`}>
            <div className="slot__head">
              <h3 className="slot__label" id={`${inputId}-label`}>
                {slot.label}
                {!slot.wajib && <span className="field__optional"> (tidak wajib)</span>}
              </h3>
              {doc ? <span className="badge badge--ok">Sudah diunggah</span> : slot.wajib ? <span className="badge badge--pending">Belum diunggah</span> : null}
            </div>
            {slot.keterangan && <p className="slot__note">{slot.keterangan}</p>}
            <p className="slot__rules muted small" id={infoId}>
              {daftarJenis(slot.jenisFile)}, maksimal {formatUkuran(slot.maksBytes)}.
              {slot.templateUrl && (
                <>
                  {" "}
                  <a href={slot.templateUrl} download>
                    Unduh contoh/templat<span className="sr-only"> untuk {slot.label}</span>
                  </a>
                </>
              )}
            </p>
            {doc && (
              <p className="slot__file">
                <span className="slot__file-label">Terunggah: </span>
                <a href={doc.url} target="_blank" rel="noopener">
                  {doc.namaFile}
                  <span className="sr-only"> (buka di tab baru)</span>
                </a>{" "}
                <span className="muted small">({formatUkuran(doc.ukuran)})</span>
              </p>
            )}
            {busy && s && (
              <div className="slot__progress">
                <progress max={1} value={s.phase === "uploading" ? s.progress : undefined} aria-label={`Mengunggah ${slot.label}`} />
                <span className="small" aria-live="polite">
                  {s.phase === "waiting" ? `${s.name}: menunggu giliran…` : `${s.name}: ${Math.round(s.progress * 100)}%`}
                </span>
              </div>
            )}
            {props.editable && (
              <div className="slot__pick">
                <input
                  id={inputId}
                  className="file-input"
                  type="file"
                  name={slotKey(slot.id)}
                  accept={acceptAttr(slot.jenisFile)}
                  disabled={busy}
                  aria-invalid={!!error}
                  aria-describedby={`${infoId} ${messageId}`}
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) choose(slot.id, f, slot.jenisFile, slot.maksBytes, e.target);
                  }}
                />
                <label htmlFor={inputId} className="button button--secondary button--small file-input__label">
                  {doc ? "Ganti berkas" : "Pilih berkas"}
                  <span className="sr-only"> untuk {slot.label}</span>
                </label>
              </div>
            )}
            <FieldMessage id={messageId} error={error} />
          </li>
        );
      })}
    </ul>
  );
}
