import { useRef, useState, type ChangeEvent } from "react";
import type { CombinedError } from "urql";
import { focusFirstError, placeError, requestErrorMessage, type FieldErrors } from "./errors";

/**
 * A form's messages per field. A value that changes makes the messages about it (from the last check or from
 * the API) stale: `clear` drops them, and `edited(key, set)` is a setter that does both.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  function clear(...keys: string[]) {
    if (keys.some((k) => errors[k])) setErrors((x) => ({ ...x, ...Object.fromEntries(keys.map((k) => [k, ""])) }));
  }
  function edited<T>(key: string, set: (value: T) => void) {
    return (value: T) => {
      set(value);
      clear(key);
    };
  }
  return { errors, setErrors, clear, edited };
}

/**
 * A form's values and messages. `fields` are the names on the form in their order on screen: the first one with
 * a message takes keyboard focus, so screen-reader users hear it at once.
 */
export function useForm<T extends object>(initial: T | (() => T), fields: readonly string[]) {
  const [values, setValues] = useState<T>(initial);
  const { errors, setErrors, clear, edited } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // each time the messages are shown anew (a check, an answer): the error summary takes focus once per attempt
  const [attempt, setAttempt] = useState(0);

  function show(next: FieldErrors) {
    setErrors(next);
    setAttempt((n) => n + 1);
    focusFirstError(formRef.current, fields, next);
  }

  /** Changes one value; the messages about it no longer apply. */
  function set<K extends keyof T & string>(key: K, value: T[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  }

  /** Shows the messages of the check before sending; true when there are none. */
  function checked(local: FieldErrors): boolean {
    if (!Object.keys(local).length) {
      setErrors(local);
      return true;
    }
    show(local);
    return false;
  }

  /** Shows these messages (of a page's own check) at their fields, and `form` for the whole form. */
  function showErrors(next: FieldErrors, form: string | null = null) {
    setFormError(form);
    show(next);
  }

  /**
   * Shows an API error: each of its problems at the field it names (`aliases`: the API's names for the form's
   * fields), the others for the whole form.
   */
  function showApiError(err: object, aliases?: Record<string, string>) {
    const placed = placeError(err, fields, aliases);
    setFormError(placed.form);
    show(placed.fields);
  }

  /**
   * Shows a request-level failure (no connection, forbidden…): at `field` when it concerns one (e.g. a role the
   * admin may not give), else for the whole form.
   */
  function showRequestError(error: CombinedError | undefined | null, field?: string) {
    const message = requestErrorMessage(error) ?? "";
    if (field) {
      setFormError(null);
      show({ [field]: message });
    } else setFormError(message);
  }

  /** `value` and `onChange` for a text box, text area or drop-down holding the string value `key`. */
  function bind<K extends { [P in keyof T]: T[P] extends string ? P : never }[keyof T] & string>(key: K) {
    return {
      value: values[key] as string,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(key, e.target.value as T[K]),
    };
  }

  /** What `<ErrorSummary {...summary} />` at the top of the form needs. */
  const summary = { formRef, fields, errors, attempt };

  return {
    values,
    setValues,
    set,
    errors,
    setErrors,
    clear,
    edited,
    formError,
    setFormError,
    formRef,
    checked,
    showErrors,
    showApiError,
    showRequestError,
    bind,
    summary,
  };
}
