import { Readable } from "node:stream";
import type { Plugin } from "graphql-yoga";
import type { Services } from "./context";
import { tokenFromHeaders } from "./modules/auth/session";
import { ANY, can } from "./policy";
import { ZONE_LABEL, formatMinutes } from "./modules/instansi/rules";
import { revealIdentity } from "./modules/identity/protect";
import { maskIdentity } from "./shared/nik";
import { auditRead } from "./modules/audit/service";
import { isClientToken } from "./modules/api-client/rules";
import { NotFoundError } from "./lib/errors";
import { mayReadBerkasIdentitas } from "./modules/account/policy";
import { registerSuratCsvUnduh } from "./modules/surat/register-service";
import { SuratStatus } from "./generated/prisma/enums";

const HARI = ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

/**
 * File downloads over plain HTTP GET (browsers and `curl` both fetch them), authorised like GraphQL:
 *   /unduh/dokumen/:id   an uploaded requirement document (its applicant, staff of the instansi)
 *   /unduh/hasil/:id     a result document from the Log Inbox (same)
 *   /unduh/bukti/:id     the proof of submission PDF of a submitted pengajuan (same)
 *   /unduh/template/:id  a requirement's template or example file (public)
 *   /unduh/identitas/:id a KTP/KK photo or SK for the activation check (its owner, admins who may activate them)
 *   /unduh/pratinjau-surat/:id  a letter template's version drawn with sample data (admins of its instansi)
 *   /unduh/surat/<id>           a letter's PDF (staff of its instansi: the official reads what they sign)
 *   /unduh/daftar-hadir/<id>    a training session's attendance list PDF (the desk of its instansi)
 *   /unduh/surat-atasan/<id>    the superior's letter of a training registration (its participant, the desk)
 *   /unduh/register-surat.csv?tahun=&status=&instansiId=  the register of letters (staff of the instansi, as registerSuratCsv)
 * Anything not visible answers 404, so ids of other people's files reveal nothing. An API client with
 * KASUS_INSTANSI downloads its instansi's files with its bearer token, like an officer.
 */
export function useDownloads(services: Services): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname === "/unduh/register-surat.csv") return endResponse(await registerSuratCsv(services, request, url, fetchAPI));
      const m = url.pathname.match(
        /^\/unduh\/(dokumen|hasil|bukti|template|lampiran-pengaduan|identitas|pratinjau-surat|surat|daftar-hadir|surat-atasan)\/([0-9a-f-]{36})$/,
      );
      if (!m) return;
      const [, kind, id] = m as unknown as [
        string,
        "dokumen" | "hasil" | "bukti" | "template" | "lampiran-pengaduan" | "identitas" | "pratinjau-surat" | "surat" | "daftar-hadir" | "surat-atasan",
        string,
      ];
      const respond = (status: number, message: string, code: string) => endResponse(errorResponse(fetchAPI, status, message, code));
      if (request.method !== "GET" && request.method !== "HEAD") return respond(405, "Metode tidak didukung.", "METHOD_NOT_ALLOWED");
      const { token, via } = tokenFromHeaders(request.headers);
      const client = isClientToken(token) && via === "bearer" ? await services.clients.resolve(token) : null;
      const resolved = isClientToken(token) ? null : await services.sessions.resolve(token);
      const ctx = { viewer: resolved?.viewer ?? null, client } as Parameters<typeof can>[0];
      const prisma = services.db.prisma;
      const notFound = () => respond(404, "Berkas tidak ditemukan atau Anda tidak berhak mengunduhnya.", "NOT_FOUND");

      if (kind === "template") {
        const slot = await prisma.persyaratanDokumen.findUnique({ where: { id }, include: { templateFile: true } });
        if (!slot?.templateFile) return notFound();
        return endResponse(await fileResponse(services, fetchAPI, slot.templateFile, request.method === "HEAD"));
      }
      if (!resolved && !client) return respond(401, "Silakan masuk terlebih dahulu.", "UNAUTHENTICATED");

      if (kind === "pratinjau-surat") {
        const { pratinjauTemplateSurat } = await import("./modules/surat/template-service");
        const preview = await pratinjauTemplateSurat(prisma, ctx, id, services.config.publicUrl);
        if (!preview) return notFound();
        return endResponse(
          new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(preview.pdf), {
            status: 200,
            headers: {
              "content-type": "application/pdf",
              "content-disposition": disposition(preview.nama),
              "cache-control": "private, no-store",
              "x-content-type-options": "nosniff",
            },
          }),
        );
      }
      if (kind === "lampiran-pengaduan") {
        const row = await prisma.pengaduanLampiran.findUnique({
          where: { id },
          include: { file: true, pengaduan: { select: { pelaporId: true, instansiId: true, dicatatOlehKlienId: true } } },
        });
        if (!row || !can(ctx, "pengaduan:lihat", row.pengaduan)) return notFound();
        return endResponse(await fileResponse(services, fetchAPI, row.file, request.method === "HEAD"));
      }
      const auditCtx = () => ({
        prisma,
        viewer: resolved?.viewer ?? null,
        client,
        request: {
          ip:
            (services.config.trustProxy && request.headers.get("x-forwarded-for")?.split(",")[0]?.trim()) ||
            ((serverContext as { req?: { socket: { remoteAddress?: string } } })?.req?.socket.remoteAddress ?? ""),
          userAgent: request.headers.get("user-agent") ?? "",
          setCookies: [],
          via,
        },
      });
      if (kind === "identitas") {
        // a KTP/KK photo: its owner and the admins who may activate them (account/policy.ts), never an API client
        const row = await prisma.berkasIdentitas.findUnique({
          where: { id },
          include: { file: true, user: { select: { id: true, role: true, instansiId: true } } },
        });
        if (!row || client || !mayReadBerkasIdentitas(ctx, row.user)) return notFound();
        await auditRead(auditCtx(), "Unduh berkas identitas", row.user.id, { jenis: "BerkasIdentitas", id });
        return endResponse(await fileResponse(services, fetchAPI, row.file, request.method === "HEAD"));
      }
      if (kind === "surat-atasan") {
        const row = await prisma.pesertaPelatihan.findUnique({ where: { id }, include: { suratAtasan: true, sesi: { select: { instansiId: true } } } });
        if (!row?.suratAtasan || !can(ctx, "pelatihan:lihatPeserta", { instansiId: row.sesi.instansiId, pemohonId: row.pesertaId })) return notFound();
        await auditRead(auditCtx(), "Unduh surat atasan peserta pelatihan", row.pesertaId, { jenis: "PesertaPelatihan", id });
        return endResponse(await fileResponse(services, fetchAPI, row.suratAtasan, request.method === "HEAD"));
      }
      if (kind === "daftar-hadir") {
        const sesi = await prisma.sesiPelatihan.findUnique({
          where: { id },
          include: {
            instansi: { select: { nama: true, zonaWaktu: true } },
            layanan: { select: { nama: true } },
            peserta: {
              where: { status: { in: ["TERDAFTAR", "HADIR", "TIDAK_HADIR"] } },
              orderBy: [{ daftarAt: "asc" }, { id: "asc" }],
              include: { peserta: { select: { namaLengkap: true } } },
            },
          },
        });
        if (!sesi || !can(ctx, "pelatihan:absen", { instansiId: sesi.instansiId })) return notFound();
        // names of people: a read of each one's personal data (whose data was seen, the trail answers per person)
        for (const p of sesi.peserta) await auditRead(auditCtx(), "Unduh daftar hadir pelatihan", p.pesertaId, { jenis: "SesiPelatihan", id });
        const { daftarHadirPdf } = await import("./modules/pelatihan/daftar-hadir");
        const pdf = await daftarHadirPdf({
          instansi: sesi.instansi.nama,
          judul: sesi.judul,
          layanan: sesi.layanan.nama,
          mulai: sesi.mulai,
          selesai: sesi.selesai,
          tempat: sesi.tempat,
          timeZone: sesi.instansi.zonaWaktu,
          zonaLabel: ZONE_LABEL[sesi.instansi.zonaWaktu as keyof typeof ZONE_LABEL] ?? sesi.instansi.zonaWaktu,
          peserta: sesi.peserta.map((p) => ({
            nama: p.peserta.namaLengkap,
            organisasi: p.organisasi,
            jabatan: p.jabatan,
            hadirAt: p.hadirAt,
            status: p.status,
          })),
        });
        return endResponse(
          new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(pdf), {
            status: 200,
            headers: {
              "content-type": "application/pdf",
              "content-disposition": disposition(`daftar-hadir-${sesi.mulai.toISOString().slice(0, 10)}.pdf`),
              "cache-control": "private, no-store",
              "x-content-type-options": "nosniff",
            },
          }),
        );
      }
      if (kind === "surat") {
        // a letter's PDF: as generated while it waits for its official, signed once issued (staff of its instansi)
        const row = await prisma.surat.findUnique({ where: { id }, include: { file: true, pengajuan: { select: { pemohonId: true } } } });
        if (!row?.file || !can(ctx, "surat:lihat", row)) return notFound();
        await auditRead(auditCtx(), "Unduh surat", row.pengajuan?.pemohonId ?? null, { jenis: "Surat", id });
        return endResponse(await fileResponse(services, fetchAPI, row.file, request.method === "HEAD"));
      }
      if (kind === "dokumen" || kind === "hasil") {
        const row =
          kind === "dokumen"
            ? await prisma.dokumenPengajuan.findUnique({ where: { id }, include: { file: true, pengajuan: { select: { pemohonId: true, instansiId: true } } } })
            : await prisma.hasilDokumen.findUnique({ where: { id }, include: { file: true, pengajuan: { select: { pemohonId: true, instansiId: true } } } });
        if (!row || !can(ctx, "pengajuan:lihat", row.pengajuan)) return notFound();
        await auditRead(auditCtx(), kind === "dokumen" ? "Unduh dokumen persyaratan" : "Unduh dokumen hasil", row.pengajuan.pemohonId, {
          jenis: kind === "dokumen" ? "DokumenPengajuan" : "HasilDokumen",
          id,
        });
        if (kind === "hasil" && resolved?.viewer.id === row.pengajuan.pemohonId && !(row as { diunduhAt?: Date | null }).diunduhAt) {
          await prisma.hasilDokumen.update({ where: { id }, data: { diunduhAt: new Date() } });
        }
        return endResponse(await fileResponse(services, fetchAPI, row.file, request.method === "HEAD"));
      }

      const p = await prisma.pengajuan.findUnique({
        where: { id },
        include: {
          layanan: { select: { nama: true } },
          instansi: { include: { jamLayanan: { orderBy: [{ hari: "asc" }, { buka: "asc" }] } } },
          pemohon: true,
          dokumen: { where: { diganti: false }, include: { persyaratan: { select: { label: true, urutan: true } }, file: { select: { namaAsli: true } } } },
        },
      });
      if (!p || !can(ctx, "pengajuan:lihat", p) || !p.nomorRegistrasi || !p.diajukanAt) return notFound();
      // loaded on the first receipt, not at start: pdf-lib and qrcode hold ~19 MB that most processes never need
      const { buktiPengajuanPdf } = await import("./modules/pengajuan/bukti");
      const pdf = await buktiPengajuanPdf({
        nomorRegistrasi: p.nomorRegistrasi,
        layanan: p.layanan.nama,
        instansi: {
          nama: p.instansi.nama,
          alamat: p.instansi.alamat,
          telepon: p.instansi.telepon,
          jamLayanan: p.instansi.jamLayanan.map((j) => `${HARI[j.hari]} ${formatMinutes(j.buka)}–${formatMinutes(j.tutup)}`).join("\n"),
        },
        pemohon: { nama: p.pemohon.namaLengkap, nikMasked: maskIdentity(revealIdentity(services.keys, p.pemohon)) },
        diajukanAt: p.diajukanAt,
        zonaLabel: (ZONE_LABEL[p.instansi.zonaWaktu] ?? "WIB") as "WIB" | "WITA" | "WIT",
        timeZone: p.instansi.zonaWaktu,
        pengiriman: p.pengiriman,
        dokumen: p.dokumen.sort((a, b) => a.persyaratan.urutan - b.persyaratan.urutan).map((d) => ({ label: d.persyaratan.label, namaFile: d.file.namaAsli })),
        verifikasiUrl: `${services.config.publicUrl}/lacak/${encodeURIComponent(p.nomorRegistrasi)}`,
      });
      return endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(pdf), {
          status: 200,
          headers: {
            "content-type": "application/pdf",
            "content-disposition": disposition(`bukti-pengajuan-${p.nomorRegistrasi.replace(/\//g, "-")}.pdf`),
            "cache-control": "private, no-store",
            "x-content-type-options": "nosniff",
          },
        }),
      );
    },
  };
}

/** The letter register as a CSV file: the same rows and checks as the GraphQL field registerSuratCsv. */
async function registerSuratCsv(services: Services, request: Request, url: URL, fetchAPI: { Response: typeof Response }): Promise<Response> {
  if (request.method !== "GET") return errorResponse(fetchAPI, 405, "Metode tidak didukung.", "METHOD_NOT_ALLOWED");
  const { token, via } = tokenFromHeaders(request.headers);
  const client = isClientToken(token) && via === "bearer" ? await services.clients.resolve(token) : null;
  const viewer = isClientToken(token) ? null : ((await services.sessions.resolve(token))?.viewer ?? null);
  if (!viewer && !client) return errorResponse(fetchAPI, 401, "Silakan masuk terlebih dahulu.", "UNAUTHENTICATED");
  const ctx = { viewer, client } as Parameters<typeof can>[0];
  const forbidden = () => errorResponse(fetchAPI, 403, "Anda tidak memiliki akses untuk tindakan ini.", "FORBIDDEN");
  if (!can(ctx, "surat:lihatRegister", ANY)) return forbidden(); // before the parameters: a stranger learns nothing of them
  const q = url.searchParams;
  const instansiId = q.get("instansiId") || viewer?.instansiId || "";
  const tahun = q.get("tahun") ? Number(q.get("tahun")) : null;
  const status = (q.get("status") || null) as SuratStatus | null; // checked below
  if (!/^[0-9a-f-]{36}$/.test(instansiId)) return errorResponse(fetchAPI, 400, "Pilih instansi terlebih dahulu.", "INSTANSI_WAJIB");
  if (tahun !== null && !(Number.isInteger(tahun) && tahun >= 2000 && tahun <= 2999))
    return errorResponse(fetchAPI, 400, "Tahun tidak valid.", "TAHUN_INVALID");
  if (status !== null && !(Object.values(SuratStatus) as string[]).includes(status))
    return errorResponse(fetchAPI, 400, "Status tidak valid.", "STATUS_INVALID");
  if (!can(ctx, "surat:lihatRegister", { instansiId })) return forbidden();
  const csv = await registerSuratCsvUnduh(services.db.prisma, { instansiId, tahun, status });
  return new fetchAPI.Response(csv, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="register-surat-${tahun ?? "semua"}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

async function fileResponse(
  services: Services,
  fetchAPI: { Response: typeof Response },
  file: { storageKey: string; mime: string; namaAsli: string; ukuran: number },
  head: boolean,
): Promise<Response> {
  const headers = {
    "content-type": file.mime,
    "content-length": String(file.ukuran),
    "content-disposition": disposition(file.namaAsli),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  };
  // the row is there but its stored file is gone (a lost disk, a restore without the files folder)
  const gone = () =>
    errorResponse(fetchAPI, 410, "Berkas ini tidak lagi tersedia di penyimpanan server. Hubungi instansi agar berkasnya diunggah ulang.", "FILE_NOT_FOUND");
  if (head) return (await services.storage.exists(file.storageKey)) ? new fetchAPI.Response(null, { status: 200, headers }) : gone();
  let stream: NodeJS.ReadableStream | ReadableStream;
  try {
    stream = await services.storage.open(file.storageKey);
  } catch (err) {
    if (err instanceof NotFoundError) return gone();
    throw err;
  }
  const body = stream instanceof ReadableStream ? stream : (Readable.toWeb(stream as Readable) as ReadableStream);
  return new fetchAPI.Response(body, { status: 200, headers });
}

/**
 * A refused download: the Indonesian sentence as the body (a person sees it in the browser tab), the stable
 * code in the `x-loket-error` header for programs. Never a stack or a server path.
 */
function errorResponse(fetchAPI: { Response: typeof Response }, status: number, message: string, code: string): Response {
  return new fetchAPI.Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "x-loket-error": code, "cache-control": "no-store" },
  });
}

/** `inline` so PDFs and images open in the browser's viewer; the name in both forms for old and new clients. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
