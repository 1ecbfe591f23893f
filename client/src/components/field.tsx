import { useId, useState, type ReactNode } from "react";

export interface ControlProps {
  id: string;
  name: string;
  "aria-describedby": string;
  "aria-invalid": boolean;
  required?: boolean;
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** shown in red, and announced */
  error?: string | null;
  /** shown in green when there is no error, and announced */
  success?: ReactNode;
  /** not announced (e.g. a character counter) */
  aside?: ReactNode;
  required?: boolean;
  children: (props: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its message, both tied to it with aria-describedby. */
export function Field({ name, label, hint, error, success, aside, required = true, children }: FieldProps) {
  const uid = useId();
  const id = `${name}-${uid}`;
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {!required && <span className="field__optional"> (tidak wajib)</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        "aria-describedby": hint ? `${hintId} ${messageId}` : messageId,
        "aria-invalid": !!error,
        required,
      })}
      <div className="field__below">
        <p id={messageId} className="field__message" aria-live="polite">
          {error ? (
            <span className="field__error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </span>
          ) : success ? (
            <span className="field__success">
              <span aria-hidden="true">✓ </span>
              {success}
            </span>
          ) : null}
        </p>
        {aside && (
          <span className="field__aside" aria-hidden="true">
            {aside}
          </span>
        )}
      </div>
    </div>
  );
}

/** A password box with a button that shows what was typed (easier on a phone than a second box). */
export function PasswordInput(props: ControlProps & { value: string; onChange: (v: string) => void; autoComplete: string }) {
  const [visible, setVisible] = useState(false);
  const { value, onChange, autoComplete, ...control } = props;
  return (
    <div className="password">
      <input
        {...control}
        type={visible ? "text" : "password"}
        value={value}
        autoComplete={autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="button" className="button button--quiet password__toggle" aria-pressed={visible} aria-controls={control.id} onClick={() => setVisible((v) => !v)}>
        {visible ? "Sembunyikan" : "Tampilkan"}
        <span className="sr-only"> kata sandi</span>
      </button>
    </div>
  );
}

interface CheckboxProps {
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null;
  children: ReactNode;
}

export function Checkbox({ name, checked, onChange, error, children }: CheckboxProps) {
  const uid = useId();
  const id = `${name}-${uid}`;
  const messageId = `${id}-message`;
  return (
    <div className={`field field--check${error ? " field--error" : ""}`}>
      <div className="check">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          aria-invalid={!!error}
          aria-describedby={messageId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{children}</label>
      </div>
      <p id={messageId} className="field__message" aria-live="polite">
        {error ? (
          <span className="field__error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** A message for the whole form (or the result of an action), announced when it appears. */
export function FormMessage({ kind, children, id }: { kind: "error" | "success" | "info"; children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div id={id} className={`alert alert--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
