import type { Prisma, PrismaClient, PesertaPelatihan, SesiPelatihan } from "../../generated/prisma/client";
import type { PubSub } from "../../pubsub";
import type { Keys } from "../../lib/crypto";
import type { KanalConfig } from "../../config";
import { icsEvent } from "../../lib/ics";
import { formatTanggalJam } from "../calendar/tanggal";
import { emailRow } from "../mail/outbox";
import { penerima } from "../kanal/outbox";
import { createNotifications, publishNotifications, type NotificationEvent } from "../notification/service";

/**
 * What participants are told about their training (in-app, email with a calendar invitation, and WhatsApp/SMS when
 * they chose it for status notices): a place confirmed (at registration, or moved up from the waiting list), a
 * session moved or its place changed, a session cancelled by the office. Written in the transaction that made the
 * change, sent by the outbox workers after commit.
 */

type Tx = Prisma.TransactionClient;

export interface Deps {
  keys: Keys;
  kanal: KanalConfig;
  publicUrl: string;
}

export type Pemberitahuan =
  | { jenis: "TERDAFTAR" }
  | { jenis: "NAIK" }
  | { jenis: "BERUBAH" }
  | { jenis: "DIBATALKAN"; alasan: string }
  | { jenis: "PENGINGAT" };

const ZONA: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

export async function beritahu(
  tx: Tx,
  deps: Deps,
  sesi: SesiPelatihan,
  peserta: readonly Pick<PesertaPelatihan, "id" | "pesertaId" | "status">[],
  apa: Pemberitahuan,
): Promise<NotificationEvent[]> {
  if (peserta.length === 0) return [];
  const info = await tx.sesiPelatihan.findUniqueOrThrow({
    where: { id: sesi.id },
    select: { layanan: { select: { nama: true } }, instansi: { select: { nama: true, zonaWaktu: true, email: true } } },
  });
  const zona = info.instansi.zonaWaktu;
  const kapan = `${formatTanggalJam(sesi.mulai, zona, ZONA[zona] ?? zona)} di ${sesi.tempat}`;
  const tautan = `${deps.publicUrl}/pelatihan/${sesi.id}`;
  const events: NotificationEvent[] = [];
  const users = await tx.user.findMany({ where: { id: { in: peserta.map((p) => p.pesertaId) } }, select: { id: true, email: true } });
  const email = new Map(users.map((u) => [u.id, u.email]));
  for (const p of peserta) {
    const menunggu = p.status === "MENUNGGU";
    const { judul, isi } =
      apa.jenis === "DIBATALKAN"
        ? {
            judul: `Pelatihan ${sesi.judul} dibatalkan`,
            isi: `Sesi ${sesi.judul} pada ${kapan} dibatalkan oleh ${info.instansi.nama}: ${apa.alasan.replace(/[.\s]+$/, "")}. Mohon maaf.`,
          }
        : apa.jenis === "BERUBAH"
          ? {
              judul: `Jadwal pelatihan ${sesi.judul} berubah`,
              isi: `Sesi ${sesi.judul} kini pada ${kapan}.${menunggu ? " Anda masih di daftar tunggu." : " Kursi Anda tetap."}`,
            }
          : apa.jenis === "PENGINGAT"
            ? {
                judul: `Pengingat pelatihan ${sesi.judul}`,
                isi: `Pengingat: Anda terdaftar di sesi ${sesi.judul} pada ${kapan}.${sesi.persyaratan ? ` Bawa: ${sesi.persyaratan}` : ""}`,
              }
            : apa.jenis === "NAIK"
              ? {
                  judul: `Anda mendapat kursi pelatihan ${sesi.judul}`,
                  isi: `Kursi kosong di sesi ${sesi.judul} pada ${kapan} kini milik Anda (sebelumnya di daftar tunggu). Bila berhalangan, batalkan agar kursi dipakai orang lain.`,
                }
              : menunggu
                ? {
                    judul: `Daftar tunggu pelatihan ${sesi.judul}`,
                    isi: `Kursi sesi ${sesi.judul} pada ${kapan} sudah penuh: Anda masuk daftar tunggu. Kami beri tahu bila ada kursi untuk Anda.`,
                  }
                : { judul: `Terdaftar di pelatihan ${sesi.judul}`, isi: `Anda terdaftar di sesi ${sesi.judul} pada ${kapan}.` };
    events.push(...(await createNotifications(tx, [{ userId: p.pesertaId, kind: `PELATIHAN_${apa.jenis}`, judul, isi, data: { sesiId: sesi.id } }])));
    const to = await penerima(tx, deps, p.pesertaId, "STATUS_LAYANAN", { judul, isi, tautan });
    const rows: Prisma.OutboxCreateManyInput[] = [...to.rows];
    const address = email.get(p.pesertaId) ?? "";
    if (to.email && address.includes("@")) {
      // a calendar invitation for whoever holds a seat; a cancellation withdraws it
      const ics =
        menunggu && apa.jenis !== "DIBATALKAN"
          ? null
          : icsEvent({
              uid: `pelatihan-${p.id}@loket`,
              mulai: sesi.mulai,
              selesai: sesi.selesai,
              judul: `Pelatihan ${sesi.judul}`,
              lokasi: sesi.tempat,
              uraian: isi,
              penyelenggara: { nama: info.instansi.nama, email: info.instansi.email || null },
              // each later version of the invitation must carry a higher SEQUENCE: seconds since 2026 grow with every change
              urutan: Math.max(0, Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 1000)),
              ...(apa.jenis === "DIBATALKAN" ? { batal: true } : {}),
            });
      rows.push(
        emailRow({
          to: address,
          subject: judul,
          text: `${isi}\n\nLihat pendaftaran Anda: ${tautan}\n\nPesan ini dikirim otomatis oleh Loket.`,
          kategori: "PELATIHAN",
          ...(ics ? { ics } : {}),
        }),
      );
    }
    if (rows.length > 0) await tx.outbox.createMany({ data: rows });
  }
  return events;
}

/** Reminders go out this long before a session (once; a moved session is reminded again). */
export const PENGINGAT_PELATIHAN_MS = 24 * 3_600_000;

/**
 * Sends the reminders due now: every seat holder of a session starting within the next 24 hours, not reminded yet.
 * Each is marked and its messages queued in one transaction; one marked by another instance meanwhile is skipped.
 */
export async function kirimPengingatPelatihan(prisma: PrismaClient, pubsub: PubSub, deps: Deps, now = new Date()): Promise<number> {
  const due = await prisma.pesertaPelatihan.findMany({
    where: {
      status: "TERDAFTAR",
      diingatkanAt: null,
      sesi: { status: { not: "DIBATALKAN" }, mulai: { gt: now, lte: new Date(now.getTime() + PENGINGAT_PELATIHAN_MS) } },
    },
    include: { sesi: true },
    take: 500,
    orderBy: { sesi: { mulai: "asc" } },
  });
  let sent = 0;
  for (const p of due) {
    const events = await prisma.$transaction(async (tx) => {
      const marked = await tx.pesertaPelatihan.updateMany({ where: { id: p.id, diingatkanAt: null, status: "TERDAFTAR" }, data: { diingatkanAt: now } });
      if (marked.count !== 1) return [];
      return beritahu(tx, deps, p.sesi, [p], { jenis: "PENGINGAT" });
    });
    if (events.length > 0) sent++;
    publishNotifications(pubsub, events);
  }
  return sent;
}
