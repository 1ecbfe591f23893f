import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { FormMessage } from "../components/field";
import { PageTitle } from "../components/page-title";
import { failureMessage } from "../lib/errors";

const BerhentiMutation = graphql(`
  mutation BerhentiKanalNotifikasi($token: String!) {
    berhentiKanalNotifikasi(token: $token) {
      __typename
      ... on BerhentiKanalNotifikasiSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

const LABEL: Record<string, string> = { EMAIL: "email", WHATSAPP: "WhatsApp", SMS: "SMS" };

/**
 * The stop link of a WhatsApp or SMS message. Opening it changes nothing (link previews and scanners open
 * links too); the one button stops the channel.
 */
export default function BerhentiPage() {
  const { token = "" } = useParams();
  const [{ fetching }, berhenti] = useMutation(BerhentiMutation);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function stop() {
    setError(null);
    const r = await berhenti({ token });
    const fail = failureMessage(r.data?.berhentiKanalNotifikasi, r.error);
    if (fail) return setError(fail);
    const d = r.data?.berhentiKanalNotifikasi;
    if (d?.__typename === "BerhentiKanalNotifikasiSuccess") setDone(LABEL[d.data] ?? d.data);
  }
  return (
    <div className="narrow">
      <PageTitle>Berhenti menerima pemberitahuan</PageTitle>
      {done ? (
        <FormMessage kind="success">
          Anda tidak akan lagi menerima pemberitahuan lewat {done}. Anda bisa menyalakannya lagi di halaman <Link to="/profil">Profil</Link>.
        </FormMessage>
      ) : (
        <div className="card">
          <p>Tekan tombol di bawah untuk berhenti menerima pemberitahuan lewat saluran yang mengirim tautan ini.</p>
          <button type="button" className="button" disabled={fetching} onClick={() => void stop()}>
            Berhenti menerima pemberitahuan
          </button>
          {error && <FormMessage kind="error">{error}</FormMessage>}
        </div>
      )}
    </div>
  );
}
