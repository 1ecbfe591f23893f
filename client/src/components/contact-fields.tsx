import type { ReactNode } from "react";
import type { FieldErrors } from "../lib/errors";
import { Field } from "./field";

export interface Contact {
  namaLengkap: string;
  email: string;
  telepon: string;
}

/**
 * A person's name, email and phone number (registering, an account made for a colleague, one's own profile).
 * `own`: the data of the person at the keyboard, which the browser may fill in.
 */
export function ContactFields(props: {
  values: Contact;
  onChange: (key: keyof Contact, value: string) => void;
  errors: FieldErrors;
  hints: { namaLengkap: ReactNode; email: ReactNode; telepon?: ReactNode };
  own: boolean;
}) {
  const { values, onChange, errors, hints, own } = props;
  return (
    <>
      <Field name="namaLengkap" label="Nama lengkap" hint={hints.namaLengkap} error={errors.namaLengkap}>
        {(p) => (
          <input {...p} type="text" autoComplete={own ? "name" : "off"} value={values.namaLengkap} onChange={(e) => onChange("namaLengkap", e.target.value)} />
        )}
      </Field>
      <Field name="email" label="Email" hint={hints.email} error={errors.email}>
        {(p) => (
          <input
            {...p}
            type="email"
            autoComplete={own ? "email" : "off"}
            autoCapitalize="none"
            spellCheck={false}
            value={values.email}
            onChange={(e) => onChange("email", e.target.value)}
          />
        )}
      </Field>
      <Field name="telepon" label="Nomor telepon / WhatsApp" hint={hints.telepon} error={errors.telepon}>
        {(p) => (
          <input
            {...p}
            type="tel"
            inputMode="tel"
            autoComplete={own ? "tel" : "off"}
            value={values.telepon}
            onChange={(e) => onChange("telepon", e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
