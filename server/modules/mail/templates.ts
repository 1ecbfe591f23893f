import { ZONE_LABEL } from "../instansi/rules";

/**
 * Email texts for citizens. Each message is built once from blocks, then rendered as plain text and as
 * simple HTML, so both always say the same thing. Every value is escaped in the HTML; single-line values
 * lose their line breaks so a name cannot forge extra lines.
 */

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

interface Common {
  /** the recipient's name as registered */
  nama: string;
  /** who signs: the instansi's name, or "Loket" */
  pengirim: string;
}

interface Expiring extends Common {
  /** an http(s) link */
  tautan: string;
  berlakuSampai: Date;
  /** IANA zone of the instansi; Asia/Jakarta (WIB) by default */
  zonaWaktu?: string;
}

type Block = { p: string } | { rows: Array<[string, string]> } | { quote: string } | { link: string };

export function statusPengajuan(
  v: Common & {
    nomorRegistrasi: string;
    layanan: string;
    statusLabel: string;
    /** the officer's note to the citizen, if any */
    pesan?: string | null;
    tautan: string;
  },
): EmailContent {
  const nomor = line(v.nomorRegistrasi);
  const status = line(v.statusLabel);
  return render(`Pengajuan ${nomor}: ${status}`, v, [
    { p: "Ada kabar terbaru tentang pengajuan Anda." },
    {
      rows: [
        ["Nomor registrasi", nomor],
        ["Layanan", line(v.layanan)],
        ["Status", status],
      ],
    },
    ...(v.pesan?.trim() ? [{ p: "Pesan dari petugas:" }, { quote: v.pesan.trim() }] : []),
    { p: "Rincian pengajuan dapat Anda lihat di:" },
    { link: v.tautan },
  ]);
}

export function akunDiaktifkan(v: Common & { tautan: string }): EmailContent {
  return render("Akun Anda sudah aktif", v, [
    { p: "Akun Anda sudah kami aktifkan. Sekarang Anda dapat masuk dan mengajukan layanan secara daring." },
    { p: "Silakan masuk melalui:" },
    { link: v.tautan },
  ]);
}

export function akunDitolak(v: Common & { alasan: string; perbaiki?: string | null; tautan?: string | null }): EmailContent {
  return render("Pendaftaran akun Anda belum dapat disetujui", v, [
    { p: "Mohon maaf, pendaftaran akun Anda belum dapat kami setujui dengan alasan berikut:" },
    { quote: v.alasan.trim() },
    ...(v.perbaiki ? [{ p: v.perbaiki }] : []),
    ...(v.tautan
      ? [{ p: "Anda dapat memperbaiki data atau mengunggah foto baru, lalu mengajukan aktivasi kembali melalui halaman status akun:" }, { link: v.tautan }]
      : []),
    { p: "Anda juga dapat datang langsung ke kantor kami dengan membawa KTP (atau Kartu Keluarga bagi yang belum berusia 17 tahun)." },
  ]);
}

export function akunDitangguhkan(v: Common & { alasan?: string | null }): EmailContent {
  return render("Akun Anda ditangguhkan sementara", v, [
    { p: "Untuk sementara akun Anda kami tangguhkan, sehingga Anda belum dapat masuk." },
    ...(v.alasan?.trim() ? [{ p: "Alasannya:" }, { quote: v.alasan.trim() }] : []),
    { p: "Jika menurut Anda ini keliru, silakan hubungi kami atau datang langsung ke kantor kami." },
  ]);
}

export function verifikasiEmail(v: Expiring): EmailContent {
  return render("Konfirmasi alamat email Anda", v, [
    { p: "Untuk memastikan alamat email ini milik Anda, silakan buka tautan berikut:" },
    { link: v.tautan },
    { p: `Tautan ini berlaku sampai ${waktu(v.berlakuSampai, v.zonaWaktu)}.` },
    { p: "Jika Anda tidak merasa mendaftar atau mengubah alamat email, abaikan saja email ini." },
  ]);
}

export function resetPassword(v: Expiring): EmailContent {
  return render("Atur ulang kata sandi", v, [
    { p: "Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Silakan buka tautan berikut untuk membuat kata sandi baru:" },
    { link: v.tautan },
    {
      p: `Tautan ini berlaku sampai ${waktu(v.berlakuSampai, v.zonaWaktu)} dan hanya dapat dipakai satu kali. Jangan berikan tautan ini kepada siapa pun, termasuk petugas.`,
    },
    { p: "Jika Anda tidak meminta ini, abaikan saja email ini. Kata sandi Anda tidak berubah." },
  ]);
}

// ---------------------------------------------------------------------------------------------------------

const FOOTER = "Email ini dikirim otomatis. Mohon tidak membalas email ini.";

function render(subject: string, v: Common, body: Block[]): EmailContent {
  const nama = line(v.nama);
  const pengirim = line(v.pengirim) || "Loket";
  for (const b of body) if ("link" in b) checkLink(b.link);

  const text = [`Yth. Bapak/Ibu ${nama},`, ...body.map(blockText), `Hormat kami,\n${pengirim}`, `--\n${FOOTER}`].join("\n\n");

  const html = [
    `<!doctype html>`,
    `<html lang="id"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px">`,
    `<p>Yth. Bapak/Ibu ${esc(nama)},</p>`,
    ...body.map(blockHtml),
    `<p>Hormat kami,<br>${esc(pengirim)}</p>`,
    `<p style="font-size:13px;color:#555">${esc(FOOTER)}</p>`,
    `</body></html>`,
  ].join("\n");

  return { subject: line(subject), text: text + "\n", html: html + "\n" };
}

function blockText(b: Block): string {
  if ("p" in b) return b.p;
  if ("quote" in b)
    return b.quote
      .split(/\r?\n/)
      .map((l) => `  ${l}`)
      .join("\n");
  if ("link" in b) return b.link;
  const width = Math.max(...b.rows.map(([k]) => k.length));
  return b.rows.map(([k, val]) => `${k.padEnd(width)} : ${val}`).join("\n");
}

function blockHtml(b: Block): string {
  if ("p" in b) return `<p>${esc(b.p)}</p>`;
  if ("quote" in b) {
    return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #ccc;background:#f6f6f6">${esc(b.quote).replace(/\r?\n/g, "<br>")}</blockquote>`;
  }
  if ("link" in b) return `<p><a href="${esc(b.link)}">${esc(b.link)}</a></p>`;
  const rows = b.rows.map(([k, val]) => `<tr><td style="padding:2px 16px 2px 0;color:#555">${esc(k)}</td><td><strong>${esc(val)}</strong></td></tr>`);
  return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows.join("")}</table>`;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** One line: collapses line breaks and runs of spaces. */
function line(s: string): string {
  return String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

function checkLink(url: string): void {
  // links are ours; anything but http(s) (javascript:, data:) is a bug, never something to send
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new Error("email link must be an http(s) URL without spaces");
}

/** "Senin, 23 November 2026 pukul 10.56 WIB" in the instansi's zone. */
// building an Intl.DateTimeFormat costs far more than formatting with one
const formats = new Map<string, Intl.DateTimeFormat>();

function waktu(d: Date, zone = "Asia/Jakarta"): string {
  let f = formats.get(zone);
  if (!f) formats.set(zone, (f = new Intl.DateTimeFormat("id-ID", { dateStyle: "full", timeStyle: "short", timeZone: zone })));
  const s = f.format(d);
  return `${s} ${ZONE_LABEL[zone] ?? zone}`;
}
