import { useState } from "react";
import { useQuery } from "urql";
import { AdminOnly } from "../../../components/admin-only";
import { FormMessage, OpenFormButton } from "../../../components/field";
import { PageTitle } from "../../../components/page-title";
import { requestErrorMessage } from "../../../lib/errors";
import { isSuperadmin, useSession } from "../../../lib/session";
import { type Issued, ClientCard } from "./client-card";
import { ApiClientsQuery, ApiClientInstansiQuery } from "./documents";
import { RegisterClientForm } from "./register-client-form";
import { HelpLink } from "../../../components/help-link";

// ---------------------------------------------------------------------------------------------------
// the page

export function Klien() {
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const [{ data: offices }] = useQuery({ query: ApiClientInstansiQuery, pause: !superadmin });
  const [office, setOffice] = useState("");
  const instansiId = superadmin ? office || null : (me?.instansi?.id ?? null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApiClientsQuery, variables: { instansiId }, requestPolicy: "cache-and-network" });
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // keys issued on this page: shown once (then hidden), kept in memory only to manage the client's webhooks
  const [issued, setIssued] = useState<Record<string, Issued>>({});
  const clients = data?.apiClients ?? [];

  function onIssued(clientId: string, key: Issued) {
    setIssued((m) => ({ ...m, [clientId]: key }));
  }

  return (
    <>
      <FormMessage kind="success">{message}</FormMessage>
      {adding ? (
        <section className="card">
          <RegisterClientForm
            onCancel={() => setAdding(false)}
            onCreated={(clientId, token, nama) => {
              setAdding(false);
              onIssued(clientId, { token, shown: false, rotated: false });
              setMessage(`Klien API ${nama} terdaftar. Salin tokennya sekarang (di kartu klien di bawah).`);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        </section>
      ) : (
        <OpenFormButton onOpen={() => setAdding(true)} onReset={() => setMessage(null)}>
          Daftarkan klien API
        </OpenFormButton>
      )}
      <section aria-labelledby="daftar-klien-heading">
        <h2 id="daftar-klien-heading">Klien API terdaftar</h2>
        {superadmin && (
          <div className="section-filter">
            <label className="inline-field">
              <span>Tampilkan klien milik</span>
              <select value={office} onChange={(e) => setOffice(e.target.value)}>
                <option value="">Semua instansi</option>
                {offices?.instansiList.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.nama}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {error && (
          <p className="alert alert--error">
            {requestErrorMessage(error)} <HelpLink inline />
          </p>
        )}
        {fetching && !data && <p aria-busy="true">Memuat…</p>}
        {data && clients.length === 0 && <p className="card muted">Belum ada klien API. Sistem lain belum dapat tersambung dengan Loket.</p>}
        <ul className="users">
          {clients.map((c) => (
            <ClientCard
              key={c.id}
              client={c}
              issued={issued[c.id]}
              onIssued={onIssued}
              onMessage={(text) => {
                setMessage(text);
                refetch({ requestPolicy: "network-only" });
              }}
              showOffice={superadmin && !office}
            />
          ))}
        </ul>
      </section>
    </>
  );
}

export default function ApiClientsPage() {
  return (
    <div>
      <PageTitle>Klien API</PageTitle>
      <p className="lead">
        Akses untuk sistem lain yang bekerja dengan Loket. Setiap klien hanya boleh melakukan yang dicentang, dan setiap permintaannya tercatat di log audit.
      </p>
      <AdminOnly>
        <Klien />
      </AdminOnly>
    </div>
  );
}
