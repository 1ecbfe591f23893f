import { describe, expect, it } from "vitest";
import { akunDiaktifkan, akunDitangguhkan, akunDitolak, esc, resetPassword, statusPengajuan, verifikasiEmail } from "./templates";

const pengirim = "Dinas Kependudukan & Pencatatan Sipil Kab. Madiun";
const tautan = "https://loket.madiunkab.go.id/pengajuan/abc?x=1&y=2";

describe("email templates", () => {
  it("escapes every value in the HTML", () => {
    const m = statusPengajuan({
      nama: `<script>alert("x")</script> O'Brien`,
      nomorRegistrasi: "KMG/2026/000123",
      layanan: "Akta <b>Kelahiran</b>",
      statusLabel: "Diproses",
      pesan: "Mohon bawa berkas asli & fotokopi.\n<img src=x onerror=alert(1)>",
      tautan,
      pengirim,
    });
    expect(m.html).not.toContain("<script>");
    expect(m.html).not.toContain("<img");
    expect(m.html).not.toContain("<b>Kelahiran");
    expect(m.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien");
    expect(m.html).toContain(`href="https://loket.madiunkab.go.id/pengajuan/abc?x=1&amp;y=2"`);
    expect(m.html).toContain("Dinas Kependudukan &amp; Pencatatan Sipil");
    expect(m.html).toContain("berkas asli &amp; fotokopi.<br>&lt;img");
    // plain text stays plain
    expect(m.text).toContain(`Yth. Bapak/Ibu <script>alert("x")</script> O'Brien,`);
    expect(m.text).toContain(tautan);
  });

  it("keeps single-line values on one line (no forged lines, no header injection)", () => {
    const m = statusPengajuan({
      nama: "Budi\nStatus : SELESAI",
      nomorRegistrasi: "KMG/2026/1\r\nBcc: x@y",
      layanan: "KTP",
      statusLabel: "Ditolak",
      tautan,
      pengirim,
    });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.text).toContain("Yth. Bapak/Ibu Budi Status : SELESAI,");
    expect(m.text).not.toMatch(/^Status : SELESAI/m);
  });

  it("writes short Indonesian texts signed by the instansi", () => {
    const s = statusPengajuan({ nama: "Siti Aminah", nomorRegistrasi: "KMG/2026/000123", layanan: "Akta Kelahiran", statusLabel: "Selesai", tautan, pengirim });
    expect(s.subject).toBe("Pengajuan KMG/2026/000123: Selesai");
    expect(s.text).toMatch(/Nomor registrasi : KMG\/2026\/000123/);
    expect(s.text).toMatch(/Layanan\s+: Akta Kelahiran/);
    expect(s.text).not.toContain("Pesan dari petugas");
    expect(s.text).toContain(`Hormat kami,\n${pengirim}`);
    expect(s.text).toContain("Mohon tidak membalas");
    expect(s.html).toMatch(/^<!doctype html>\n<html lang="id">/);

    expect(akunDiaktifkan({ nama: "Siti", tautan, pengirim: "Loket" }).text).toMatch(/sudah kami aktifkan[\s\S]*Hormat kami,\nLoket/);
    const tolak = akunDitolak({ nama: "Siti", alasan: "Foto KTP tidak terbaca.", pengirim });
    expect(tolak.subject).toBe("Pendaftaran akun Anda belum dapat disetujui");
    expect(tolak.text).toContain("Mohon maaf");
    expect(tolak.text).toContain("  Foto KTP tidak terbaca.");
    expect(akunDitangguhkan({ nama: "Siti", pengirim }).text).toContain("akun Anda kami tangguhkan");
    expect(akunDitangguhkan({ nama: "Siti", pengirim }).text).not.toContain("Alasannya");
    expect(akunDitangguhkan({ nama: "Siti", alasan: "Laporan penyalahgunaan.", pengirim }).text).toContain("Alasannya:");

    for (const m of [s, tolak]) {
      expect(m.text.split("\n").length).toBeLessThan(25);
      expect(m.text).not.toMatch(/undefined|null/);
    }
  });

  it("states when a link expires, in the instansi's zone", () => {
    const berlakuSampai = new Date("2026-11-23T03:30:00Z");
    const v = verifikasiEmail({ nama: "Siti", tautan, berlakuSampai, pengirim });
    expect(v.subject).toBe("Konfirmasi alamat email Anda");
    expect(v.text).toContain("Senin, 23 November 2026 pukul 10.30 WIB");
    expect(v.text).toContain("abaikan saja email ini");
    const r = resetPassword({ nama: "Siti", tautan, berlakuSampai, zonaWaktu: "Asia/Jayapura", pengirim });
    expect(r.text).toContain("Senin, 23 November 2026 pukul 12.30 WIT");
    expect(r.text).toContain("Jangan berikan tautan ini kepada siapa pun");
    expect(r.text).toContain("Kata sandi Anda tidak berubah");
  });

  it("refuses links that are not http(s)", () => {
    expect(() => akunDiaktifkan({ nama: "Siti", tautan: "javascript:alert(1)", pengirim })).toThrow(/http/);
    expect(esc(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
