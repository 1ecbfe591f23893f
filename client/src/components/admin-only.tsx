import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { isActiveAdmin, useSession } from "../lib/session";

/** Admin pages render only for an active ADMIN or SUPERADMIN (the API enforces it too). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  if (loading || me === undefined) return <p aria-busy="true">Memuat…</p>;
  if (!me) {
    return (
      <p className="card">
        Halaman ini khusus admin. <Link to={`/masuk?lanjut=${encodeURIComponent(window.location.pathname)}`}>Masuk</Link> dengan akun admin.
      </p>
    );
  }
  if (!isActiveAdmin(me)) return <p className="card">Halaman ini khusus admin instansi.</p>;
  return <>{children}</>;
}
