import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions, FormMessage } from "../../../components/field";
import { failureMessage } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { formatDate, todayIn } from "../../../lib/format";
import { checkClosure } from "./checks";
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

/** How far back the closures list reaches: a closure may be recorded after the day (the API accepts past dates). */
export const RECENT_DAYS = 60;

const CLOSURE_FIELDS = ["tanggal", "alasan"] as const;

export function ClosureList(props: { instansi: FragmentType<typeof ClosureList_InstansiFragment> }) {
  const inst = useFragment(ClosureList_InstansiFragment, props.instansi);
  const { values, setValues, bind, errors, formError, setFormError, formRef, checked, showApiError, showRequestError, summary } = useForm(
    { tanggal: "", alasan: "" },
    CLOSURE_FIELDS,
  );
  // what the last addition or removal did (a failed addition is the form's own error)
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, add] = useMutation(AddClosureMutation);
  const [{ fetching: removing }, remove] = useMutation(RemoveClosureMutation);
  const today = todayIn(inst.zonaWaktu);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setFormError(null);
    if (!checked(checkClosure(values))) return;
    const result = await add({ instansiId: inst.id, ...values }, CLOSURE_CONTEXT);
    const r = result.data?.addPenutupan;
    if (!r) return showRequestError(result.error);
    if (r.__typename === "AddPenutupanSuccess") {
      setValues({ tanggal: "", alasan: "" });
      return setMessage({ kind: "success", text: `Kantor ditandai tutup pada ${formatDate(r.data.tanggal)}.` });
    }
    showApiError(r);
  }

  async function onRemove(id: string, tanggal: string) {
    if (!window.confirm(`Batalkan penutupan pada ${formatDate(tanggal)}?`)) return;
    setFormError(null);
    const result = await remove({ id }, CLOSURE_CONTEXT);
    const r = result.data?.removePenutupan;
    if (r?.__typename !== "RemovePenutupanSuccess") {
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
        <p className="muted">Tidak ada penutupan mendatang maupun dalam {RECENT_DAYS} hari terakhir.</p>
      ) : (
        <ul className="closures">
          {inst.penutupan.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{formatDate(p.tanggal)}</strong>
                {p.tanggal < today && <span className="muted"> (sudah lewat)</span>} — {p.alasan}
              </span>
              <button type="button" className="button button--quiet button--small" disabled={removing} onClick={() => void onRemove(p.id, p.tanggal)}>
                Batalkan<span className="sr-only"> penutupan {formatDate(p.tanggal)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form form--grid" noValidate onSubmit={submit} aria-labelledby="tutup-heading">
        <ErrorSummary {...summary} />
        <Field
          name="tanggal"
          label="Tanggal tutup"
          hint="Hari yang sudah lewat (misalnya tutup karena banjir) juga dapat dicatat; tenggat pengajuan yang berjalan ikut disesuaikan dan tercatat di jejak audit."
          error={errors.tanggal}
        >
          {(p) => <input {...p} type="date" {...bind("tanggal")} />}
        </Field>
        <Field name="alasan" label="Alasan" hint="Ditampilkan kepada pemohon." error={errors.alasan}>
          {(p) => <input {...p} type="text" {...bind("alasan")} />}
        </Field>
        {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
        <FormActions error={formError} busy={fetching}>
          Tandai tutup
        </FormActions>
      </form>
    </div>
  );
}
