import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { Keys } from "../../lib/crypto";
import type { KanalConfig } from "../../config";
import type { PubSub } from "../../pubsub";
import { icsEvent } from "../../lib/ics";
import { formatTanggalJam } from "../calendar/tanggal";
import { emailRow } from "../mail/outbox";
import { penerima } from "../kanal/outbox";
import { createNotifications, publishNotifications, type NotificationEvent } from "../notification/service";
import type { Dilepas } from "./service";

/**
 * What people are told about their visits: the day-before reminder (in-app, email with a calendar invitation, and
 * WhatsApp/SMS when they chose it for "Pengingat jadwal kunjungan"), and a booking the office had to cancel
 * because a calendar change closed its slot. Written in the transaction that marks the booking, sent by the
 * outbox workers after commit.
 */

type Tx = Prisma.TransactionClient;

export interface Deps {
  keys: Keys;
  kanal: KanalConfig;
  publicUrl: string;
}

const ZONA: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };
const waktu = (d: Date, zona: string) => formatTanggalJam(d, zona, ZONA[zona] ?? zona);

async function kirim(
  tx: Tx,
  deps: Deps,
  k: { pemohonId: string; email: string },
  notice: { kind: string; judul: string; isi: string; tautan: string; ics: string | null; data: Prisma.InputJsonValue },
): Promise<NotificationEvent[]> {
  const events = await createNotifications(tx, [{ userId: k.pemohonId, kind: notice.kind, judul: notice.judul, isi: notice.isi, data: notice.data }]);
  const to = await penerima(tx, deps, k.pemohonId, "PENGINGAT_KUNJUNGAN", { judul: notice.judul, isi: notice.isi, tautan: notice.tautan });
  const rows: Prisma.OutboxCreateManyInput[] = [...to.rows];
  if (to.email && k.email.includes("@"))
    rows.push(
      emailRow({
        to: k.email,
        subject: notice.judul,
        text: `${notice.isi}\n\nLihat jadwal Anda: ${notice.tautan}\n\nPesan ini dikirim otomatis oleh Loket.`,
        kategori: "KUNJUNGAN",
        ...(notice.ics ? { ics: notice.ics } : {}),
      }),
    );
  if (rows.length > 0) await tx.outbox.createMany({ data: rows });
  return events;
}

/** Tells each person whose booking a calendar change cancelled (in the change's transaction). */
export async function beritahuDilepas(tx: Tx, deps: Deps, dilepas: readonly Dilepas[], alasan: string): Promise<NotificationEvent[]> {
  const events: NotificationEvent[] = [];
  for (const k of dilepas) {
    const tautan = `${deps.publicUrl}/kunjungan`;
    const isi =
      `Jadwal kunjungan ${k.kode} untuk ${k.layananNama} pada ${waktu(k.mulai, k.zonaWaktu)} dibatalkan oleh kantor: ${alasan}. ` +
      "Mohon maaf. Silakan pilih jadwal lain di Loket.";
    events.push(
      ...(await kirim(tx, deps, k, {
        kind: "KUNJUNGAN_DIBATALKAN_KANTOR",
        judul: `Jadwal kunjungan ${k.kode} dibatalkan kantor`,
        isi,
        tautan,
        ics: icsEvent({
          uid: `${k.id}@loket`,
          mulai: k.mulai,
          selesai: k.selesai,
          judul: `Kunjungan ${k.layananNama} (dibatalkan)`,
          lokasi: "",
          uraian: isi,
          penyelenggara: { nama: "Loket", email: null },
          urutan: 1,
          batal: true,
        }),
        data: { kunjunganKode: k.kode },
      })),
    );
  }
  return events;
}

/** Reminders are sent this long before a visit (once; a rescheduled visit is reminded again). */
export const PENGINGAT_SEBELUM_MS = 24 * 3_600_000;

/**
 * Sends the reminders due now: every booked visit starting within the next 24 hours not yet reminded. Each is marked
 * and its messages queued in one transaction; a booking marked by another instance meanwhile is skipped.
 */
export async function kirimPengingat(prisma: PrismaClient, pubsub: PubSub, deps: Deps, now = new Date()): Promise<number> {
  const due = await prisma.kunjungan.findMany({
    where: { status: "DIPESAN", diingatkanAt: null, mulai: { gt: now, lte: new Date(now.getTime() + PENGINGAT_SEBELUM_MS) } },
    include: {
      layanan: { select: { nama: true } },
      pemohon: { select: { email: true } },
      instansi: { select: { nama: true, alamat: true, zonaWaktu: true, email: true } },
    },
    take: 500,
    orderBy: { mulai: "asc" },
  });
  let sent = 0;
  for (const k of due) {
    const events = await prisma.$transaction(async (tx) => {
      const marked = await tx.kunjungan.updateMany({ where: { id: k.id, diingatkanAt: null, status: "DIPESAN" }, data: { diingatkanAt: now } });
      if (marked.count !== 1) return [];
      const tempat = [k.instansi.nama, k.instansi.alamat].filter(Boolean).join(", ");
      const isi =
        `Pengingat: kunjungan ${k.layanan.nama} di ${tempat} pada ${waktu(k.mulai, k.instansi.zonaWaktu)}. ` +
        `Tunjukkan kode ${k.kode} di loket dan bawa KTP serta dokumen asli yang diminta.`;
      return kirim(
        tx,
        deps,
        { pemohonId: k.pemohonId, email: k.pemohon.email },
        {
          kind: "KUNJUNGAN_PENGINGAT",
          judul: `Pengingat kunjungan ${k.kode}`,
          isi,
          tautan: `${deps.publicUrl}/kunjungan`,
          ics: icsEvent({
            uid: `${k.id}@loket`,
            mulai: k.mulai,
            selesai: k.selesai,
            judul: `Kunjungan ${k.layanan.nama} (${k.kode})`,
            lokasi: tempat,
            uraian: isi,
            penyelenggara: { nama: k.instansi.nama, email: k.instansi.email || null },
          }),
          data: { kunjunganKode: k.kode },
        },
      );
    });
    if (events.length > 0) sent++;
    publishNotifications(pubsub, events);
  }
  return sent;
}
