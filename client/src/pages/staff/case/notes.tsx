import { useState, type FormEvent } from "react";
import { useForm } from "../../../lib/form";
import { CardSection } from "../../../components/card-section";
import { Field, FormActions } from "../../../components/field";
import { formatDateTime } from "../../../lib/format";

const FIELDS = ["isi"];

export function NotesSection({
  notes,
  zone,
  onAdd,
}: {
  notes: ReadonlyArray<{ createdAt: string; isi: string; penulis: string }>;
  zone: string;
  onAdd: (isi: string) => Promise<string | null>;
}) {
  const form = useForm({ isi: "" }, FIELDS);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const isi = form.values.isi.trim();
    if (!form.checked(isi.length < 2 ? { isi: "Tulis catatannya dulu." } : {})) return;
    setBusy(true);
    const err = await onAdd(isi);
    setBusy(false);
    if (err) form.checked({ isi: err });
    else form.setValues({ isi: "" });
  }
  return (
    <CardSection id="catatan-internal" title="Catatan internal">
      <p className="muted small">Hanya untuk petugas; tidak pernah ditampilkan kepada pemohon.</p>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes are only ever appended and carry no id
            <li key={i}>
              <p className="notes__text">{n.isi}</p>
              <p className="muted small">
                {n.penulis} · {formatDateTime(n.createdAt, zone)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Tambah catatan internal">
        <Field name="isi" label="Catatan baru" error={form.errors.isi} required={false}>
          {(fp) => <textarea {...fp} rows={3} value={form.values.isi} onChange={(e) => form.set("isi", e.target.value)} />}
        </Field>
        <FormActions busy={busy} kind="secondary" small>
          Simpan catatan
        </FormActions>
      </form>
    </CardSection>
  );
}
