import { useMemo, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import { FormMessage } from "../../../components/field";
import { requestErrorMessage, errorOf } from "../../../lib/errors";
import { DAY_NAMES } from "../../../lib/labels";
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
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, save] = useMutation(SetHoursMutation);

  function update(key: number, patch: Partial<HourRow>) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setRowErrors({});
    setMessage(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setRowErrors({});
    const result = await save({ instansiId: inst.id, jamLayanan: rows.map(({ hari, buka, tutup }) => ({ hari, buka, tutup })) });
    const r = result.data?.setJamLayanan;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "SetJamLayananSuccess") return setMessage({ kind: "success", text: "Jam layanan disimpan. Tenggat yang berjalan dihitung ulang." });
    const err = errorOf(r);
    const m = err.field?.match(/^jamLayanan\.(\d+)\./);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row) setRowErrors({ [row.key]: err.message });
    else setMessage({ kind: "error", text: err.message });
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
                <span className="field__label">Hari</span>
                <select value={r.hari} onChange={(e) => update(r.key, { hari: Number(e.target.value) })} aria-describedby={`jam-err-${r.key}`}>
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option key={d} value={d}>
                      {DAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="field__label">Buka</span>
                <input type="time" value={r.buka} onChange={(e) => update(r.key, { buka: e.target.value })} aria-describedby={`jam-err-${r.key}`} />
              </label>
              <label>
                <span className="field__label">Tutup</span>
                <input type="time" value={r.tutup} onChange={(e) => update(r.key, { tutup: e.target.value })} aria-describedby={`jam-err-${r.key}`} />
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
              {rowErrors[r.key] && <span className="field__error">⚠ {rowErrors[r.key]}</span>}
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
