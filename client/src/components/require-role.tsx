import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { isActiveAdmin, isActiveCitizen, isActivePpidDesk, isActiveStaff, useSession } from "../lib/session";

/** `akun`: any active account (a page that shows each person only their own things, e.g. the signing queue). */
const CHECK = { warga: isActiveCitizen, petugas: isActiveStaff, admin: isActiveAdmin, ppid: isActivePpidDesk, akun: () => true } as const;

const REFUSAL: Record<keyof typeof CHECK, string> = {
  warga: "Halaman ini untuk pemohon dengan akun aktif.",
  petugas: "Halaman ini khusus petugas instansi.",
  admin: "Halaman ini khusus admin instansi.",
  ppid: "Halaman ini khusus PPID dan atasan PPID.",
  akun: "Halaman ini memerlukan akun aktif.",
};

/** Renders its page only for the given kind of account (the API enforces the same); others get a way in. */
export function RequireRole({ role, children }: { role: keyof typeof CHECK; children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading || me === undefined) return <p aria-busy="true">Memuat…</p>;
  if (!me) {
    return (
      <div className="narrow">
        <p className="card">
          Silakan <Link to={`/masuk?lanjut=${encodeURIComponent(location.pathname + location.search)}`}>masuk</Link> terlebih dahulu.
          {role === "warga" && (
            <>
              {" "}
              Belum punya akun? <Link to="/daftar">Daftar dengan NIK</Link>.
            </>
          )}
        </p>
      </div>
    );
  }
  if (me.status !== "AKTIF") {
    return (
      <div className="narrow">
        <p className="card">
          Akun Anda belum aktif. Lihat <Link to="/status-akun">status akun</Link>.
        </p>
      </div>
    );
  }
  if (!CHECK[role](me)) return <p className="card">{REFUSAL[role]}</p>;
  return <>{children}</>;
}
