import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { AdminOnly } from "../../../components/admin-only";
import { PageTitle } from "../../../components/page-title";
import { requestErrorMessage } from "../../../lib/errors";
import { todayIn } from "../../../lib/format";
import { isSuperadmin, useSession } from "../../../lib/session";
import { CLOSURE_CONTEXT, ClosureList, RECENT_DAYS } from "./closures";
import { OfficesQuery, OfficeQuery } from "./documents";
import { Holidays } from "./holidays";
import { OfficeHoursEditor } from "./office-hours";
import { HelpLink } from "../../../components/help-link";

function Office({ id }: { id: string }) {
  // the closures of the last RECENT_DAYS days too: one recorded afterwards (a flood, a power cut) shows where it
  // was entered (counted in WIB, the westernmost zone, so none of a WITA/WIT office's is cut off at midnight)
  const variables = useMemo(() => ({ id, dari: todayIn("Asia/Jakarta", new Date(Date.now() - RECENT_DAYS * 86_400_000)) }), [id]);
  const [{ data, fetching, error }] = useQuery({ query: OfficeQuery, variables, context: CLOSURE_CONTEXT });
  const office = data?.node && "nama" in data.node ? data.node : null;
  if (fetching && !data) return <p aria-busy="true">Memuat…</p>;
  if (error && !data)
    return (
      <p className="alert alert--error">
        {requestErrorMessage(error)} <HelpLink inline />
      </p>
    );
  if (!office) return <p className="muted">Instansi tidak ditemukan.</p>;
  return (
    <>
      {/* keyed so the editor starts from the saved hours of the office shown */}
      <OfficeHoursEditor key={office.id} instansi={office} />
      <hr />
      <ClosureList instansi={office} />
    </>
  );
}

function Offices() {
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const [{ data }] = useQuery({ query: OfficesQuery, pause: !superadmin });
  const [chosen, setChosen] = useState<string | null>(null);
  const id = superadmin ? (chosen ?? data?.instansiList[0]?.id ?? null) : (me?.instansi?.id ?? null);
  const name = superadmin ? data?.instansiList.find((i) => i.id === id)?.nama : me?.instansi?.nama;

  return (
    <section className="card" aria-labelledby="kantor-heading">
      <h2 id="kantor-heading">{name ? `Kalender ${name}` : "Kalender kantor"}</h2>
      {superadmin && data && data.instansiList.length > 1 && (
        <div className="field">
          <label htmlFor="pilih-instansi" className="field__label">
            Instansi
          </label>
          <select id="pilih-instansi" value={id ?? ""} onChange={(e) => setChosen(e.target.value)}>
            {data.instansiList.map((i) => (
              <option key={i.id} value={i.id}>
                {i.nama}
                {i.aktif ? "" : " (nonaktif)"}
              </option>
            ))}
          </select>
        </div>
      )}
      {id ? <Office id={id} /> : <p className="muted">Akun Anda tidak terhubung ke instansi mana pun.</p>}
    </section>
  );
}

function CalendarContent() {
  const { me } = useSession();
  return (
    <>
      <Offices />
      <Holidays superadmin={isSuperadmin(me)} />
    </>
  );
}

export default function CalendarPage() {
  return (
    <div>
      <PageTitle>Kalender kerja</PageTitle>
      <p className="lead">Semua tenggat layanan dihitung dari jam layanan, hari libur, dan penutupan di halaman ini.</p>
      <AdminOnly>
        <CalendarContent />
      </AdminOnly>
    </div>
  );
}
