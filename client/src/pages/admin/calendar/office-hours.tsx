import { useMemo, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import { FormMessage } from "../../../components/field";
import { errorOf, problemsOf, requestErrorMessage } from "../../../lib/errors";
import { DAY_NAMES } from "../../../lib/labels";
import { checkHours, type HoursControl, type HoursErrors, placeHoursProblems } from "./checks";
import { SetHoursMutation } from "./documents";

export const OfficeHoursEditor_InstansiFragment = graphql(`
  fragment OfficeHoursEditor_Instansi on Instansi {
    id
    zonaWaktuLabel
    jamLayanan {
      hari
      buka
      tutup
    }
  }
`);

interface HourRow {
  key: number;
  hari: number;
  buka: string;
  tutup: string;
}

let rowKey = 0;

export function OfficeHoursEditor(props: { instansi: FragmentType<typeof OfficeHoursEditor_InstansiFragment> }) {
  const inst = useFragment(OfficeHoursEditor_InstansiFragment, props.instansi);
  const initial = useMemo(
    () =>
      [...inst.jamLayanan]
        .sort((a, b) => a.hari - b.hari || a.buka.localeCompare(b.buka))
        .map((j) => ({ key: ++rowKey, hari: j.hari, buka: j.buka, tutup: j.tutup })),
    [inst.jamLayanan],
  );
  const [rows, setRows] = useState<HourRow[]>(initial);
  // by row key: the message, and the control it is about
  const [rowErrors, setRowErrors] = useState<Record<number, { message: string; control: HoursControl }>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, save] = useMutation(SetHoursMutation);

  function update(key: number, patch: Partial<HourRow>) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setRowErrors({});
    setMessage(null);
  }

  /**
   * Each row's problem beside it, the list's own below it; the wrong control of the first row with a problem gets
   * the focus (the closing time that is before the opening, not the row's day).
   */
  function show(found: HoursErrors): boolean {
    const byKey: Record<number, { message: string; control: HoursControl }> = {};
    for (const [i, message] of Object.entries(found.rows)) {
      const row = rows[Number(i)];
      if (row) byKey[row.key] = { message, control: found.controls[Number(i)] ?? "hari" };
    }
    setRowErrors(byKey);
    if (found.list) setMessage({ kind: "error", text: found.list });
    const first = rows.find((r) => byKey[r.key]);
    if (first) document.getElementById(`jam-${byKey[first.key]!.control}-${first.key}`)?.focus();
    return Object.keys(byKey).length > 0 || found.list !== null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setRowErrors({});
    const jamLayanan = rows.map(({ hari, buka, tutup }) => ({ hari, buka, tutup }));
    if (show(checkHours(jamLayanan))) return;
    const result = await save({ instansiId: inst.id, jamLayanan });
    const r = result.data?.setJamLayanan;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "SetJamLayananSuccess") return setMessage({ kind: "success", text: "Jam layanan disimpan. Tenggat yang berjalan dihitung ulang." });
    show(placeHoursProblems(problemsOf(errorOf(r))));
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="jam-heading">
      <h3 id="jam-heading" className="form__title">
        Jam layanan ({inst.zonaWaktuLabel})
      </h3>
      <p className="muted small">
        Satu baris untuk setiap rentang buka. Hari tanpa baris dianggap tutup. Untuk jam istirahat, buat dua baris pada hari yang sama.
      </p>
      <ul className="hours-editor">
        {rows.map((r, i) => (
          <li key={r.key} className={`hours-editor__row${rowErrors[r.key] ? " field--error" : ""}`}>
            <div className="hours-editor__inputs">
              <label>
                <span className="field__label">
                  Hari<span className="sr-only"> baris {i + 1}</span>
                </span>
                <select
                  id={`jam-hari-${r.key}`}
                  value={r.hari}
                  onChange={(e) => update(r.key, { hari: Number(e.target.value) })}
                  aria-describedby={`jam-err-${r.key}`}
                  aria-invalid={rowErrors[r.key]?.control === "hari"}
                >
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option key={d} value={d}>
                      {DAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="field__label">
                  Buka<span className="sr-only"> baris {i + 1}</span>
                </span>
                <input
                  id={`jam-buka-${r.key}`}
                  type="time"
                  value={r.buka}
                  onChange={(e) => update(r.key, { buka: e.target.value })}
                  aria-describedby={`jam-err-${r.key}`}
                  aria-invalid={rowErrors[r.key]?.control === "buka"}
                />
              </label>
              <label>
                <span className="field__label">
                  Tutup<span className="sr-only"> baris {i + 1}</span>
                </span>
                <input
                  id={`jam-tutup-${r.key}`}
                  type="time"
                  value={r.tutup}
                  onChange={(e) => update(r.key, { tutup: e.target.value })}
                  aria-describedby={`jam-err-${r.key}`}
                  aria-invalid={rowErrors[r.key]?.control === "tutup"}
                />
              </label>
              <button type="button" className="button button--quiet button--small" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                Hapus
                <span className="sr-only">
                  {" "}
                  baris {i + 1} ({DAY_NAMES[r.hari]})
                </span>
              </button>
            </div>
            <p id={`jam-err-${r.key}`} className="field__message" aria-live="polite">
              {rowErrors[r.key] && (
                <span className="field__error">
                  <span aria-hidden="true">⚠ </span>
                  {rowErrors[r.key]!.message}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const last = rows[rows.length - 1];
            setRows((rs) => [
              ...rs,
              { key: ++rowKey, hari: last ? Math.min(7, last.hari + 1) : 1, buka: last?.buka ?? "08:00", tutup: last?.tutup ?? "16:00" },
            ]);
          }}
        >
          Tambah baris
        </button>
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Menyimpan…" : "Simpan jam layanan"}
        </button>
      </div>
    </form>
  );
}
