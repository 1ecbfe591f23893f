import { lazy } from "react";
import { Link, Route, Routes } from "react-router-dom";
import { Layout } from "./components/layout";
import { PageTitle } from "./components/page-title";
import HomePage from "./pages/home";
import LoginPage from "./pages/login";
import RegisterPage from "./pages/register";
import AccountStatusPage from "./pages/account-status";
import ProfilePage from "./pages/profile";
import { PrivacyPage, TermsPage } from "./pages/legal";

// admin pages are downloaded only by admins who open them
const ActivationPage = lazy(() => import("./pages/admin/activation"));
const CalendarPage = lazy(() => import("./pages/admin/calendar"));

function NotFound() {
  return (
    <div className="narrow">
      <PageTitle>Halaman tidak ditemukan</PageTitle>
      <p>
        Alamat ini tidak ada di Loket. Kembali ke <Link to="/">Beranda</Link>.
      </p>
    </div>
  );
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
        <Route path="/syarat-ketentuan" element={<TermsPage />} />
        <Route path="/kebijakan-privasi" element={<PrivacyPage />} />
        <Route path="/admin/aktivasi" element={<ActivationPage />} />
        <Route path="/admin/kalender" element={<CalendarPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}
