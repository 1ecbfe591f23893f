import { savedAt, type AutosaveStatus } from "./autosave";

/**
 * What the autosave did, said calmly: "Tersimpan 10.42" (announced politely, once a minute at most since the text
 * only changes with the minute), a save that did not go through, or fields someone else changed meanwhile, with
 * their text so that nothing is lost from view.
 */
export function AutosaveNote({ status, labelOf, onDismiss }: { status: AutosaveStatus; labelOf: (key: string) => string; onDismiss: () => void }) {
  if (status.kind === "conflict") {
    return (
      <div className="alert alert--warning" role="status">
        <p>
          <strong>Draf ini juga diubah di tab atau perangkat lain.</strong> Yang tampil di formulir adalah ketikan Anda dan itulah yang disimpan. Isian dari
          tempat lain:
        </p>
        <ul>
          {status.fields.map((f) => (
            <li key={f.key}>
              {labelOf(f.key)}: {f.theirs ? <q>{f.theirs}</q> : "(dikosongkan)"}
            </li>
          ))}
        </ul>
        <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
          Mengerti
        </button>
      </div>
    );
  }
  return (
    <p className={`autosave${status.kind === "failed" ? " autosave--failed" : ""}`} aria-live="polite">
      {status.kind === "saved" && savedAt(status.at)}
      {status.kind === "failed" && `Belum tersimpan: ${status.message}`}
    </p>
  );
}
