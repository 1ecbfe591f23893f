import { useMemo, useState } from "react";
import type { IdentityType } from "../gql/graphql";
import { formatDate } from "../lib/format";
import { Field, RadioChoice } from "./field";
// the same pure checks the API runs, so mistakes show while typing
import { NIK_ERROR_MESSAGES, NIK_WARNING_MESSAGES, validateNik, type NikWarningCode } from "../../../server/shared/nik";
import { NIP_ERROR_MESSAGES, NIP_WARNING_MESSAGES, validateNip, type NipWarningCode } from "../../../server/shared/nip";

export interface IdentityCheck {
  error?: string;
  ok?: string;
  warning?: string;
  /** digits typed so far / digits needed */
  progress?: string;
}

/**
 * Checks a NIK/NIP while it is typed. An incomplete number only shows a counter until the field is left
 * (`finished`); a wrong character, or a complete number that breaks a rule, shows the API's own message.
 */
export function checkIdentity(type: IdentityType, raw: string, finished: boolean, now = new Date()): IdentityCheck {
  const digits = raw.replace(/\s+/g, "");
  if (!digits) return {};
  const length = type === "NIK" ? 16 : 18;
  const formatMessage = type === "NIK" ? NIK_ERROR_MESSAGES.NIK_FORMAT : NIP_ERROR_MESSAGES.NIP_FORMAT;
  if (/\D/.test(digits) || digits.length > length) return { error: formatMessage };
  if (digits.length < length) return finished ? { error: formatMessage } : { progress: `${digits.length}/${length}` };
  if (type === "NIK") {
    const r = validateNik(digits, now);
    if (!r.ok) return { error: r.message };
    const warning = r.warnings.map((w) => NIK_WARNING_MESSAGES[w as NikWarningCode]).join(" ") || undefined;
    return { ok: `Format NIK benar (tanggal lahir ${formatDate(r.birthDate, { weekday: false })}).`, warning };
  }
  const r = validateNip(digits, now);
  if (!r.ok) return { error: r.message };
  const warning = r.warnings.map((w) => NIP_WARNING_MESSAGES[w as NipWarningCode]).join(" ") || undefined;
  return { ok: `Format NIP benar (tanggal lahir ${formatDate(r.birthDate, { weekday: false })}).`, warning };
}

export interface IdentityValues {
  identityType: IdentityType;
  nomorIdentitas: string;
}

/**
 * The NIK/NIP of a form: whether its box was left (from then on an incomplete number is an error), and the
 * check at sending.
 */
export function useIdentity(values: IdentityValues) {
  const [left, setLeft] = useState(false);
  return {
    left,
    setLeft,
    /** At sending: what is wrong with the number (`missing` when there is none); from then on it counts as finished. */
    problem(missing: string): string | undefined {
      setLeft(true);
      if (!values.nomorIdentitas.trim()) return missing;
      return checkIdentity(values.identityType, values.nomorIdentitas, true).error;
    },
  };
}

interface IdentityFieldsProps {
  legend: string;
  /** the kinds of number offered, in order: what the choice says, and the hint under the number */
  types: ReadonlyArray<{ type: IdentityType; label: string; hint: string }>;
  values: IdentityValues;
  onChange: {
    (key: "identityType", value: IdentityType): void;
    (key: "nomorIdentitas", value: string): void;
  };
  identity: ReturnType<typeof useIdentity>;
  /** the API's message about the number */
  error?: string | null;
  autoComplete: string;
  inline?: boolean;
  /** the check's warnings (an unusual but valid number) go with its confirmation */
  withWarnings?: boolean;
}

/** The kind of identity number (NIK or NIP) and the number itself, checked while it is typed. */
export function IdentityFields({ legend, types, values, onChange, identity, error, autoComplete, inline, withWarnings }: IdentityFieldsProps) {
  const { identityType: type, nomorIdentitas: number } = values;
  const check = useMemo(() => checkIdentity(type, number, identity.left), [type, number, identity.left]);
  const shownError = error || check.error;
  const ok = withWarnings && check.ok && check.warning ? `${check.ok} ${check.warning}` : check.ok;
  return (
    <>
      <RadioChoice
        name="identityType"
        legend={legend}
        inline={inline}
        options={types.map((t) => [t.type, t.label] as const)}
        value={type}
        onChange={(t) => {
          onChange("identityType", t);
          identity.setLeft(false);
        }}
      />
      <Field
        name="nomorIdentitas"
        label={type}
        hint={types.find((t) => t.type === type)?.hint}
        error={shownError}
        success={!shownError ? ok : null}
        aside={check.progress}
      >
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="numeric"
            autoComplete={autoComplete}
            value={number}
            onChange={(e) => onChange("nomorIdentitas", e.target.value)}
            onBlur={() => identity.setLeft(true)}
          />
        )}
      </Field>
    </>
  );
}
