import { useId, useState } from "react";
import { useMutation } from "urql";
import { Field, FormMessage } from "../../components/field";
import { failureMessage } from "../../lib/errors";
import { BatalkanKunjunganMutation } from "./documents";

/** "Batalkan" with a confirmation in place (and an optional reason): the place is freed for someone else. */
export function BatalkanKunjungan({ id, kode }: { id: string; kode: string }) {
  const [confirming, setConfirming] = useState(false);
  const [alasan, setAlasan] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, batalkan] = useMutation(BatalkanKunjunganMutation);
  const uid = useId();

  async function yes() {
    setError(null);
    const r = await batalkan({ id, alasan: alasan.trim() || null });
    if (r.data?.batalkanKunjungan.__typename !== "BatalkanKunjunganSuccess") setError(failureMessage(r.data?.batalkanKunjungan, r.error));
  }

  if (!confirming)
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        Batalkan<span className="sr-only"> kunjungan {kode}</span>
      </button>
    );
  return (
    <div className="kunjungan-batal" role="group" aria-labelledby={`${uid}-q`}>
      <p id={`${uid}-q`}>
        <strong>Batalkan kunjungan {kode}?</strong> Tempat Anda akan diberikan kepada orang lain.
      </p>
      <Field name="alasan" label="Alasan pembatalan" required={false}>
        {(props) => <input {...props} type="text" maxLength={200} value={alasan} onChange={(e) => setAlasan(e.target.value)} />}
      </Field>
      <FormMessage kind="error">{error}</FormMessage>
      <div className="kunjungan-aksi">
        <button type="button" className="button button--danger" disabled={fetching} onClick={yes}>
          {fetching ? "Membatalkan…" : "Ya, batalkan"}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
          Tidak jadi
        </button>
      </div>
    </div>
  );
}
