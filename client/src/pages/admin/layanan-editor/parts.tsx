import { useState } from "react";
import { errorOf } from "../../../lib/errors";
import { TEMPLATE_MAKS_BYTES } from "../../../../../server/shared/limits";
import { ALLOWED_DEFAULT, acceptAttr, checkFile } from "../../../lib/files";
import { uploadMutation } from "../../../lib/upload";
import { UnggahTemplateMutation } from "./documents";
import { move } from "./state";

/** The tools of one item of a list (documents, form fields): required or not, up (and `down`), remove. */
export function ItemTools<T extends { label: string; wajib: boolean }>(props: {
  items: T[];
  i: number;
  onItems: (items: T[]) => void;
  wajibText: string;
  onWajib: (wajib: boolean) => void;
  down?: boolean;
}) {
  const { items, i, onItems } = props;
  const label = items[i]!.label;
  return (
    <div className="editor-item__tools">
      <label className="check">
        <input type="checkbox" checked={items[i]!.wajib} onChange={(e) => props.onWajib(e.target.checked)} /> {props.wajibText}
      </label>
      <button type="button" className="button button--quiet button--small" onClick={() => onItems(move(items, i, -1))} disabled={i === 0}>
        Naik<span className="sr-only"> {label}</span>
      </button>
      {props.down && (
        <button type="button" className="button button--quiet button--small" onClick={() => onItems(move(items, i, 1))} disabled={i === items.length - 1}>
          Turun<span className="sr-only"> {label}</span>
        </button>
      )}
      <button type="button" className="button button--quiet button--small" onClick={() => onItems(items.filter((_, j) => j !== i))}>
        Hapus<span className="sr-only"> {label}</span>
      </button>
    </div>
  );
}

export function TemplateUpload({ slotId, label, url, onDone }: { slotId: string; label: string; url: string | null; onDone: (url: string | null) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `tpl-${slotId}`;
  return (
    <div className="template-upload">
      <span className="small">
        Contoh/templat untuk warga:{" "}
        {url ? (
          <a href={url} download>
            unduh<span className="sr-only"> templat {label}</span>
          </a>
        ) : (
          <span className="muted">belum ada</span>
        )}
      </span>{" "}
      <input
        id={inputId}
        className="file-input"
        type="file"
        accept={acceptAttr(ALLOWED_DEFAULT)}
        disabled={busy}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (!f) return;
          // the API takes example files up to 5 MB: say so before uploading, not after
          const problem = checkFile(f, ALLOWED_DEFAULT, TEMPLATE_MAKS_BYTES);
          if (problem) return setError(problem);
          setBusy(true);
          const r = await uploadMutation(UnggahTemplateMutation, { persyaratanId: slotId, file: f });
          setBusy(false);
          const res = r.data?.unggahTemplatePersyaratan;
          if (res?.__typename === "UnggahTemplatePersyaratanSuccess") {
            setError(null);
            onDone(res.data.templateUrl ?? null);
          } else setError(errorOf(res)?.message ?? r.failure ?? null);
        }}
      />
      <label htmlFor={inputId} className="button button--quiet button--small file-input__label">
        {busy ? "Mengunggah…" : url ? "Ganti templat" : "Unggah templat"}
        <span className="sr-only"> untuk {label}</span>
      </label>
      {error && <span className="field__error small"> ⚠ {error}</span>}
    </div>
  );
}
