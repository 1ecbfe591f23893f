import { lazy, type ReactNode } from "react";
import { Link, Navigate, Route, Routes, useParams } from "react-router-dom";
import { Layout } from "./components/layout";
import { PageTitle } from "./components/page-title";
import { RequireRole } from "./components/require-role";
import { HelpLink } from "./components/help-link";
import { isActivePpidDesk, isActiveStaff, useSession } from "./lib/session";
import HomePage from "./pages/home";
import LoginPage from "./pages/login";
import RegisterPage from "./pages/register";
import AccountStatusPage from "./pages/account-status";
import ProfilePage from "./pages/profile";
import BerhentiPage from "./pages/berhenti";
import { PrivacyPage, TermsPage } from "./pages/legal";
import CataloguePage from "./pages/layanan/catalogue";
import LayananPage from "./pages/layanan/detail";
import LacakPage from "./pages/lacak";
import VerifikasiDokumenPage from "./pages/verifikasi-dokumen";
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from "./pages/account-links";

// pages behind a login are downloaded only by those who open them
const LogPengajuanPage = lazy(() => import("./pages/pengajuan/list"));
const PengajuanPage = lazy(() => import("./pages/pengajuan/detail"));
const LogInboxPage = lazy(() => import("./pages/pengajuan/inbox"));
const PengaduanSayaPage = lazy(() => import("./pages/pengaduan/list"));
const PengaduanBaruPage = lazy(() => import("./pages/pengaduan/new"));
const PengaduanPage = lazy(() => import("./pages/pengaduan/detail"));
const AntrianPage = lazy(() => import("./pages/staff/queue"));
const StaffCasePage = lazy(() => import("./pages/staff/case"));
const MejaPengaduanPage = lazy(() => import("./pages/staff/desk"));
const StaffPengaduanPage = lazy(() => import("./pages/staff/complaint"));
const CatatPengaduanPage = lazy(() => import("./pages/staff/record-complaint"));
const ActivationPage = lazy(() => import("./pages/admin/activation"));
const CalendarPage = lazy(() => import("./pages/admin/calendar"));
const AdminLayananListPage = lazy(() => import("./pages/admin/layanan-list"));
const LayananEditorPage = lazy(() => import("./pages/admin/layanan-editor"));
const TemplateSuratPage = lazy(() => import("./pages/admin/template-surat"));
const KategoriPengaduanPage = lazy(() => import("./pages/admin/kategori-pengaduan"));
const UsulanLayananAdminPage = lazy(() => import("./pages/admin/usulan-layanan"));
const UsulanLayananPage = lazy(() => import("./pages/layanan/usulan"));
const UsersPage = lazy(() => import("./pages/admin/users"));
const ApiClientsPage = lazy(() => import("./pages/admin/api-clients"));
const AuditLogPage = lazy(() => import("./pages/admin/audit"));
const TandaTanganElektronikPage = lazy(() => import("./pages/admin/surat/tanda-tangan"));
const NomorSuratPage = lazy(() => import("./pages/admin/surat/nomor"));
const RegisterSuratPage = lazy(() => import("./pages/admin/surat/register"));
const AksesDataPage = lazy(() => import("./pages/akses-data"));
const PermohonanSayaPage = lazy(() => import("./pages/ppid/citizen").then((m) => ({ default: m.PermohonanSayaPage })));
const PermohonanBaruPage = lazy(() => import("./pages/ppid/citizen").then((m) => ({ default: m.PermohonanBaruPage })));
const PermohonanPage = lazy(() => import("./pages/ppid/citizen").then((m) => ({ default: m.PermohonanPage })));
const PpidDeskPage = lazy(() => import("./pages/ppid/desk").then((m) => ({ default: m.PpidDeskPage })));
const PpidCasePage = lazy(() => import("./pages/ppid/desk").then((m) => ({ default: m.PpidCasePage })));
const StatistikPage = lazy(() => import("./pages/statistik"));
const TandaTanganPage = lazy(() => import("./pages/tanda-tangan"));
const BantuanPage = lazy(() => import("./pages/bantuan"));
const LayaniDiLoketPage = lazy(() => import("./pages/loket/baru"));
const LoketPengajuanPage = lazy(() => import("./pages/loket/pengajuan"));
const TampilAntrianPage = lazy(() => import("./pages/antrian/display"));
const KioskAntrianPage = lazy(() => import("./pages/antrian/kiosk"));
const KonsolLoketPage = lazy(() => import("./pages/antrian/konsol"));
const AdminAntrianPage = lazy(() => import("./pages/admin/antrian"));
const KunjunganSayaPage = lazy(() => import("./pages/kunjungan"));
const PesanKunjunganPage = lazy(() => import("./pages/kunjungan/pesan"));
const KunjunganPage = lazy(() => import("./pages/kunjungan/detail"));
const PelatihanSayaPage = lazy(() => import("./pages/pelatihan"));
const SesiPelatihanPage = lazy(() => import("./pages/pelatihan/detail"));
const KunjunganHariPage = lazy(() => import("./pages/loket/kunjungan"));
const KonsultasiPage = lazy(() => import("./pages/loket/konsultasi"));
const SurveiKonsultasiPage = lazy(() => import("./pages/survei/konsultasi"));
const PelatihanMejaPage = lazy(() => import("./pages/loket/pelatihan"));
const PelatihanSesiMejaPage = lazy(() => import("./pages/loket/pelatihan-sesi"));

function NotFound() {
  return (
    <div className="narrow">
      <PageTitle>Halaman tidak ditemukan</PageTitle>
      <p>
        Alamat ini tidak ada di Loket. Kembali ke <Link to="/">Beranda</Link>.
      </p>
      <HelpLink />
    </div>
  );
}

const Warga = ({ children }: { children: ReactNode }) => <RequireRole role="warga">{children}</RequireRole>;
const Petugas = ({ children }: { children: ReactNode }) => <RequireRole role="petugas">{children}</RequireRole>;
const Ppid = ({ children }: { children: ReactNode }) => <RequireRole role="ppid">{children}</RequireRole>;

/**
 * The links in Loket's emails say /pengajuan/<id>, /pengaduan/<id> and /informasi/<id>; staff who follow one
 * get their own page for it.
 */
function ForCitizenOrStaff({ kind, children }: { kind: "pengajuan" | "pengaduan" | "informasi"; children: ReactNode }) {
  const { me } = useSession();
  const { id } = useParams();
  if (kind === "informasi" ? isActivePpidDesk(me) : isActiveStaff(me)) {
    return <Navigate to={kind === "informasi" ? `/ppid/permohonan/${id}` : `/petugas/${kind}/${id}`} replace />;
  }
  return <Warga>{children}</Warga>;
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/masuk" element={<LoginPage />} />
        <Route path="/daftar" element={<RegisterPage />} />
        <Route path="/status-akun" element={<AccountStatusPage />} />
        <Route path="/profil" element={<ProfilePage />} />
        <Route path="/berhenti/:token" element={<BerhentiPage />} />
        <Route path="/profil/akses-data" element={<AksesDataPage />} />
        <Route path="/syarat-ketentuan" element={<TermsPage />} />
        <Route path="/kebijakan-privasi" element={<PrivacyPage />} />
        <Route path="/verifikasi-email" element={<VerifyEmailPage />} />
        <Route path="/lupa-sandi" element={<ForgotPasswordPage />} />
        <Route path="/atur-ulang-sandi" element={<ResetPasswordPage />} />

        <Route path="/layanan" element={<CataloguePage />} />
        <Route path="/layanan/usulkan" element={<UsulanLayananPage />} />
        <Route path="/layanan/:id" element={<LayananPage />} />
        <Route path="/lacak" element={<LacakPage />} />
        <Route path="/lacak/*" element={<LacakPage />} />
        <Route path="/verifikasi" element={<VerifikasiDokumenPage />} />
        <Route path="/verifikasi/:kode" element={<VerifikasiDokumenPage />} />
        <Route path="/bantuan" element={<BantuanPage />} />
        <Route path="/bantuan/:kode" element={<BantuanPage />} />
        <Route path="/survei/konsultasi/:token" element={<SurveiKonsultasiPage />} />

        <Route
          path="/pengajuan"
          element={
            <Warga>
              <LogPengajuanPage />
            </Warga>
          }
        />
        <Route
          path="/pengajuan/:id"
          element={
            <ForCitizenOrStaff kind="pengajuan">
              <PengajuanPage />
            </ForCitizenOrStaff>
          }
        />
        <Route
          path="/inbox"
          element={
            <Warga>
              <LogInboxPage />
            </Warga>
          }
        />
        <Route
          path="/pengaduan"
          element={
            <Warga>
              <PengaduanSayaPage />
            </Warga>
          }
        />
        <Route
          path="/pengaduan/baru"
          element={
            <Warga>
              <PengaduanBaruPage />
            </Warga>
          }
        />
        <Route
          path="/pengaduan/:id"
          element={
            <ForCitizenOrStaff kind="pengaduan">
              <PengaduanPage />
            </ForCitizenOrStaff>
          }
        />

        <Route
          path="/kunjungan"
          element={
            <Warga>
              <KunjunganSayaPage />
            </Warga>
          }
        />
        <Route
          path="/kunjungan/pesan"
          element={
            <Warga>
              <PesanKunjunganPage />
            </Warga>
          }
        />
        <Route
          path="/kunjungan/:id"
          element={
            <Warga>
              <KunjunganPage />
            </Warga>
          }
        />
        <Route
          path="/pelatihan"
          element={
            <Warga>
              <PelatihanSayaPage />
            </Warga>
          }
        />
        <Route
          path="/pelatihan/:id"
          element={
            <Warga>
              <SesiPelatihanPage />
            </Warga>
          }
        />

        <Route
          path="/informasi"
          element={
            <Warga>
              <PermohonanSayaPage />
            </Warga>
          }
        />
        <Route
          path="/informasi/baru"
          element={
            <Warga>
              <PermohonanBaruPage />
            </Warga>
          }
        />
        <Route
          path="/informasi/:id"
          element={
            <ForCitizenOrStaff kind="informasi">
              <PermohonanPage />
            </ForCitizenOrStaff>
          }
        />
        <Route
          path="/ppid"
          element={
            <Ppid>
              <PpidDeskPage />
            </Ppid>
          }
        />
        <Route
          path="/ppid/permohonan/:id"
          element={
            <Ppid>
              <PpidCasePage />
            </Ppid>
          }
        />
        <Route path="/statistik" element={<StatistikPage />} />

        <Route
          path="/petugas/antrian"
          element={
            <Petugas>
              <AntrianPage />
            </Petugas>
          }
        />
        <Route
          path="/petugas/pengajuan/:id"
          element={
            <Petugas>
              <StaffCasePage />
            </Petugas>
          }
        />
        <Route
          path="/tanda-tangan"
          element={
            <RequireRole role="akun">
              <TandaTanganPage />
            </RequireRole>
          }
        />
        <Route
          path="/petugas/pengaduan"
          element={
            <Petugas>
              <MejaPengaduanPage />
            </Petugas>
          }
        />
        <Route
          path="/petugas/pengaduan/catat"
          element={
            <Petugas>
              <CatatPengaduanPage />
            </Petugas>
          }
        />
        <Route
          path="/petugas/pengaduan/:id"
          element={
            <Petugas>
              <StaffPengaduanPage />
            </Petugas>
          }
        />

        <Route path="/admin/aktivasi" element={<ActivationPage />} />
        <Route path="/admin/kalender" element={<CalendarPage />} />
        <Route path="/admin/layanan" element={<AdminLayananListPage />} />
        <Route path="/admin/layanan/:id" element={<LayananEditorPage />} />
        <Route path="/admin/layanan/:id/template-surat" element={<TemplateSuratPage />} />
        <Route path="/admin/kategori-pengaduan" element={<KategoriPengaduanPage />} />
        <Route path="/admin/usulan-layanan" element={<UsulanLayananAdminPage />} />
        <Route path="/admin/pengguna" element={<UsersPage />} />
        <Route path="/admin/klien-api" element={<ApiClientsPage />} />
        <Route path="/admin/audit" element={<AuditLogPage />} />
        <Route path="/admin/tanda-tangan-elektronik" element={<TandaTanganElektronikPage />} />
        <Route path="/admin/nomor-surat" element={<NomorSuratPage />} />
        <Route path="/admin/register-surat" element={<RegisterSuratPage />} />
        <Route path="/admin/antrian" element={<AdminAntrianPage />} />
        {/* the office queue: the TV and the kiosk run with a device key, without the site's header (layout.tsx) */}
        <Route path="/antrian/tampil/*" element={<TampilAntrianPage />} />
        <Route path="/antrian/kiosk/*" element={<KioskAntrianPage />} />
        <Route
          path="/loket"
          element={
            <Petugas>
              <KonsolLoketPage />
            </Petugas>
          }
        />
        {/* walk-ins at the counter: the officer starts and submits a case for the person standing there */}
        <Route
          path="/loket/baru"
          element={
            <Petugas>
              <LayaniDiLoketPage />
            </Petugas>
          }
        />
        <Route
          path="/loket/kunjungan"
          element={
            <Petugas>
              <KunjunganHariPage />
            </Petugas>
          }
        />
        <Route
          path="/loket/konsultasi"
          element={
            <Petugas>
              <KonsultasiPage />
            </Petugas>
          }
        />
        <Route
          path="/loket/pelatihan"
          element={
            <Petugas>
              <PelatihanMejaPage />
            </Petugas>
          }
        />
        <Route
          path="/loket/pelatihan/:id"
          element={
            <Petugas>
              <PelatihanSesiMejaPage />
            </Petugas>
          }
        />
        <Route
          path="/loket/pengajuan/:id"
          element={
            <Petugas>
              <LoketPengajuanPage />
            </Petugas>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}
