import { graphql, useFragment, type FragmentType } from "../gql";
import type { FormFieldType } from "../gql/graphql";
import type { FieldErrors } from "../lib/errors";
import { Field } from "./field";
// the API's own validator for a service's form, so the same values pass or fail in the browser and on the server
import { validateForm, type FieldDef } from "../../../server/shared/form";

export const ServiceForm_FormFieldFragment = graphql(`
  fragment ServiceForm_FormField on FormField {
    nama
    label
    tipe
    wajib
    bantuan
    opsi
    min
    max
    pola
  }
`);

export type FormValues = Record<string, string>;

/** Where an error about a form value is shown: the API names it `formData.<nama>`. */
export const formKey = (nama: string) => `formData.${nama}`;

/**
 * Checks values against a service's field definitions exactly as the API will: `partial` (while a draft is
 * being filled) refuses malformed values but not empty required ones.
 */
export function checkServiceForm(defs: readonly FieldDef[], values: FormValues, partial: boolean): FieldErrors {
  const { errors } = validateForm(defs, values, { partial });
  return Object.fromEntries(errors.map((e) => [formKey(e.field), e.message]));
}

const TYPE_HINT: Partial<Record<FormFieldType, string>> = {
  NIK: "16 angka, sesuai KTP atau Kartu Keluarga.",
  PHONE: "Contoh: 081234567890.",
  EMAIL: "Contoh: nama@contoh.id.",
};

/** From the API's stored values (numbers stay numbers there) to the strings the inputs hold. */
export function toFormValues(data: unknown): FormValues {
  if (!data || typeof data !== "object") return {};
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>)
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, String(v)]),
  );
}

interface ServiceFormProps {
  fields: ReadonlyArray<FragmentType<typeof ServiceForm_FormFieldFragment>>;
  values: FormValues;
  errors: FieldErrors;
  onChange: (nama: string, value: string) => void;
  /** called with the field's own check when it is left (a malformed value is shown at once) */
  onFieldChecked: (key: string, message: string | null) => void;
  disabled?: boolean;
}

/** The fields of a service's application form, drawn from its definition. */
export function ServiceForm({ fields: masked, values, errors, onChange, onFieldChecked, disabled }: ServiceFormProps) {
  const fields = useFragment(ServiceForm_FormFieldFragment, masked);
  if (fields.length === 0) return null;
  const defs = fields as unknown as FieldDef[];

  function checkOne(nama: string, value: string) {
    const def = defs.find((d) => d.nama === nama);
    if (!def) return;
    const found = checkServiceForm([def], { [nama]: value }, true);
    onFieldChecked(formKey(nama), found[formKey(nama)] ?? null);
  }

  return (
    <div className="service-form">
      {fields.map((f) => {
        const key = formKey(f.nama);
        const value = values[f.nama] ?? "";
        const hint = [f.bantuan, TYPE_HINT[f.tipe]].filter(Boolean).join(" ") || undefined;
        const change = (v: string) => {
          onChange(f.nama, v);
          if (errors[key]) onFieldChecked(key, null);
        };
        return (
          <Field key={f.nama} name={key} label={f.label} hint={hint} error={errors[key]} required={f.wajib}>
            {(props) => {
              const common = { ...props, disabled, value, onBlur: () => checkOne(f.nama, value) };
              switch (f.tipe) {
                case "TEXTAREA":
                  return <textarea {...common} rows={4} maxLength={f.max ?? undefined} onChange={(e) => change(e.target.value)} />;
                case "SELECT":
                  return (
                    <select {...common} onChange={(e) => change(e.target.value)}>
                      <option value="">— Pilih —</option>
                      {f.opsi.map((o) => (
                        <option key={o} value={o}>
                          {o}
                        </option>
                      ))}
                    </select>
                  );
                case "DATE":
                  return <input {...common} type="date" onChange={(e) => change(e.target.value)} />;
                case "NUMBER":
                  return <input {...common} type="text" inputMode="decimal" onChange={(e) => change(e.target.value)} />;
                case "NIK":
                  return <input {...common} type="text" inputMode="numeric" autoComplete="off" onChange={(e) => change(e.target.value)} />;
                case "PHONE":
                  return <input {...common} type="tel" inputMode="tel" autoComplete="tel" onChange={(e) => change(e.target.value)} />;
                case "EMAIL":
                  return (
                    <input {...common} type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} onChange={(e) => change(e.target.value)} />
                  );
                default:
                  return <input {...common} type="text" maxLength={f.max ?? undefined} onChange={(e) => change(e.target.value)} />;
              }
            }}
          </Field>
        );
      })}
    </div>
  );
}
