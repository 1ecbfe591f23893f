import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { normalizeEmail } from "../../../../server/shared/contact";
import { waMe } from "../../../../server/shared/bantuan";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, FormMessage } from "../../components/field";
import { errorOf } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { UbahKontakInstansiMutation } from "./documents";

const FIELDS = ["alamat", "telepon", "whatsapp", "email", "website"] as const;
type Kontak = Record<(typeof FIELDS)[number], string>;

/** The office's contact block as its admin keeps it (the same profile fields as everywhere Instansi is shown). */
export function KontakForm({ instansi, onChanged }: { instansi: Kontak & { id: string }; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useForm<Kontak>(
    () => ({ alamat: instansi.alamat, telepon: instansi.telepon, whatsapp: instansi.whatsapp, email: instansi.email, website: instansi.website }),
    FIELDS,
  );
  const [{ fetching }, ubah] = useMutation(UbahKontakInstansiMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = form.values;
    const local: Record<string, string> = {};
    if (v.whatsapp.trim() && !waMe(v.whatsapp)) local.whatsapp = "Nomor WhatsApp tidak valid; tulis nomor Indonesia, misalnya 0812-3456-7890.";
    if (v.email.trim() && !normalizeEmail(v.email)) local.email = "Alamat email tidak valid.";
    if (!form.checked(local)) return;
    const r = await ubah({ id: instansi.id, input: v });
    const res = r.data?.updateInstansi;
    const err = errorOf(res);
    if (err) return form.showApiError(err);
    if (!res) return form.showRequestError(r.error);
    setOpen(false);
    setSaved(true);
    onChanged();
  }

  if (!open) {
    return (
      <>
        <FormMessage kind="success">{saved ? "Kontak instansi disimpan." : null}</FormMessage>
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            Ubah kontak instansi
          </button>
        </p>
      </>
    );
  }
  const text = (name: (typeof FIELDS)[number], label: string, hint?: string, type = "text") => (
    <Field name={name} label={label} hint={hint} required={false} error={form.errors[name]}>
      {(props) => <input {...props} type={type} maxLength={500} {...form.bind(name)} />}
    </Field>
  );
  return (
    <form ref={form.formRef} className="card form bantuan__form" noValidate onSubmit={submit} aria-label="Ubah kontak instansi">
      <ErrorSummary {...form.summary} />
      {text("alamat", "Alamat kantor")}
      {text("telepon", "Telepon", undefined, "tel")}
      {text("whatsapp", "WhatsApp", "Nomor yang dapat dihubungi warga lewat WhatsApp, misalnya 0812-3456-7890.", "tel")}
      {text("email", "Email", undefined, "email")}
      {text("website", "Situs web")}
      <FormActions busy={fetching} error={form.formError} onCancel={() => setOpen(false)}>
        Simpan kontak
      </FormActions>
    </form>
  );
}
