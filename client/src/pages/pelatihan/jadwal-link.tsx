import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { rawId, toGlobalId } from "../../lib/ids";
import { SesiPelatihanLayananQuery } from "./documents";

/**
 * "Jadwal pelatihan" on a service's page when it has upcoming training sessions: to the one session, or to the
 * list of them; a guest signs in first. Nothing while there are none.
 */
export function JadwalPelatihanLink({ layananRaw, signedIn }: { layananRaw: string; signedIn: boolean }) {
  const [{ data }] = useQuery({ query: SesiPelatihanLayananQuery, variables: { layananId: toGlobalId("Layanan", layananRaw) } });
  const sesi = data?.sesiPelatihanTerbuka ?? [];
  if (sesi.length === 0) return null;
  const to = sesi.length === 1 ? `/pelatihan/${rawId(sesi[0]!.id)}` : "/pelatihan";
  return (
    <Link className="button button--secondary" to={signedIn ? to : `/masuk?lanjut=${encodeURIComponent(to)}`}>
      Jadwal pelatihan
    </Link>
  );
}
