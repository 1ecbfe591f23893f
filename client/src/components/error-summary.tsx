import { useLayoutEffect, useState, type RefObject } from "react";
import type { FieldErrors } from "../lib/errors";

interface ErrorSummaryProps {
  formRef: RefObject<HTMLFormElement | null>;
  /** the form's field names in their order on screen */
  fields: readonly string[];
  errors: FieldErrors;
}

/** The words people read for a field: its label (without "(tidak wajib)") or its group's legend. */
function labelOf(control: HTMLElement): string {
  const label = (control as HTMLInputElement).labels?.[0] ?? control.closest("fieldset")?.querySelector("legend");
  return (label?.firstChild?.textContent ?? label?.textContent ?? "").trim();
}

/**
 * "Ada masalah" at the top of a form with two or more wrong fields (GOV.UK's error summary): a link to each, so
 * people see at once how much is left to fix. It names the fields rather than repeating their messages, which
 * stay beside each field (a message said twice on one screen is read twice by a screen reader). With one wrong
 * field there is no summary: that field already has focus and its message.
 */
export function ErrorSummary({ formRef, fields, errors }: ErrorSummaryProps) {
  const [links, setLinks] = useState<Array<{ name: string; id: string; label: string }>>([]);
  useLayoutEffect(() => {
    const form = formRef.current;
    const wrong = fields.filter((f) => errors[f]);
    const next =
      form && wrong.length >= 2
        ? wrong.flatMap((name) => {
            const control = form.querySelector<HTMLElement>(`[name="${name}"]`);
            return control ? [{ name, id: control.id, label: labelOf(control) }] : [];
          })
        : [];
    // a form may pass a new `fields` array each render: only a different list renders again
    setLinks((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [formRef, fields, errors]);
  if (links.length < 2) return null;
  return (
    <div className="alert alert--error error-summary" role="group" aria-labelledby="error-summary-title">
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
              {l.label || l.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
