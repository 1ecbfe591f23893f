import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { FormMessage } from "../../components/field";
import { UploadBar } from "../../components/upload-bar";
import type { useForm } from "../../lib/form";
import { formatUkuran } from "../../lib/files";
import { showEvidenceError } from "../../lib/upload-form";

type Form = Pick<ReturnType<typeof useForm>, "setErrors" | "formRef" | "showApiError" | "summary">;

/**
 * "Periksa kembali" for a form with no draft on the server (a complaint: the citizen's, or one the desk records):
 * the form, then the check step at `?langkah=periksa` with every answer and file and one button that sends. A
 * change link opens the form at its field (`?ubah=<field>`); "Lanjutkan" checks again and comes back. The values
 * live in the form hook, not in the controls, so the form can leave the page while they are checked. Other
 * parameters of the address (the linked request, the desk's office) stay.
 */
export function useCheckStep(form: Form, headingId: string) {
  const [params, setParams] = useSearchParams();
  // the answers were checked in this visit: after a reload the files are gone, so the form comes first
  const [checked, setChecked] = useState(false);
  const step: "isi" | "periksa" = checked && params.get("langkah") === "periksa" ? "periksa" : "isi";
  const ubah = params.get("ubah");
  // an answer the API refused, shown on the form once it is back on the page
  const [refused, setRefused] = useState<object | null>(null);
  // the check step takes the focus when "Lanjutkan" opened it (the address changes in a transition, after the click)
  const opened = useRef(false);

  /** This page's address with `changes` (null: without that parameter). */
  function at(changes: Record<string, string | null>): string {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `?${next}`;
  }

  // a reload on the check step: back to the form
  useEffect(() => {
    if (!checked && params.get("langkah") === "periksa") setParams(at({ langkah: null }), { replace: true });
  });

  useEffect(() => {
    if (step !== "periksa" || !opened.current) return;
    opened.current = false;
    document.getElementById(headingId)?.focus();
  }, [step, headingId]);

  // a change link: the form opens at that field (a choice at its chosen option; the first file's remove button
  // when the picker is full)
  useEffect(() => {
    if (!ubah || step !== "isi") return;
    const f = form.formRef.current;
    const name = CSS.escape(ubah);
    const el =
      f?.querySelector<HTMLElement>(`[name="${name}"]:checked`) ??
      f?.querySelector<HTMLElement>(`[name="${name}"]`) ??
      (ubah === "bukti" ? f?.querySelector<HTMLElement>(".picked button") : null);
    el?.scrollIntoView({ block: "center" });
    el?.focus({ preventScroll: true });
  }, [ubah, step, form.formRef]);

  useEffect(() => {
    if (step !== "isi" || !refused) return;
    setRefused(null);
    showEvidenceError(form, refused);
  }, [step, refused, form]);

  return {
    step,
    /** the form was opened from a change link */
    changing: !!ubah,
    /** "Lanjutkan" found nothing wrong: to the check step */
    open() {
      setChecked(true);
      opened.current = true;
      setParams(at({ langkah: "periksa", ubah: null }));
    },
    /** where a change link leads */
    changeTo: (field: string) => at({ langkah: null, ubah: field }),
    /** back to the form, as it was */
    formTo: () => at({ langkah: null }),
    /** the API refused an answer: back to the form, the message at its field */
    refuse(result: object) {
      setChecked(false);
      setRefused(result);
      setParams(at({ langkah: null }), { replace: true });
    },
  };
}

/** The check step's card: the answers (`AnswerRow`s), what sending declares, and the one button that sends. */
export function CheckAnswersCard({
  headingId,
  title,
  intro,
  declaration,
  error,
  progress,
  sending = false,
  submitLabel,
  onSubmit,
  formTo,
  children,
}: {
  headingId: string;
  title: string;
  intro: string;
  declaration: string;
  error: string | null;
  /** the share of the files sent so far, while they are sent (null: no upload runs) */
  progress: number | null;
  /** sent without files (no progress to show) and not answered yet */
  sending?: boolean;
  submitLabel: string;
  onSubmit: () => void;
  formTo: string;
  children: ReactNode;
}) {
  const busy = progress != null || sending;
  return (
    <section className="card check-answers" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {title}
      </h2>
      <p>{intro}</p>
      <dl className="check-answers__list">{children}</dl>
      <p>{declaration}</p>
      <FormMessage kind="error">{error}</FormMessage>
      <UploadBar value={progress} label="Mengirim berkas" />
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={onSubmit}>
          {busy ? "Mengirim…" : submitLabel}
        </button>
        <Link to={formTo} className="button button--secondary">
          Kembali ke formulir
        </Link>
      </div>
    </section>
  );
}

/** The evidence chosen, each with its size (files are sent with the answers, so they are checked with them). */
export function BuktiTerpilih({ files, none }: { files: ReadonlyArray<{ file: File }>; none: string }) {
  if (!files.length) return <span className="muted">{none}</span>;
  return (
    <ul className="plain-list">
      {files.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a picked file has no id, and one name can be picked twice
        <li key={`${f.file.name}-${i}`}>
          {f.file.name} <span className="muted small">({formatUkuran(f.file.size)})</span>
        </li>
      ))}
    </ul>
  );
}
