import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import { SUMMARY_FROM, wrongControls, type FieldErrors } from "../lib/errors";

interface ErrorSummaryProps {
  formRef: RefObject<HTMLFormElement | null>;
  /** the form's field names in their order on screen */
  fields: readonly string[];
  errors: FieldErrors;
  /** counts the times the messages were shown anew (useForm's `summary` has it): each takes focus to the summary once */
  attempt: number;
}

/** The words people read for a field: its label (without "(tidak wajib)") or its group's legend. */
function labelOf(control: HTMLElement): string {
  const label = (control as HTMLInputElement).labels?.[0] ?? control.closest("fieldset")?.querySelector("legend");
  return (label?.firstChild?.textContent ?? label?.textContent ?? "").trim();
}

/** The label before a message in the summary; none for a checkbox, whose label is a sentence of its own. */
function summaryLabel(control: HTMLElement): string {
  return (control as HTMLInputElement).type === "checkbox" ? "" : labelOf(control);
}

/**
 * "Ada masalah" at the top of a form with two or more wrong fields (GOV.UK's error summary): each field's message
 * as a link to it, so people see at once everything that is left to fix, even the fields below the screen's edge.
 * It takes keyboard focus when a submit shows it (a screen reader reads it out); each message also stays beside its
 * field. With one wrong field there is no summary: that field takes focus and has its message.
 *
 * Its (empty) wrapper is always there: it tells `focusFirstError` that this form has a summary to focus.
 */
export function ErrorSummary({ formRef, fields, errors, attempt }: ErrorSummaryProps) {
  const [links, setLinks] = useState<Array<{ name: string; id: string; label: string; message: string }>>([]);
  const box = useRef<HTMLDivElement>(null);
  const seen = useRef(attempt);
  const focusPending = useRef(false);
  useLayoutEffect(() => {
    const wrong = wrongControls(formRef.current, fields, errors);
    const next =
      wrong.length >= SUMMARY_FROM
        ? wrong.map(({ name, control }) => ({ name, id: control.id, label: summaryLabel(control), message: errors[name] ?? "" }))
        : [];
    if (attempt !== seen.current) {
      seen.current = attempt;
      focusPending.current = next.length >= SUMMARY_FROM;
    }
    // a form may pass a new `fields` array each render: only a different list renders again
    setLinks((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [formRef, fields, errors, attempt]);
  useLayoutEffect(() => {
    if (focusPending.current && links.length >= SUMMARY_FROM) {
      focusPending.current = false;
      box.current?.focus();
    }
  });
  return (
    <div data-error-summary="">
      {links.length >= SUMMARY_FROM && (
        <div ref={box} tabIndex={-1} className="alert alert--error error-summary" role="group" aria-labelledby="error-summary-title">
          <p id="error-summary-title" className="error-summary__title">
            <strong>Ada masalah</strong> — periksa isian berikut:
          </p>
          <ul>
            {links.map((l) => (
              <li key={l.name}>
                <a
                  href={l.id ? `#${l.id}` : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    formRef.current?.querySelector<HTMLElement>(`[name="${l.name}"]`)?.focus();
                  }}
                >
                  {l.label && l.message ? (
                    <>
                      <span className="error-summary__label">{l.label}:</span> {l.message}
                    </>
                  ) : (
                    l.message || l.label || l.name
                  )}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
