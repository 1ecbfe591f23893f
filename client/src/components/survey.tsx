import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import type { JenisKasus } from "../gql/graphql";
import { failureMessage, errorOf } from "../lib/errors";
import { useForm } from "../lib/form";
import { FieldMessage, FormActions, FormMessage } from "./field";
// the nine elements of PermenPAN-RB 14/2017, in the order the API expects the scores
import { UNSUR } from "../../../server/shared/skm";
import "./survey.css";

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

/** What the survey's thanks say once it is sent. */
export const SURVEY_THANKS = "Terima kasih. Penilaian Anda membantu kantor memperbaiki pelayanan.";

/** One answer to the survey: the nine scores (1–4) in the order of UNSUR, and the comment, if any. */
export interface SurveyAnswer {
  skor: number[];
  komentar: string | null;
}

/**
 * The questionnaire itself: the nine elements on the 1–4 scale and an optional comment. A missing element is said
 * by its question (which takes the focus); `onSend` sends the answer however its page does (signed in or by a
 * link) and resolves to the message to show when it failed, or null.
 */
export function SurveyQuestions({ onSend, busy }: { onSend: (answer: SurveyAnswer) => Promise<string | null>; busy: boolean }) {
  const uid = useId();
  const form = useForm<{ skor: Array<number | null>; komentar: string }>(() => ({ skor: UNSUR.map(() => null), komentar: "" }), []);
  const { values, set, formError: error, setFormError: setError } = form;
  // the first element left without a score, once sending was tried
  const [missing, setMissing] = useState<number | null>(null);
  const messageId = (i: number) => `${uid}-skor-${i}-message`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const { skor, komentar } = values;
    const first = skor.findIndex((v) => v == null);
    if (first >= 0) {
      setError(null);
      setMissing(first);
      form.formRef.current?.querySelector<HTMLInputElement>(`input[name="skor-${first}"]`)?.focus();
      return;
    }
    setMissing(null);
    setError(null);
    setError(await onSend({ skor: skor as number[], komentar: komentar.trim() || null }));
  }

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Survei kepuasan masyarakat">
      {UNSUR.map((u, i) => {
        const wrong = missing === i;
        return (
          <fieldset key={u} className={`choice survey__item${wrong ? " survey__item--error" : ""}`}>
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
                    aria-describedby={messageId(i)}
                    aria-invalid={wrong || undefined}
                    onChange={() => {
                      set(
                        "skor",
                        values.skor.map((x, j) => (j === i ? v + 1 : x)),
                      );
                      if (wrong) setMissing(null);
                    }}
                  />
                  {label}
                </label>
              ))}
            </div>
            <FieldMessage id={messageId(i)} error={wrong ? `Beri nilai untuk “${u}” (dan semua unsur lainnya).` : null} />
          </fieldset>
        );
      })}
      <div className="field">
        <label className="field__label" htmlFor={`${uid}-komentar`}>
          Saran atau komentar <span className="field__optional">(tidak wajib)</span>
        </label>
        <textarea id={`${uid}-komentar`} rows={3} maxLength={2000} value={values.komentar} onChange={(e) => set("komentar", e.target.value)} />
      </div>
      <FormActions error={error} busy={busy}>
        Kirim penilaian
      </FormActions>
    </form>
  );
}

/**
 * The satisfaction survey (SKM), once per finished case: nine elements scored 1–4 and an optional comment.
 * Once answered (here or, as the API then says, before) it is not offered again on this device.
 */
export function Survey({ jenisKasus, kasusId }: { jenisKasus: JenisKasus; kasusId: string }) {
  const [done, setDone] = useState(() => typeof localStorage !== "undefined" && localStorage.getItem(storageKey(kasusId)) === "1");
  const [open, setOpen] = useState(false);
  // what to say once answered: thanks, or (answered before, e.g. on another device) the API's own message
  const [answered, setAnswered] = useState<{ kind: "success" | "info"; text: string } | null>(null);
  const [{ fetching }, send] = useMutation(IsiSurveiMutation);

  if (done && !answered) return null;

  async function onSend({ skor, komentar }: SurveyAnswer): Promise<string | null> {
    const r = await send({ jenisKasus, kasusId, skor, komentar });
    const res = r.data?.isiSurveiKepuasan;
    if (res?.__typename === "IsiSurveiKepuasanSuccess" || res?.__typename === "ConflictError") {
      localStorage.setItem(storageKey(kasusId), "1");
      setAnswered(res.__typename === "IsiSurveiKepuasanSuccess" ? { kind: "success", text: SURVEY_THANKS } : { kind: "info", text: errorOf(res).message });
      setDone(true);
      return null;
    }
    return failureMessage(res, r.error);
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
        <SurveyQuestions onSend={onSend} busy={fetching} />
      )}
    </section>
  );
}
