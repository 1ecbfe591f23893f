import { useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import { Field, FormMessage } from "../../../components/field";
import { focusFirstError, placeError, requestErrorMessage, type FieldErrors, failureMessage } from "../../../lib/errors";
import { formatDate, todayIn } from "../../../lib/format";
import { AddClosureMutation, RemoveClosureMutation } from "./documents";

export const ClosureList_InstansiFragment = graphql(`
  fragment ClosureList_Instansi on Instansi {
    id
    zonaWaktu
    penutupan(dariTanggal: $dari) {
      id
      tanggal
      alasan
    }
  }
`);

export const CLOSURE_CONTEXT = { additionalTypenames: ["PenutupanInstansi"] };

const CLOSURE_FIELDS = ["tanggal", "alasan"] as const;

export function ClosureList(props: { instansi: FragmentType<typeof ClosureList_InstansiFragment> }) {
  const inst = useFragment(ClosureList_InstansiFragment, props.instansi);
  const [values, setValues] = useState({ tanggal: "", alasan: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, add] = useMutation(AddClosureMutation);
  const [{ fetching: removing }, remove] = useMutation(RemoveClosureMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayIn(inst.zonaWaktu);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const local: FieldErrors = {};
    if (!values.tanggal) local.tanggal = "Pilih tanggal.";
    if (values.alasan.trim().length < 3) local.alasan = "Tulis alasan penutupan (akan dilihat pemohon).";
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError(formRef.current, CLOSURE_FIELDS, local);
    const result = await add({ instansiId: inst.id, ...values }, CLOSURE_CONTEXT);
    const r = result.data?.addPenutupan;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "AddPenutupanSuccess") {
      setValues({ tanggal: "", alasan: "" });
      return setMessage({ kind: "success", text: `Kantor ditandai tutup pada ${formatDate(r.data.tanggal)}.` });
    }
    const placed = placeError(r, CLOSURE_FIELDS);
    setErrors(placed.fields);
    if (placed.form) setMessage({ kind: "error", text: placed.form });
    focusFirstError(formRef.current, CLOSURE_FIELDS, placed.fields);
  }

  async function onRemove(id: string, tanggal: string) {
    if (!window.confirm(`Batalkan penutupan pada ${formatDate(tanggal)}?`)) return;
    const result = await remove({ id }, CLOSURE_CONTEXT);
    const r = result.data?.removePenutupan;
    if (!r || r.__typename !== "RemovePenutupanSuccess") {
      return setMessage({ kind: "error", text: failureMessage(r, result.error) ?? "" });
    }
    setMessage({ kind: "success", text: `Penutupan pada ${formatDate(tanggal)} dibatalkan.` });
  }

  return (
    <div>
      <h3 id="tutup-heading" className="form__title">
        Penutupan kantor
      </h3>
      <p className="muted small">Hari-hari ketika kantor ini tutup di luar hari libur nasional (misalnya rapat kerja atau renovasi).</p>
      {inst.penutupan.length === 0 ? (
        <p className="muted">Tidak ada penutupan mendatang.</p>
      ) : (
        <ul className="closures">
          {inst.penutupan.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{formatDate(p.tanggal)}</strong> — {p.alasan}
              </span>
              <button type="button" className="button button--quiet button--small" disabled={removing} onClick={() => void onRemove(p.id, p.tanggal)}>
                Batalkan<span className="sr-only"> penutupan {formatDate(p.tanggal)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form form--grid" noValidate onSubmit={submit} aria-labelledby="tutup-heading">
        <Field name="tanggal" label="Tanggal tutup" error={errors.tanggal}>
          {(p) => (
            <input
              {...p}
              type="date"
              min={today}
              value={values.tanggal}
              onChange={(e) => {
                setValues((v) => ({ ...v, tanggal: e.target.value }));
                setErrors((x) => ({ ...x, tanggal: "" }));
              }}
            />
          )}
        </Field>
        <Field name="alasan" label="Alasan" hint="Ditampilkan kepada pemohon." error={errors.alasan}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={values.alasan}
              onChange={(e) => {
                setValues((v) => ({ ...v, alasan: e.target.value }));
                setErrors((x) => ({ ...x, alasan: "" }));
              }}
            />
          )}
        </Field>
        {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            Tandai tutup
          </button>
        </div>
      </form>
    </div>
  );
}
