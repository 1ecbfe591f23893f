import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { FormMessage } from "../../components/field";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { SURVEY_THANKS, SurveyQuestions, type SurveyAnswer } from "../../components/survey";
import { errorOf, failureMessage } from "../../lib/errors";

const SurveiKonsultasiQuery = graphql(`
  query SurveiKonsultasi($token: String!) {
    surveiKonsultasi(token: $token) {
      __typename
      ... on SurveiKonsultasiSuccess {
        data {
          nomor
          instansi
          layanan
          dijawab
          dijawabAt
          sudahDiisi
        }
      }
      ... on NotFoundError {
        code
        message
      }
    }
  }
`);

const IsiSurveiKonsultasiMutation = graphql(`
  mutation IsiSurveiKonsultasi($token: String!, $skor: [Int!]!, $komentar: String) {
    isiSurveiKonsultasi(token: $token, skor: $skor, komentar: $komentar) {
      __typename
      ...ErrorFields
    }
  }
`);

const JUDUL = "Survei kepuasan layanan konsultasi";

/**
 * /survei/konsultasi/<token> — the SKM survey of a helpdesk consultation, for the caller, without an account: the
 * officer gives the link with the answer (read out, by WhatsApp or email, or as a QR code). It names the office,
 * the service and the consultation's number (never the question or the caller); answered once.
 */
export default function SurveiKonsultasiPage() {
  const { token = "" } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: SurveiKonsultasiQuery, variables: { token }, requestPolicy: "network-only" });
  const [{ fetching: sending }, isi] = useMutation(IsiSurveiKonsultasiMutation);
  // once sent: thanks, or (answered meanwhile, e.g. on another phone) the API's own word
  const [answered, setAnswered] = useState<{ kind: "success" | "info"; text: string } | null>(null);

  const res = data?.surveiKonsultasi;
  if (res?.__typename === "NotFoundError")
    return <NotFound title="Survei tidak ditemukan">{res.message} Pastikan tautannya tersalin lengkap, atau tanyakan kepada petugas helpdesk.</NotFound>;
  if (res?.__typename !== "SurveiKonsultasiSuccess")
    return (
      <div className="narrow">
        <PageTitle>{JUDUL}</PageTitle>
        <Loading fetching={fetching} error={error} />
      </div>
    );

  const k = res.data;

  async function onSend({ skor, komentar }: SurveyAnswer): Promise<string | null> {
    const r = await isi({ token, skor, komentar });
    const out = r.data?.isiSurveiKonsultasi;
    if (out?.__typename === "IsiSurveiKonsultasiSuccess") {
      setAnswered({ kind: "success", text: SURVEY_THANKS });
      return null;
    }
    if (out?.__typename === "ConflictError") {
      setAnswered({ kind: "info", text: errorOf(out).message });
      return null;
    }
    return failureMessage(out, r.error);
  }

  return (
    <div className="narrow">
      <PageTitle>{JUDUL}</PageTitle>
      <section className="card" aria-labelledby="survei-konsultasi-tentang">
        <h2 id="survei-konsultasi-tentang">Konsultasi yang dinilai</h2>
        <dl className="facts facts--compact">
          <div>
            <dt>Kantor</dt>
            <dd>{k.instansi}</dd>
          </div>
          {k.layanan && (
            <div>
              <dt>Layanan</dt>
              <dd>{k.layanan}</dd>
            </div>
          )}
          <div>
            <dt>Nomor konsultasi</dt>
            <dd className="mono">{k.nomor}</dd>
          </div>
        </dl>
      </section>
      <section className="card survey" aria-labelledby="survei-konsultasi-isi">
        <h2 id="survei-konsultasi-isi">Penilaian Anda</h2>
        {answered ? (
          <FormMessage kind={answered.kind}>{answered.text}</FormMessage>
        ) : k.sudahDiisi ? (
          <FormMessage kind="info">Survei untuk konsultasi ini sudah diisi. Terima kasih.</FormMessage>
        ) : !k.dijawab ? (
          <FormMessage kind="info">Survei dapat diisi setelah pertanyaan Anda dijawab. Buka lagi tautan ini nanti.</FormMessage>
        ) : (
          <>
            <p>Bagaimana pelayanan konsultasi yang Anda terima? Sembilan pertanyaan singkat, tanpa nama. Survei ini diisi sekali.</p>
            <SurveyQuestions onSend={onSend} busy={sending} />
          </>
        )}
      </section>
      <p className="muted small">
        Ada pertanyaan lain? Lihat <Link to="/bantuan">Bantuan</Link>.
      </p>
    </div>
  );
}
