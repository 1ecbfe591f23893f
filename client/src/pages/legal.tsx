import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { PageTitle } from "../components/page-title";

const LegalVersionQuery = graphql(`
  query LegalPage {
    legalVersions {
      syaratKetentuan
      kebijakanPrivasi
    }
  }
`);

function LegalPage({ title, which, children }: { title: string; which: "syaratKetentuan" | "kebijakanPrivasi"; children: ReactNode }) {
  const [{ data }] = useQuery({ query: LegalVersionQuery });
  const version = data?.legalVersions[which];
  return (
    <article className="legal">
      <PageTitle>{title}</PageTitle>
      <p className="muted">{version ? `Versi ${version}. ` : ""}Berlaku untuk setiap pengguna Loket.</p>
      {children}
    </article>
  );
}

export function TermsPage() {
  return (
    <LegalPage title="Syarat dan Ketentuan" which="syaratKetentuan">
      <nav aria-label="Daftar isi" className="toc">
        <ol>
          <li>
            <a href="#sk-1">Tentang Loket</a>
          </li>
          <li>
            <a href="#sk-2">Akun</a>
          </li>
          <li>
            <a href="#sk-3">Keamanan akun</a>
          </li>
          <li>
            <a href="#sk-4">Kewajiban dan larangan</a>
          </li>
          <li>
            <a href="#sk-5">Pengajuan dan waktu layanan</a>
          </li>
          <li>
            <a href="#sk-6">Biaya</a>
          </li>
          <li>
            <a href="#sk-7">Ketersediaan sistem</a>
          </li>
          <li>
            <a href="#sk-8">Data pribadi</a>
          </li>
          <li>
            <a href="#sk-9">Pengaduan dan sengketa</a>
          </li>
          <li>
            <a href="#sk-10">Perubahan ketentuan</a>
          </li>
        </ol>
      </nav>
      <p>
        Dengan mendaftar atau menggunakan Loket, Anda menyetujui ketentuan ini. Bacalah dengan saksama; jika tidak setuju, jangan melanjutkan pendaftaran. Anda
        tetap dapat dilayani langsung di kantor.
      </p>

      <h2 id="sk-1">1. Tentang Loket</h2>
      <p>
        Loket adalah portal layanan publik yang diselenggarakan oleh kantor pemerintah yang tercantum di <Link to="/">Beranda</Link> (selanjutnya “kantor”).
        Melalui Loket Anda dapat membuat akun, mengajukan layanan administrasi beserta dokumen persyaratannya, memantau status pengajuan secara langsung, dan
        menerima dokumen hasil layanan atau memilih mengambilnya di kantor.
      </p>

      <h2 id="sk-2">2. Akun</h2>
      <ul>
        <li>Warga mendaftar dengan NIK yang tertera di KTP/KK; aparatur sipil negara dapat mendaftar dengan NIP yang masih aktif.</li>
        <li>Isi nama lengkap sesuai KTP serta email dan nomor telepon yang dapat dihubungi. Data harus benar, lengkap, dan terkini.</li>
        <li>Satu NIK/NIP hanya untuk satu akun. Akun ganda dapat ditangguhkan.</li>
        <li>
          Akun baru berstatus <em>menunggu aktivasi</em> sampai admin kantor memeriksa data Anda. Admin dapat menolak pendaftaran bila data tidak valid, dengan
          menyebutkan alasannya. Status akun tampil langsung di halaman status dan Anda menerima notifikasi.
        </li>
        <li>NIK/NIP tidak dapat Anda ubah sendiri; jika keliru, minta pembetulan kepada admin kantor dengan menunjukkan KTP.</li>
      </ul>

      <h2 id="sk-3">3. Keamanan akun</h2>
      <ul>
        <li>Kata sandi minimal 10 karakter. Jangan memberikannya kepada siapa pun, termasuk petugas.</li>
        <li>Setelah beberapa kali kata sandi salah, percobaan masuk diperlambat dan akun dapat dikunci sementara selama 15 menit.</li>
        <li>
          Jika Anda curiga akun Anda dipakai orang lain, segera ubah kata sandi dan pilih “Keluar dari semua perangkat” di halaman Profil, lalu beri tahu
          kantor.
        </li>
        <li>Anda bertanggung jawab atas kegiatan yang dilakukan dengan akun Anda selama Anda tidak melaporkan penyalahgunaannya.</li>
      </ul>

      <h2 id="sk-4">4. Kewajiban dan larangan</h2>
      <p>Pengguna dilarang:</p>
      <ul>
        <li>memberikan keterangan palsu, mengunggah dokumen palsu atau yang diubah, atau memakai identitas orang lain;</li>
        <li>menjual, meminjamkan, atau memindahtangankan akun;</li>
        <li>mencoba mengakses sistem tanpa hak, menyebarkan kode berbahaya, atau mengganggu layanan bagi pengguna lain;</li>
        <li>mengirim pengajuan berulang yang tidak perlu.</li>
      </ul>
      <p>
        Pelanggaran dapat berakibat penolakan pengajuan, penangguhan akun (dengan alasan yang diberitahukan kepada Anda), dan pelaporan kepada pihak berwenang.
      </p>

      <h2 id="sk-5">5. Pengajuan dan waktu layanan</h2>
      <ul>
        <li>Loket dapat diakses 24 jam. Pemrosesan oleh petugas mengikuti jam layanan kantor yang tercantum di Beranda.</li>
        <li>
          Waktu penyelesaian setiap layanan dihitung dalam hari kerja sejak pengajuan dinyatakan lengkap. Hari libur nasional, cuti bersama yang ditetapkan
          pemerintah, dan hari penutupan kantor yang diumumkan tidak dihitung.
        </li>
        <li>Petugas dapat meminta kelengkapan dokumen, klarifikasi, atau kehadiran Anda di kantor untuk verifikasi.</li>
        <li>Pengajuan yang ditolak selalu disertai alasan; Anda dapat mengajukan kembali setelah melengkapi persyaratan.</li>
      </ul>

      <h2 id="sk-6">6. Biaya</h2>
      <p>
        Pendaftaran dan pengajuan melalui Loket tidak dipungut biaya. Biaya layanan yang ditetapkan peraturan (jika ada) dibayar melalui saluran resmi kantor.
        Kantor tidak pernah meminta pembayaran ke rekening pribadi — waspadai penipuan yang mengatasnamakan Loket.
      </p>

      <h2 id="sk-7">7. Ketersediaan sistem</h2>
      <p>
        Kantor berupaya menjaga Loket tetap tersedia, tetapi layanan dapat terhenti sementara untuk pemeliharaan atau karena gangguan di luar kendali kantor.
        Pemeliharaan terjadwal diumumkan lebih dahulu bila memungkinkan. Selama Loket tidak dapat diakses, Anda tetap dapat dilayani langsung di kantor.
      </p>

      <h2 id="sk-8">8. Data pribadi</h2>
      <p>
        Cara kantor mengumpulkan, memakai, dan melindungi data pribadi Anda diatur dalam <Link to="/kebijakan-privasi">Kebijakan Privasi</Link>, yang merupakan
        bagian dari ketentuan ini.
      </p>

      <h2 id="sk-9">9. Pengaduan dan sengketa</h2>
      <p>
        Keluhan tentang layanan atau tentang Loket dapat disampaikan melalui kontak kantor di Beranda atau langsung di kantor pada jam layanan. Setiap
        perselisihan diselesaikan lebih dahulu secara musyawarah dan melalui unit pengaduan kantor; bila tidak tercapai kesepakatan, Anda dapat menyampaikan
        laporan kepada Ombudsman Republik Indonesia atau menempuh jalur hukum sesuai hukum Republik Indonesia.
      </p>

      <h2 id="sk-10">10. Perubahan ketentuan</h2>
      <p>
        Ketentuan ini diberi nomor versi. Perubahan diumumkan di Loket sebelum berlaku. Loket mencatat versi yang Anda setujui saat mendaftar; bila versi
        berubah, Anda akan diminta membaca dan menyetujui versi terbaru.
      </p>
    </LegalPage>
  );
}

export function PrivacyPage() {
  return (
    <LegalPage title="Kebijakan Privasi" which="kebijakanPrivasi">
      <p>
        Kebijakan ini menjelaskan data pribadi apa yang diproses Loket, untuk apa, bagaimana dilindungi, dan apa hak Anda menurut Undang-Undang Nomor 27 Tahun
        2022 tentang Pelindungan Data Pribadi (UU PDP).
      </p>

      <h2>1. Siapa yang bertanggung jawab</h2>
      <p>
        Pengendali data pribadi adalah kantor penyelenggara Loket yang tercantum di <Link to="/">Beranda</Link>, beserta alamat, telepon, dan emailnya.
        Pertanyaan dan permintaan tentang data pribadi Anda ditujukan ke kontak tersebut.
      </p>

      <h2>2. Data yang kami kumpulkan</h2>
      <ul>
        <li>
          <strong>Identitas:</strong> NIK atau NIP, dan nama lengkap.
        </li>
        <li>
          <strong>Kontak:</strong> alamat email dan nomor telepon.
        </li>
        <li>
          <strong>Akun:</strong> kata sandi (hanya dalam bentuk sandi satu arah yang tidak dapat dibaca siapa pun), peran, status akun, dan riwayatnya — kapan
          Anda mendaftar dan kapan serta oleh siapa akun diaktifkan, ditolak, atau ditangguhkan beserta alasannya.
        </li>
        <li>
          <strong>Persetujuan:</strong> versi Syarat dan Ketentuan dan Kebijakan Privasi yang Anda setujui serta waktunya.
        </li>
        <li>
          <strong>Keamanan:</strong> sesi masuk (alamat IP, jenis peramban, waktu) dan jumlah percobaan masuk yang gagal.
        </li>
        <li>
          <strong>Pemberitahuan</strong> yang dikirim kepada Anda.
        </li>
        <li>
          <strong>Pengajuan layanan:</strong> isian formulir dan dokumen yang Anda unggah saat mengajukan layanan.
        </li>
      </ul>

      <h2>3. Untuk apa data dipakai</h2>
      <ul>
        <li>memeriksa identitas Anda dan mengaktifkan akun;</li>
        <li>memproses pengajuan layanan dan menghitung batas waktunya;</li>
        <li>memberi tahu Anda tentang status akun dan pengajuan;</li>
        <li>menjaga keamanan akun (mencegah tebakan kata sandi, mengakhiri sesi);</li>
        <li>memenuhi kewajiban hukum, termasuk kearsipan dan pengawasan pelayanan publik.</li>
      </ul>
      <p>
        Dasar pemrosesannya adalah persetujuan Anda saat mendaftar dan pelaksanaan tugas pelayanan publik oleh kantor (Pasal 20 UU PDP). Data Anda tidak dijual,
        tidak dipakai untuk iklan, dan tidak dipakai untuk keputusan otomatis: aktivasi akun dan keputusan atas pengajuan selalu diambil oleh petugas.
      </p>

      <h2>4. Bagaimana data dilindungi</h2>
      <ul>
        <li>
          NIK/NIP disimpan <strong>terenkripsi</strong> (AES-256-GCM). Di daftar dan tampilan umum, nomor itu hanya tampil tersamar, misalnya{" "}
          <span className="mono">3519********0001</span>. Nomor lengkap hanya terlihat oleh Anda dan admin yang memeriksa akun Anda, dan tidak pernah ditulis ke
          catatan sistem (log).
        </li>
        <li>Kata sandi disimpan sebagai sandi satu arah (argon2id); petugas pun tidak dapat melihatnya.</li>
        <li>Sesi masuk memakai cookie yang tidak dapat dibaca skrip halaman dan berakhir otomatis setelah 12 jam.</li>
        <li>Petugas hanya dapat melihat data yang diperlukan untuk tugasnya, sesuai perannya.</li>
      </ul>

      <h2>5. Siapa yang dapat melihat data Anda</h2>
      <p>
        Anda sendiri; admin kantor yang mengaktifkan akun; dan petugas yang memproses pengajuan Anda. Data tidak diberikan kepada pihak lain kecuali diwajibkan
        peraturan perundang-undangan atau atas permintaan sah aparat penegak hukum; bila diizinkan, Anda akan diberi tahu.
      </p>

      <h2>6. Berapa lama disimpan</h2>
      <p>
        Data akun disimpan selama akun Anda ada. Riwayat akun dan pengajuan disimpan selama diwajibkan ketentuan kearsipan, agar setiap keputusan dapat
        dipertanggungjawabkan. Sesi yang berakhir tidak dapat dipakai lagi.
      </p>

      <h2>7. Hak Anda</h2>
      <p>Sesuai UU PDP (Pasal 5 sampai 13), Anda berhak:</p>
      <ul>
        <li>
          <strong>Mengakses dan mendapatkan salinan</strong> data Anda: buka Profil → “Data saya”. Semua data yang disimpan Loket tentang Anda dapat dilihat dan
          diunduh dalam format JSON yang dapat dibaca mesin.
        </li>
        <li>
          <strong>Membetulkan</strong> data: nama, email, dan telepon dapat Anda ubah sendiri di Profil; pembetulan NIK/NIP dilakukan admin kantor.
        </li>
        <li>
          <strong>Meminta penghapusan</strong> akun dan data, atau <strong>menarik persetujuan</strong>: ajukan ke kantor. Data yang wajib disimpan menurut
          peraturan (misalnya arsip pengajuan) tetap disimpan selama masa wajibnya, dan Anda diberi tahu bagian mana.
        </li>
        <li>
          <strong>Meminta pembatasan</strong> pemrosesan dan <strong>mengajukan keberatan</strong>.
        </li>
        <li>
          <strong>Mengadukan</strong> pelanggaran dan menuntut ganti rugi sesuai peraturan perundang-undangan.
        </li>
      </ul>
      <p>Kantor menanggapi permintaan tersebut paling lambat 3 × 24 jam sejak permintaan diterima.</p>

      <h2>8. Jika terjadi kebocoran data</h2>
      <p>
        Bila terjadi kegagalan pelindungan data pribadi, kantor memberi tahu Anda dan lembaga yang berwenang secara tertulis paling lambat 3 × 24 jam, termasuk
        data apa yang terdampak dan langkah yang diambil.
      </p>

      <h2>9. Pengaduan</h2>
      <p>
        Sampaikan keluhan tentang pengelolaan data pribadi Anda melalui kontak kantor di <Link to="/">Beranda</Link>. Bila jawaban kantor tidak memuaskan, Anda
        dapat mengadu kepada lembaga penyelenggara pelindungan data pribadi atau Ombudsman Republik Indonesia.
      </p>

      <h2>10. Perubahan kebijakan</h2>
      <p>Kebijakan ini diberi nomor versi. Perubahan diumumkan di Loket sebelum berlaku, dan Loket mencatat versi yang Anda setujui.</p>
    </LegalPage>
  );
}
