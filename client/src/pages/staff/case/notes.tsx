import { useState, type FormEvent } from "react";
import { CardSection } from "../../../components/card-section";
import { Field, FormActions } from "../../../components/field";
import { formatDateTime } from "../../../lib/format";

export function NotesSection({ notes, zone, onAdd }: { notes: ReadonlyArray<{ createdAt: string; isi: string; penulis: string }>; zone: string; onAdd: (isi: string) => Promise<string | null> }) {
  const [isi, setIsi] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (isi.trim().length < 2) return setError("Tulis catatannya dulu.");
    setBusy(true);
    const err = await onAdd(isi.trim());
    setBusy(false);
    setError(err);
    if (!err) setIsi("");
  }
  return (
    <CardSection id="catatan-internal" title="Catatan internal">
      <p className="muted small">Hanya untuk petugas; tidak pernah ditampilkan kepada pemohon.</p>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n, i) => (
            <li key={i}>
              <p className="notes__text">{n.isi}</p>
              <p className="muted small">
                {n.penulis} · {formatDateTime(n.createdAt, zone)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form className="form" noValidate onSubmit={submit} aria-label="Tambah catatan internal">
        <Field name="isi" label="Catatan baru" error={error} required={false}>
          {(fp) => <textarea {...fp} rows={3} value={isi} onChange={(e) => setIsi(e.target.value)} />}
        </Field>
        <FormActions busy={busy} kind="secondary" small>
          Simpan catatan
        </FormActions>
      </form>
    </CardSection>
  );
}
