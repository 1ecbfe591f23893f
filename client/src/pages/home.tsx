import { useEffect } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { InstansiCard } from "../components/instansi-card";
import { FormMessage } from "../components/field";
import { PageTitle } from "../components/page-title";
import { requestErrorMessage } from "../lib/errors";
import { useFlash } from "../lib/flash";
import { isActiveStaff, useSession } from "../lib/session";
import { HelpLink } from "../components/help-link";

const HomePageQuery = graphql(`
  query HomePage {
    instansiList {
      id
      nama
      ...InstansiCard_Instansi
    }
  }
`);

/** Re-read "open now" every few minutes while the page stays open. */
const REFRESH_MS = 5 * 60_000;

export default function HomePage() {
  const { me } = useSession();
  const flash = useFlash();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: HomePageQuery });

  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: "network-only" }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reexecute]);

  const offices = data?.instansiList ?? [];
  return (
    <>
      <FormMessage kind="success">{flash}</FormMessage>
      <section className="hero">
        <PageTitle title="Beranda">Layanan publik, dari mana saja</PageTitle>
        <p className="lead">
          Loket adalah portal layanan {offices.length === 1 ? offices[0]!.nama : "kantor pemerintah"}. Daftar sekali dengan NIK, ajukan layanan tanpa harus
          antre, dan pantau prosesnya sampai selesai.
        </p>
        {!me && (
          <p className="hero__actions">
            <Link className="button button--primary" to="/daftar">
              Daftar dengan NIK
            </Link>
            <Link className="button button--secondary" to="/masuk">
              Masuk
            </Link>
            <Link className="button button--secondary" to="/layanan">
              Lihat daftar layanan
            </Link>
          </p>
        )}
        {me && (
          <p className="hero__actions">
            <Link className="button button--primary" to={me.status !== "AKTIF" ? "/status-akun" : isActiveStaff(me) ? "/petugas/antrian" : "/pengajuan"}>
              {me.status !== "AKTIF" ? "Lihat status akun" : isActiveStaff(me) ? "Buka antrian" : "Buka Log Pengajuan"}
            </Link>
            <Link className="button button--secondary" to="/layanan">
              Lihat daftar layanan
            </Link>
          </p>
        )}
        <p>
          Sudah mengajukan? <Link to="/lacak">Lacak dengan nomor registrasi</Link>. Ingin mengadu?{" "}
          <Link to={me ? "/pengaduan/baru" : "/masuk?lanjut=%2Fpengaduan%2Fbaru"}>Sampaikan pengaduan</Link>.
        </p>
      </section>

      <section aria-labelledby="cara-kerja">
        <h2 id="cara-kerja">Cara kerjanya</h2>
        <ol className="how">
          <li>
            <strong>Daftar</strong> dengan NIK (atau NIP bagi pegawai), nama sesuai KTP, email, dan nomor telepon.
          </li>
          <li>
            <strong>Tunggu aktivasi.</strong> Admin kantor memeriksa data Anda. Statusnya tampil langsung di layar dan Anda mendapat notifikasi.
          </li>
          <li>
            <strong>Ajukan layanan</strong> dan pantau setiap tahapnya. Batas waktu dihitung dalam hari kerja kantor; hari libur nasional dan cuti bersama tidak
            dihitung.
          </li>
        </ol>
      </section>

      <section aria-labelledby="kantor">
        <h2 id="kantor">Kantor dan jam layanan</h2>
        {fetching && !data && <p aria-busy="true">Memuat jam layanan…</p>}
        {error && !data && (
          <p className="alert alert--error">
            {requestErrorMessage(error)} <HelpLink inline />
          </p>
        )}
        {data && offices.length === 0 && <p>Belum ada kantor yang terdaftar.</p>}
        <div className="grid">
          {offices.map((o) => (
            <InstansiCard key={o.id} instansi={o} />
          ))}
        </div>
      </section>

      <section aria-labelledby="gratis" className="note">
        <h2 id="gratis">Gratis dan aman</h2>
        <p>
          Mendaftar dan mengajukan layanan melalui Loket tidak dipungut biaya. Petugas tidak pernah meminta transfer ke rekening pribadi. NIK Anda disimpan
          terenkripsi dan hanya ditampilkan tersamar. Baca <Link to="/kebijakan-privasi">Kebijakan Privasi</Link> dan{" "}
          <Link to="/syarat-ketentuan">Syarat dan Ketentuan</Link>.
        </p>
      </section>
    </>
  );
}
