import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { useDeskInstansi } from "../../components/desk-instansi";
import { FormMessage, RadioChoice } from "../../components/field";
import { QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { RequireRole } from "../../components/require-role";
import { failureMessage } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";

const UsulanLayananQuery = graphql(`
  query UsulanLayananAdmin($instansiId: ID!, $ditangani: Boolean) {
    usulanLayanan(instansiId: $instansiId, ditangani: $ditangani) {
      kunci
      jumlah
      uraian
      variasi
      pertamaAt
      terakhirAt
      usulan {
        id
        kontak
        createdAt
      }
    }
  }
`);

const TanganiUsulanMutation = graphql(`
  mutation TanganiUsulan($instansiId: ID!, $ids: [ID!]!) {
    tanganiUsulanLayanan(instansiId: $instansiId, ids: $ids) {
      __typename
      ... on TanganiUsulanLayananSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

type Tampil = "BARU" | "DITANGANI";
const TAMPIL: ReadonlyArray<readonly [Tampil, string]> = [
  ["BARU", "Belum ditangani"],
  ["DITANGANI", "Sudah ditangani"],
];

/** The office's requests for services it lacks, similar ones counted together, so the admin sees what is most needed. */
function UsulanLayanan() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  const [tampil, setTampil] = useState<Tampil>("BARU");
  const [{ data, fetching, error }, refetch] = useQuery({
    query: UsulanLayananQuery,
    variables: { instansiId: instansiId ?? "", ditangani: tampil === "DITANGANI" },
    pause: waiting || !instansiId,
    requestPolicy: "cache-and-network",
  });
  const [{ fetching: marking }, tangani] = useMutation(TanganiUsulanMutation);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const groups = data?.usulanLayanan ?? [];

  async function mark(ids: string[], uraian: string) {
    const r = await tangani({ instansiId: instansiId!, ids });
    const res = r.data?.tanganiUsulanLayanan;
    if (res?.__typename === "TanganiUsulanLayananSuccess") {
      setMessage({ kind: "success", text: `“${uraian}” ditandai sudah ditangani (${res.data} usulan).` });
      refetch({ requestPolicy: "network-only" });
    } else setMessage({ kind: "error", text: failureMessage(res, r.error) ?? "Gagal menandai usulan." });
  }

  return (
    <div className="narrow">
      <PageTitle>Usulan layanan</PageTitle>
      <p className="lead">
        Layanan yang dibutuhkan warga tetapi belum ada di katalog. Usulan yang mirip dihitung bersama; yang paling banyak dibutuhkan tampil lebih dulu.
      </p>
      {picker}
      <RadioChoice
        name="tampil"
        legend="Tampilkan"
        inline
        options={TAMPIL}
        value={tampil}
        onChange={(t) => {
          setTampil(t);
          setMessage(null);
        }}
      />
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <QueryState fetching={fetching} error={error} loaded={!!data}>
        Memuat usulan…
      </QueryState>
      {data && groups.length === 0 && (
        <p className="card muted">{tampil === "BARU" ? "Belum ada usulan yang perlu ditangani." : "Belum ada usulan yang ditandai sudah ditangani."}</p>
      )}
      <ul className="plain-list usulan-list">
        {groups.map((g) => {
          const kontak = g.usulan.filter((u) => u.kontak);
          return (
            <li key={g.kunci} className="card usulan">
              <h2 className="usulan__judul">
                {g.uraian} <span className="badge badge--info">{g.jumlah} usulan</span>
              </h2>
              <p className="muted">
                {g.jumlah > 1
                  ? `Pertama ${formatDateTime(g.pertamaAt)}, terakhir ${formatDateTime(g.terakhirAt)}.`
                  : `Dikirim ${formatDateTime(g.terakhirAt)}.`}
              </p>
              {g.variasi.length > 1 && (
                <>
                  <p className="usulan__sub">Ditulis juga sebagai:</p>
                  <ul>
                    {g.variasi.slice(1).map((v) => (
                      <li key={v}>{v}</li>
                    ))}
                  </ul>
                </>
              )}
              {kontak.length > 0 && (
                <details>
                  <summary>Kontak yang dapat dihubungi ({kontak.length})</summary>
                  <ul>
                    {kontak.map((u) => (
                      <li key={u.id}>{u.kontak}</li>
                    ))}
                  </ul>
                </details>
              )}
              {tampil === "BARU" && (
                <p>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={marking}
                    onClick={() =>
                      mark(
                        g.usulan.map((u) => u.id),
                        g.uraian,
                      )
                    }
                  >
                    Tandai sudah ditangani<span className="sr-only">: {g.uraian}</span>
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export default function UsulanLayananAdminPage() {
  return (
    <RequireRole role="admin">
      <UsulanLayanan />
    </RequireRole>
  );
}
