import { useState } from "react";
import { useQuery } from "urql";
import { AdminOnly } from "../../../components/admin-only";
import { useDeskInstansi } from "../../../components/desk-instansi";
import { FormMessage } from "../../../components/field";
import { QueryState } from "../../../components/page-state";
import { PageTitle } from "../../../components/page-title";
import { AdminAntrianQuery, AdminPerangkatAntrianQuery } from "./documents";
import { GrupSection } from "./grup";
import { LoketSection } from "./loket";
import { PerangkatSection } from "./perangkat";
import "../../antrian/antrian.css";

function Antrian() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  const id = instansiId ?? "";
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminAntrianQuery, variables: { instansiId: id }, pause: waiting || !id });
  const [perangkat, refetchPerangkat] = useQuery({ query: AdminPerangkatAntrianQuery, variables: { instansiId: id }, pause: waiting || !id });
  const [message, setMessage] = useState<string | null>(null);

  function changed(text: string | null) {
    setMessage(text);
    refetch({ requestPolicy: "network-only" });
  }

  return (
    <>
      {picker}
      <FormMessage kind="success">{message}</FormMessage>
      <QueryState fetching={fetching} error={error} loaded={!!data} />
      {data && (
        <>
          <GrupSection instansiId={id} grup={data.grupAntrian} onMessage={changed} />
          <LoketSection instansiId={id} loket={data.loketInstansi} onMessage={changed} />
        </>
      )}
      {id && (
        <PerangkatSection
          instansiId={id}
          perangkat={perangkat.data?.perangkatAntrian ?? []}
          loaded={!!perangkat.data}
          onChanged={(text) => {
            setMessage(text);
            refetchPerangkat({ requestPolicy: "network-only" });
          }}
        />
      )}
    </>
  );
}

/** /admin/antrian — the office queue's groups, counters and devices. */
export default function AdminAntrianPage() {
  return (
    <div>
      <PageTitle>Antrian kantor</PageTitle>
      <p className="lead">
        Nomor antrian untuk pengunjung yang datang ke kantor: grup dan layanannya, loket yang memanggil, serta layar TV dan kios yang menampilkan dan
        mengeluarkan nomor.
      </p>
      <AdminOnly>
        <Antrian />
      </AdminOnly>
    </div>
  );
}
