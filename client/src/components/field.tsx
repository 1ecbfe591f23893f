import { useId, useState, type ReactNode } from "react";
import { NoChoices, type EmptyChoices } from "./no-choices";

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
/** The announced line under a control: its error, if any (the id is what the control's aria-describedby names). */
export function FieldMessage({ id, error }: { id: string; error?: string | null }) {
  return (
    <p id={id} className="field__message" aria-live="polite">
      {error && (
        <span className="field__error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </p>
  );
}

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
      <button
        type="button"
        className="button button--quiet password__toggle"
        aria-pressed={visible}
        aria-controls={control.id}
        onClick={() => setVisible((v) => !v)}
      >
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
      <FieldMessage id={messageId} error={error} />
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

interface RadioChoiceProps<T extends string> {
  name: string;
  legend: ReactNode;
  options: ReadonlyArray<readonly [T, ReactNode]>;
  value: T;
  onChange: (value: T) => void;
  /** a group that can be wrong passes its message (null while there is none): the message is announced */
  error?: string | null;
  inline?: boolean;
  /** for a section labelled by the legend */
  legendId?: string;
}

/** One choice of a few, as radio buttons under a legend (the first takes focus for the group's error). */
export function RadioChoice<T extends string>({ name, legend, options, value, onChange, error, inline, legendId }: RadioChoiceProps<T>) {
  const uid = useId();
  const messageId = `${name}-${uid}-message`;
  const withMessage = error !== undefined;
  return (
    <fieldset className={`choice${inline ? " choice--inline" : ""}`} aria-describedby={withMessage ? messageId : undefined}>
      <legend className="field__label" id={legendId}>
        {legend}
      </legend>
      <div className="choice__options">
        {options.map(([v, label]) => (
          <label key={v} className="choice__option">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {label}
          </label>
        ))}
      </div>
      {withMessage && (
        <p id={messageId} className="field__message" aria-live="polite">
          {error && <span className="field__error">⚠ {error}</span>}
        </p>
      )}
    </fieldset>
  );
}

interface CheckboxCardsProps<T extends string> {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly T[];
  /** each option's name and what it means (a caution is shown as a warning) */
  text: Record<T, { label: ReactNode; explanation: ReactNode; caution?: boolean }>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string | null;
}

/** Several of a few, each with a line saying what it means (API scopes, webhook events); the message is announced. */
export function CheckboxCards<T extends string>({ name, legend, hint, options, text, value, onChange, error }: CheckboxCardsProps<T>) {
  const uid = useId();
  const messageId = `${name}-${uid}-message`;
  return (
    <fieldset className={`choice scopes${error ? " field--error" : ""}`} aria-describedby={messageId}>
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="scopes__list">
        {options.map((o) => (
          <label key={o} className="scope">
            <input
              type="checkbox"
              // an id, so the error summary's entry for this group is a real link to its first box
              id={`${name}-${uid}-${o}`}
              name={name}
              value={o}
              checked={value.includes(o)}
              aria-invalid={!!error}
              onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
            />
            <span>
              <span className="scope__label">{text[o].label}</span>
              <span className={`scope__text${text[o].caution ? " scope__text--caution" : ""}`}>{text[o].explanation}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldMessage id={messageId} error={error} />
    </fieldset>
  );
}

interface SelectFieldProps<T extends string> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: T | "";
  onChange: (value: T) => void;
  options: ReadonlyArray<{ id: T; nama: ReactNode }>;
  /** the first, empty option ("— Pilih —") */
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  /** choices that come from the office's data: what to say when there are none (shown once loaded) */
  empty?: EmptyChoices;
  /** the choices have not arrived yet */
  loading?: boolean;
}

/** A labelled drop-down of named things (offices, categories, roles); with `empty`, a note instead of an empty list. */
export function SelectField<T extends string>({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  placeholder,
  disabled,
  autoFocus,
  empty,
  loading,
}: SelectFieldProps<T>) {
  if (empty && !loading && !disabled && options.length === 0) return <NoChoices name={name} label={label} empty={empty} error={error} />;
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(props) => (
        <select
          {...props}
          value={value}
          disabled={disabled}
          // biome-ignore lint/a11y/noAutofocus: passed through only where the control appears in answer to the user's own action
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {/* while the choices are on their way, a chosen (or restored) value is not shown as "nothing chosen" */}
          {loading && !disabled && options.length === 0 ? (
            <option value={value}>Memuat pilihan…</option>
          ) : (
            placeholder !== undefined && <option value="">{placeholder}</option>
          )}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.nama}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A search box of a list, with its button: the term goes on submit. `label` is also its placeholder. */
export function SearchBox({
  id,
  label,
  formLabel,
  value,
  onChange,
  onSearch,
}: {
  id: string;
  label: string;
  formLabel?: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
}) {
  return (
    <form
      className="search"
      role="search"
      aria-label={formLabel}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} type="search" placeholder={label} value={value} onChange={(e) => onChange(e.target.value)} />
      <button type="submit" className="button button--secondary">
        Cari
      </button>
    </form>
  );
}

interface FormActionsProps {
  /** what the submit button says */
  children: ReactNode;
  /** the form's own message (not about one field), above the buttons */
  error?: string | null;
  /** while sending the button is disabled, and says `busyText` when there is one */
  busy?: boolean;
  busyText?: string;
  disabled?: boolean;
  kind?: "primary" | "danger" | "secondary";
  small?: boolean;
  /** a "Batal" button next to it */
  onCancel?: () => void;
  cancelKind?: "quiet" | "secondary";
}

/** The end of a form: its message, the button that sends it, and a way out. */
export function FormActions({ children, error, busy = false, busyText, disabled, kind = "primary", small, onCancel, cancelKind = "quiet" }: FormActionsProps) {
  return (
    <>
      <FormMessage kind="error">{error}</FormMessage>
      <div className="form__actions">
        <button type="submit" className={`button button--${kind}${small ? " button--small" : ""}`} disabled={busy || disabled}>
          {busy && busyText ? busyText : children}
        </button>
        {onCancel && (
          <button type="button" className={`button button--${cancelKind}`} onClick={onCancel}>
            Batal
          </button>
        )}
      </div>
    </>
  );
}

/** The button that opens a page's form for a new thing; the page's last message no longer applies. */
export function OpenFormButton({ onOpen, onReset, children }: { onOpen: () => void; onReset: () => void; children: ReactNode }) {
  return (
    <p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          onOpen();
          onReset();
        }}
      >
        {children}
      </button>
    </p>
  );
}

/**
 * A passphrase that unlocks a signing key (the office's PKCS#12 when the admin uploads it, an official's at each
 * signature): a password box the browser neither fills nor remembers, never capitalised or spell-checked.
 */
export function PassphraseField(props: {
  label: string;
  hint: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <Field name="passphrase" label={props.label} hint={props.hint} error={props.error}>
      {(fp) => (
        <input
          {...fp}
          type="password"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: only where the box appears in answer to the person's own click
          autoFocus={props.autoFocus}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
