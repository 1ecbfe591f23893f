import { useEffect, useId, type ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { rawId } from "../lib/ids";
import { isSuperadmin, useSession } from "../lib/session";

const DeskInstansiQuery = graphql(`
  query DeskInstansi {
    instansiList(termasukNonaktif: true) {
      id
      nama
      aktif
    }
  }
`);

/** The choice is kept while the tab is open, so the queue, the complaint desk and the PPID desk show the same office. */
const REMEMBERED = "loket.instansiMeja";

function remembered(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(raw: string) {
  try {
    sessionStorage.setItem(REMEMBERED, raw);
  } catch {
    /* storage refused (private mode): the address still carries the choice */
  }
}

export interface DeskInstansi {
  /** the instansi the desk shows: the staff member's own, or the one a SUPERADMIN chose (null until known) */
  instansiId: string | null;
  /** pause the desk's queries while this is true (a SUPERADMIN's list of offices is still loading) */
  waiting: boolean;
  /** the selector, for a SUPERADMIN (who belongs to no instansi); null for everyone else */
  picker: ReactNode;
}

/**
 * Which office a staff desk shows. Officers and admins see their own instansi. A SUPERADMIN belongs to none:
 * they get a selector (kept in the address as `?instansi=<uuid>` and for the rest of the visit), starting with
 * the office they chose last, or the first one.
 */
export function useDeskInstansi(): DeskInstansi {
  const { me } = useSession();
  const own = me?.instansi?.id ?? null;
  const chooses = !own && isSuperadmin(me);
  const [{ data, fetching, error }] = useQuery({ query: DeskInstansiQuery, pause: !chooses });
  const [params, setParams] = useSearchParams();
  const selectId = useId();

  const offices = data?.instansiList ?? [];
  const wanted = params.get("instansi") ?? remembered();
  const chosen = offices.find((i) => rawId(i.id) === wanted) ?? offices.find((i) => i.aktif) ?? offices[0] ?? null;
  const chosenRaw = chosen ? rawId(chosen.id) : null;
  useEffect(() => {
    if (chosenRaw) remember(chosenRaw);
  }, [chosenRaw]);

  if (!chooses) return { instansiId: own, waiting: false, picker: null };

  function choose(globalId: string) {
    const p = new URLSearchParams(params);
    p.set("instansi", rawId(globalId));
    setParams(p, { replace: true });
    remember(rawId(globalId));
  }

  const picker = (
    <div className="desk-instansi">
      <label htmlFor={selectId} className="field__label">
        Instansi yang ditampilkan
      </label>
      {error && !data ? (
        <p className="alert alert--error">Daftar instansi tidak dapat dimuat. Muat ulang halaman.</p>
      ) : (
        <select id={selectId} aria-describedby={`${selectId}-hint`} value={chosen?.id ?? ""} disabled={!data} onChange={(e) => choose(e.target.value)}>
          {!data && <option value="">Memuat daftar instansi…</option>}
          {data && offices.length === 0 && <option value="">Belum ada instansi</option>}
          {offices.map((i) => (
            <option key={i.id} value={i.id}>
              {i.nama}
              {i.aktif ? "" : " (nonaktif)"}
            </option>
          ))}
        </select>
      )}
      <p id={`${selectId}-hint`} className="field__hint">
        Anda superadmin: pilih instansi yang mejanya ingin Anda lihat.
      </p>
    </div>
  );
  return { instansiId: chosen ? chosen.id : null, waiting: fetching || !chosen, picker };
}
