import { useId, type ReactNode } from "react";

/** Why a list of choices is empty, and what the person can do instead. */
export interface EmptyChoices {
  why: ReactNode;
  todo: ReactNode;
}

/**
 * What a form shows in place of a drop-down or radio list that has nothing to choose from (no complaint category
 * yet, no office, no service): the field's label, why it is empty and what to do, instead of a list that cannot
 * be opened. An `<output>` carries the field's name, so the form's error summary and focus reach it like any
 * control, and its message sits under it as under the others.
 */
export function NoChoices({ name, label, empty, error }: { name: string; label: ReactNode; empty: EmptyChoices; error?: string | null }) {
  const uid = useId();
  const id = `${name}-${uid}`;
  const messageId = `${id}-message`;
  return (
    <div className={`field no-choices${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <output id={id} name={name} tabIndex={-1} className="no-choices__note" aria-describedby={messageId}>
        <span className="no-choices__why">{empty.why}</span> <span className="no-choices__todo">{empty.todo}</span>
      </output>
      {/* as FieldMessage in field.tsx writes it (not imported: field.tsx imports this file) */}
      <p id={messageId} className="field__message" aria-live="polite">
        {error && (
          <span className="field__error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </span>
        )}
      </p>
    </div>
  );
}
