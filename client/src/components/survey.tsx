import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { JenisKasus } from "../gql/graphql";
import { failureMessage, errorOf } from "../lib/errors";
import { useForm } from "../lib/form";
import { FormActions, FormMessage } from "./field";
// the nine elements of PermenPAN-RB 14/2017, in the order the API expects the scores
import { UNSUR } from "../../../server/shared/skm";

const IsiSurveiMutation = graphql(`
  mutation IsiSurvei($jenisKasus: JenisKasus!, $kasusId: ID!, $skor: [Int!]!, $komentar: String) {
    isiSurveiKepuasan(jenisKasus: $jenisKasus, kasusId: $kasusId, skor: $skor, komentar: $komentar) {
      __typename
      ...ErrorFields
    }
  }
`);

const SCALE = ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"];
const storageKey = (id: string) => `loket:survei:${id}`;

/**
 * The satisfaction survey (SKM), once per finished case: nine elements scored 1–4 and an optional comment.
 * Once answered (here or, as the API then says, before) it is not offered again on this device.
 */
export function Survey({ jenisKasus, kasusId }: { jenisKasus: JenisKasus; kasusId: string }) {
  const [done, setDone] = useState(() => typeof localStorage !== "undefined" && localStorage.getItem(storageKey(kasusId)) === "1");
  const [open, setOpen] = useState(false);
  // one message for the whole scale (which element is missing), beside the button: nine radio groups are no fields to list
  const form = useForm<{ skor: Array<number | null>; komentar: string }>(() => ({ skor: UNSUR.map(() => null), komentar: "" }), []);
  const { values, set, formError: error, setFormError: setError } = form;
  // what to say once answered: thanks, or (answered before, e.g. on another device) the API's own message
  const [answered, setAnswered] = useState<{ kind: "success" | "info"; text: string } | null>(null);
  const [{ fetching }, send] = useMutation(IsiSurveiMutation);

  if (done && !answered) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { skor, komentar } = values;
    const missing = skor.findIndex((v) => v == null);
    if (missing >= 0) {
      setError(`Beri nilai untuk “${UNSUR[missing]}” (dan semua unsur lainnya).`);
      form.formRef.current?.querySelector<HTMLInputElement>(`input[name="skor-${missing}"]`)?.focus();
      return;
    }
    setError(null);
    const r = await send({ jenisKasus, kasusId, skor: skor as number[], komentar: komentar.trim() || null });
    const res = r.data?.isiSurveiKepuasan;
    if (res?.__typename === "IsiSurveiKepuasanSuccess" || res?.__typename === "ConflictError") {
      localStorage.setItem(storageKey(kasusId), "1");
      setAnswered(
        res.__typename === "IsiSurveiKepuasanSuccess"
          ? { kind: "success", text: "Terima kasih. Penilaian Anda membantu kantor memperbaiki pelayanan." }
          : { kind: "info", text: errorOf(res).message },
      );
      setDone(true);
      return;
    }
    setError(failureMessage(res, r.error));
  }

  return (
    <section className="card survey" aria-labelledby={`survei-${kasusId}`}>
      <h2 id={`survei-${kasusId}`}>Survei kepuasan</h2>
      {answered ? (
        <FormMessage kind={answered.kind}>{answered.text}</FormMessage>
      ) : !open ? (
        <>
          <p>Bagaimana pelayanan yang Anda terima? Sembilan pertanyaan singkat, tanpa nama.</p>
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            Isi survei
          </button>
        </>
      ) : (
        <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Survei kepuasan masyarakat">
          {UNSUR.map((u, i) => (
            <fieldset key={u} className="choice survey__item">
              <legend className="field__label">
                {i + 1}. {u}
              </legend>
              <div className="survey__scale">
                {SCALE.map((label, v) => (
                  <label key={label} className="choice__option">
                    <input
                      type="radio"
                      name={`skor-${i}`}
                      value={v + 1}
                      checked={values.skor[i] === v + 1}
                      onChange={() => {
                        set(
                          "skor",
                          values.skor.map((x, j) => (j === i ? v + 1 : x)),
                        );
                        setError(null);
                      }}
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="field">
            <label className="field__label" htmlFor={`komentar-${kasusId}`}>
              Saran atau komentar <span className="field__optional">(tidak wajib)</span>
            </label>
            <textarea id={`komentar-${kasusId}`} rows={3} maxLength={2000} value={values.komentar} onChange={(e) => set("komentar", e.target.value)} />
          </div>
          <FormActions error={error} busy={fetching}>
            Kirim penilaian
          </FormActions>
        </form>
      )}
    </section>
  );
}
