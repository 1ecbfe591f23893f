import { Suspense, type ReactNode } from "react";
import { Link, NavLink, useLocation } from "react-router-dom";
import { useConnectionNotice } from "../lib/connection";
import { isActiveAdmin, isActiveCitizen, isActivePpidDesk, isActiveStaff, isSuperadmin, useSession, worksDesk } from "../lib/session";
import { NotificationBell } from "./notification-bell";
import { EmailStatusBanner } from "./email-status-banner";
import { PhoneMenuButton, usePhoneMenu } from "./phone-menu";

function OfflineBanner() {
  // a blip is not announced, and "back" only follows a loss the person saw (ConnectionNotice)
  const notice = useConnectionNotice();
  return (
    <div role="status" aria-live="polite" className="connection">
      {notice === "offline" && (
        <p className="banner banner--offline">
          <strong>Tidak tersambung.</strong> Data di layar mungkin bukan yang terbaru. Kami terus mencoba menyambung kembali.
        </p>
      )}
      {notice === "back" && <p className="banner banner--online">Tersambung kembali. Data diperbarui.</p>}
    </div>
  );
}

function Nav() {
  const { me } = useSession();
  const admin = isActiveAdmin(me);
  const staff = isActiveStaff(me);
  const citizen = isActiveCitizen(me);
  const ppid = isActivePpidDesk(me);
  // a signing official may work any desk of the instansi (an officer, an admin, the PPID's superior)
  // the signing queue: for the office's signing officials (a letter can only be sent to one)
  const pegawai = !!me && me.status === "AKTIF" && worksDesk(me, "statistik") && me.penandatangan;
  const { pathname } = useLocation();
  const adminSection = pathname.startsWith("/admin/");
  const { open, toggle, close } = usePhoneMenu(pathname);
  return (
    <nav aria-label="Menu utama" className="nav" onKeyDown={(e) => e.key === "Escape" && open && close(true)}>
      <PhoneMenuButton open={open} onClick={toggle} />
      <ul id="menu-utama" className={`nav__list${open ? " nav__list--open" : ""}`}>
        {!staff && (
          <li>
            <NavLink to="/layanan">Layanan</NavLink>
          </li>
        )}
        {citizen && (
          <>
            <li>
              <NavLink to="/pengajuan">Pengajuan</NavLink>
            </li>
            <li>
              <NavLink to="/inbox">Inbox</NavLink>
            </li>
            <li>
              <NavLink to="/pengaduan">Pengaduan</NavLink>
            </li>
            <li>
              <NavLink to="/informasi">Informasi</NavLink>
            </li>
            <li>
              <NavLink to="/kunjungan">Kunjungan</NavLink>
            </li>
            <li>
              <NavLink to="/pelatihan">Pelatihan</NavLink>
            </li>
          </>
        )}
        {/* a guest's items wait until the session is known: right after logging in they would flash */}
        {me === null && (
          <li>
            <NavLink to="/lacak">Lacak</NavLink>
          </li>
        )}
        {staff && (
          <>
            <li>
              <NavLink to="/petugas/antrian">Antrian</NavLink>
            </li>
            <li>
              <NavLink to="/loket" end>
                Loket
              </NavLink>
            </li>
            <li>
              <NavLink to="/loket/baru">Layani pemohon</NavLink>
            </li>
            <li>
              <NavLink to="/petugas/pengaduan">Pengaduan</NavLink>
            </li>
          </>
        )}
        {ppid && (
          <li>
            <NavLink to="/ppid">Meja PPID</NavLink>
          </li>
        )}
        {pegawai && (
          <li>
            <NavLink to="/tanda-tangan">Tanda tangan</NavLink>
          </li>
        )}
        {admin && (
          <li>
            {/* one entry for the admin section; its pages are listed in the admin menu at the top of each */}
            <NavLink to="/admin/aktivasi" className={() => (adminSection ? "active" : "")}>
              Admin
            </NavLink>
          </li>
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
    </nav>
  );
}

/** The admin pages, listed at the top of each of them, and whether emails go out. */
function AdminNav() {
  const { me } = useSession();
  const { pathname } = useLocation();
  if (!isActiveAdmin(me) || !pathname.startsWith("/admin/")) return null;
  const items: Array<[string, string]> = [
    ["/admin/aktivasi", "Aktivasi akun"],
    ["/admin/pengguna", "Pengguna dan peran"],
    ["/admin/layanan", "Layanan"],
    ["/admin/kategori-pengaduan", "Kategori aduan"],
    ["/admin/usulan-layanan", "Usulan layanan"],
    ["/admin/kalender", "Kalender"],
    ["/admin/antrian", "Antrian kantor"],
    ["/admin/klien-api", "Klien API"],
    ["/admin/tanda-tangan-elektronik", "Tanda tangan elektronik"],
    ["/admin/nomor-surat", "Nomor surat"],
    ["/admin/register-surat", "Register surat"],
  ];
  if (isSuperadmin(me)) items.push(["/admin/audit", "Log audit"]);
  return (
    <>
      <nav aria-label="Menu admin" className="subnav">
        <ul className="subnav__list">
          {items.map(([to, label]) => (
            <li key={to}>
              <NavLink to={to}>{label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <EmailStatusBanner />
    </>
  );
}

function HeaderBell() {
  const { me } = useSession();
  return me ? <NotificationBell /> : null;
}

/** Screens that fill a TV or a kiosk: no header, menu or footer (paths under /antrian/). */
const FULL_SCREEN = /^\/antrian\//;

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  if (FULL_SCREEN.test(pathname)) return <Suspense fallback={<p aria-busy="true">Memuat…</p>}>{children}</Suspense>;
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
          <HeaderBell />
          <Nav />
        </div>
      </header>
      <OfflineBanner />
      <main id="konten" className="main" tabIndex={-1}>
        <AdminNav />
        <Suspense fallback={<p aria-busy="true">Memuat halaman…</p>}>{children}</Suspense>
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <p>
            <strong>Loket</strong> — portal layanan publik. Gratis, tanpa perantara.
          </p>
          <ul className="footer__links">
            <li>
              <Link to="/bantuan">Bantuan</Link>
            </li>
            <li>
              <Link to="/lacak">Lacak pengajuan</Link>
            </li>
            <li>
              <Link to="/verifikasi">Verifikasi dokumen</Link>
            </li>
            <li>
              <Link to="/statistik">Statistik pelayanan</Link>
            </li>
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
