import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { Link, NavLink } from "react-router-dom";
import { useOnline } from "../lib/connection";
import { isActiveAdmin, useSession } from "../lib/session";
import { NotificationBell } from "./notification-bell";

function OfflineBanner() {
  const online = useOnline();
  const [back, setBack] = useState(false);
  const wasOffline = useRef(false);
  useEffect(() => {
    if (!online) {
      wasOffline.current = true;
      setBack(false);
      return;
    }
    if (!wasOffline.current) return;
    wasOffline.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), 4000);
    return () => clearTimeout(timer);
  }, [online]);
  return (
    <div role="status" aria-live="polite" className="connection">
      {!online && (
        <p className="banner banner--offline">
          <strong>Tidak tersambung.</strong> Data di layar mungkin bukan yang terbaru. Kami terus mencoba menyambung kembali.
        </p>
      )}
      {online && back && <p className="banner banner--online">Tersambung kembali. Data diperbarui.</p>}
    </div>
  );
}

function Nav() {
  const { me } = useSession();
  const admin = isActiveAdmin(me);
  return (
    <nav aria-label="Menu utama" className="nav">
      <ul className="nav__list">
        <li>
          <NavLink to="/" end>
            Beranda
          </NavLink>
        </li>
        {admin && (
          <>
            <li>
              <NavLink to="/admin/aktivasi">Aktivasi akun</NavLink>
            </li>
            <li>
              <NavLink to="/admin/kalender">Kalender</NavLink>
            </li>
          </>
        )}
        {me && me.status === "AKTIF" && (
          <li>
            <NavLink to="/profil">Profil</NavLink>
          </li>
        )}
        {me && me.status !== "AKTIF" && (
          <li>
            <NavLink to="/status-akun">Status akun</NavLink>
          </li>
        )}
        {me === null && (
          <>
            <li>
              <NavLink to="/masuk">Masuk</NavLink>
            </li>
            <li>
              <NavLink to="/daftar" className="nav__cta">
                Daftar
              </NavLink>
            </li>
          </>
        )}
      </ul>
      {me && <NotificationBell />}
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#konten">
        Langsung ke konten utama
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <svg aria-hidden="true" width="32" height="32" viewBox="0 0 32 32">
              <rect width="32" height="32" rx="7" fill="#fff" />
              <path d="M9 8h4v13h10v3H9z" fill="#0f5c8c" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">Loket</span>
              <span className="brand__tag">Layanan publik</span>
            </span>
          </Link>
          <Nav />
        </div>
      </header>
      <OfflineBanner />
      <main id="konten" className="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">Memuat halaman…</p>}>{children}</Suspense>
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <p>
            <strong>Loket</strong> — portal layanan publik. Gratis, tanpa perantara.
          </p>
          <ul className="footer__links">
            <li>
              <Link to="/syarat-ketentuan">Syarat dan Ketentuan</Link>
            </li>
            <li>
              <Link to="/kebijakan-privasi">Kebijakan Privasi</Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
