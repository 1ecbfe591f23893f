import { lepasSlotTutup, publishSlot } from "../kunjungan/service";
import { beritahuDilepas } from "../kunjungan/notify";
import { konsultasiChain } from "../konsultasi/service";
import { kanalDeps } from "../kanal/outbox";
import { publishNotifications } from "../notification/service";
import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Context } from "../../context";
import type { Prisma, PrismaClient, Pengajuan, PengajuanLog } from "../../generated/prisma/client";
import { actorIds } from "../../lib/caller";
import { CLOCK_RUNNING } from "../pengajuan/transitions";
import { slaRule } from "../pengajuan/sla";
import { publishPengajuan } from "../pengajuan/service";
import { JAWAB_HARI, PERPANJANG_MAKS_HARI, SENGKETA_HARI, TANGGAPAN_KEBERATAN_HARI, KEBERATAN_HARI } from "../../shared/ppid";
import { webhookDeliveries } from "../webhook/outbox";
import { loadCalendar } from "./service";
import {
  complaintFollowUpRule,
  computeDeadline,
  explainDeadline,
  formatLocal,
  localDateOf,
  workingDaysBetween,
  type Deadline,
  type DeadlineExplanation,
  type DeadlineRule,
  type OfficeCalendar,
} from "./working-time";

/**
 * The open deadlines of an instansi: every legal clock Loket stores, in one registry. Each entry names its
 * column (and its provisional flag), which rows are still open, and the rule that computes it (as data, for
 * working-time.ts). A calendar change recomputes every entry's open rows in the change's own transaction
 * (`changeCalendar`); the explanation API (`explain`) reads the same rule. tests/calendar/deadline-registry.test.ts
 * parses prisma/schema.prisma and fails when a deadline column is neither here nor in NOT_DEADLINES.
 */

type Tx = Prisma.TransactionClient;

/** One stretch of a deadline: `rule` counted from `from`. A chain (PPID extension) counts each from the previous end. */
export interface Segment {
  from: Date;
  rule: DeadlineRule;
  since: string;
}

/** A chain whose first stretch starts at `from`; a later stretch with `from: null` starts where the previous ended. */
export type Chain = Array<Omit<Segment, "from"> & { from: Date | null }>;

export interface OpenRow {
  id: string;
  instansiId: string;
  at: Date | null;
  provisional: boolean;
  chain: Chain;
}

export type CaseKind = "PENGAJUAN" | "PENGADUAN" | "PERMOHONAN_INFORMASI" | "KEBERATAN" | "KONSULTASI";

export interface DeadlineColumn {
  model: string;
  column: string;
  /** the Boolean column saying the deadline is provisional */
  provisional: string;
  kind: CaseKind;
  /** how the history step names it */
  label: string;
  /** the open rows (still counting), of one instansi or all */
  open(tx: Tx, instansiId: string | null, now: Date, cal: (instansiId: string) => Promise<OfficeCalendar>): Promise<OpenRow[]>;
}

const where = (instansiId: string | null) => (instansiId ? { instansiId } : {});
const wherePermohonan = (instansiId: string | null) => (instansiId ? { permohonan: { instansiId } } : {});

/** The registry's row of a case, or none where its clock does not run (no chain). */
function openRow(id: string, instansiId: string, at: Date | null, provisional: boolean, chain: Chain | null): OpenRow[] {
  return chain ? [{ id, instansiId, at, provisional, chain }] : [];
}

// The rule of each deadline, per row: used by the recompute below and by the explanation fields alike.

export function pengajuanChain(
  p: { slaMulaiAt: Date | null; slaSisaMenit: number | null },
  layanan: { slaJumlah: number; slaSatuan: Parameters<typeof slaRule>[0]["satuan"] },
): Chain | null {
  const s = slaRule({ jumlah: layanan.slaJumlah, satuan: layanan.slaSatuan }, { mulaiAt: p.slaMulaiAt, sisaMenit: p.slaSisaMenit });
  return s ? [s] : null;
}

export function pengaduanChain(p: { mulaiDihitungAt: Date | null; diverifikasiAt: Date | null }, aturan: "HARI_KERJA" | "JAM_KALENDER"): Chain | null {
  const from = p.mulaiDihitungAt ?? p.diverifikasiAt;
  return from ? [{ from, rule: complaintFollowUpRule(aturan), since: "sejak pengaduan diverifikasi" }] : null;
}

/** 10 working days from receipt; after the one extension, its days counted on from that first deadline. */
export function permohonanChain(
  p: { diterimaAt: Date; tenggat: Date; diperpanjangAt: Date | null; hariPerpanjangan: number | null },
  cal: OfficeCalendar,
): Chain {
  const chain: Chain = [{ from: p.diterimaAt, rule: { kind: "HARI_KERJA", days: JAWAB_HARI }, since: "sejak permohonan diterima (Pasal 22 ayat 7)" }];
  if (p.diperpanjangAt) {
    // rows extended before hariPerpanjangan was kept: the working days between the first deadline and the stored one
    const hari =
      p.hariPerpanjangan ??
      Math.min(PERPANJANG_MAKS_HARI, Math.max(1, workingDaysBetween(cal, computeDeadline(cal, p.diterimaAt, chain[0]!.rule).at, p.tenggat)));
    chain.push({ from: null, rule: { kind: "HARI_KERJA", days: hari }, since: "sejak tenggat awal (perpanjangan, Pasal 22 ayat 8)" });
  }
  return chain;
}

export function tanggapanKeberatanChain(k: { diajukanAt: Date }): Chain {
  return [{ from: k.diajukanAt, rule: { kind: "HARI_KERJA", days: TANGGAPAN_KEBERATAN_HARI }, since: "sejak keberatan diajukan (Pasal 36 ayat 2)" }];
}

export function sengketaChain(k: { ditanggapiAt: Date | null }): Chain | null {
  return k.ditanggapiAt
    ? [{ from: k.ditanggapiAt, rule: { kind: "HARI_KERJA", days: SENGKETA_HARI }, since: "sejak tanggapan atasan PPID (Pasal 37 ayat 2)" }]
    : null;
}

/** The window to object on a ground (computed on read, see COMPUTED_DEADLINES). */
export function jendelaKeberatanChain(sejak: Date): Chain {
  return [{ from: sejak, rule: { kind: "HARI_KERJA", days: KEBERATAN_HARI }, since: "sejak alasan keberatan timbul (Pasal 36 ayat 1)" }];
}

export const DEADLINE_COLUMNS: readonly DeadlineColumn[] = [
  {
    model: "Konsultasi",
    column: "tenggatJawab",
    provisional: "tenggatJawabSementara",
    kind: "KONSULTASI",
    label: "Tenggat jawaban konsultasi",
    async open(tx, instansiId) {
      const rows = await tx.konsultasi.findMany({
        where: { status: "DIEKSKALASI", ...where(instansiId) },
        select: {
          id: true,
          instansiId: true,
          dieskalasiAt: true,
          tenggatJawab: true,
          tenggatJawabSementara: true,
          layanan: { select: { slaJumlah: true, slaSatuan: true } },
        },
      });
      return rows.flatMap((k) =>
        openRow(
          k.id,
          k.instansiId,
          k.tenggatJawab,
          k.tenggatJawabSementara,
          konsultasiChain(k, k.layanan ? { jumlah: k.layanan.slaJumlah, satuan: k.layanan.slaSatuan } : null),
        ),
      );
    },
  },
  {
    model: "Pengajuan",
    column: "tenggat",
    provisional: "tenggatSementara",
    kind: "PENGAJUAN",
    label: "Tenggat penyelesaian",
    async open(tx, instansiId) {
      const rows = await tx.pengajuan.findMany({
        where: { status: { in: [...CLOCK_RUNNING] }, slaMulaiAt: { not: null }, ...where(instansiId) },
        select: {
          id: true,
          instansiId: true,
          slaMulaiAt: true,
          slaSisaMenit: true,
          tenggat: true,
          tenggatSementara: true,
          layanan: { select: { slaJumlah: true, slaSatuan: true } },
        },
      });
      return rows.flatMap((p) => openRow(p.id, p.instansiId, p.tenggat, p.tenggatSementara, pengajuanChain(p, p.layanan)));
    },
  },
  {
    model: "Pengaduan",
    column: "tenggat",
    provisional: "tenggatSementara",
    kind: "PENGADUAN",
    label: "Tenggat tindak lanjut",
    async open(tx, instansiId) {
      const rows = await tx.pengaduan.findMany({
        where: { status: "DIVERIFIKASI", tenggat: { not: null }, ...where(instansiId) },
        select: {
          id: true,
          instansiId: true,
          mulaiDihitungAt: true,
          diverifikasiAt: true,
          tenggat: true,
          tenggatSementara: true,
          instansi: { select: { aturanTenggatAduan: true } },
        },
      });
      return rows.flatMap((p) => openRow(p.id, p.instansiId, p.tenggat, p.tenggatSementara, pengaduanChain(p, p.instansi.aturanTenggatAduan)));
    },
  },
  {
    model: "PermohonanInformasi",
    column: "tenggat",
    provisional: "tenggatSementara",
    kind: "PERMOHONAN_INFORMASI",
    label: "Tenggat jawaban",
    async open(tx, instansiId, _now, cal) {
      const rows = await tx.permohonanInformasi.findMany({
        where: { status: { in: ["DITERIMA", "DIPERPANJANG"] }, ...where(instansiId) },
        select: { id: true, instansiId: true, diterimaAt: true, tenggat: true, tenggatSementara: true, diperpanjangAt: true, hariPerpanjangan: true },
      });
      const out: OpenRow[] = [];
      for (const p of rows) {
        out.push(...openRow(p.id, p.instansiId, p.tenggat, p.tenggatSementara, permohonanChain(p, await cal(p.instansiId))));
      }
      return out;
    },
  },
  {
    model: "Keberatan",
    column: "tenggatTanggapan",
    provisional: "tenggatTanggapanSementara",
    kind: "KEBERATAN",
    label: "Tenggat tanggapan keberatan",
    async open(tx, instansiId) {
      const rows = await tx.keberatan.findMany({
        where: { status: "DIAJUKAN", ...wherePermohonan(instansiId) },
        select: { id: true, diajukanAt: true, tenggatTanggapan: true, tenggatTanggapanSementara: true, permohonan: { select: { instansiId: true } } },
      });
      return rows.flatMap((k) => openRow(k.id, k.permohonan.instansiId, k.tenggatTanggapan, k.tenggatTanggapanSementara, tanggapanKeberatanChain(k)));
    },
  },
  {
    model: "Keberatan",
    column: "batasSengketa",
    provisional: "batasSengketaSementara",
    kind: "KEBERATAN",
    label: "Batas pengajuan sengketa ke Komisi Informasi",
    async open(tx, instansiId, now) {
      // open while the window has not closed: a closed window is history
      const rows = await tx.keberatan.findMany({
        where: { status: "DITANGGAPI", ditanggapiAt: { not: null }, batasSengketa: { gt: now }, ...wherePermohonan(instansiId) },
        select: { id: true, ditanggapiAt: true, batasSengketa: true, batasSengketaSementara: true, permohonan: { select: { instansiId: true } } },
      });
      return rows.flatMap((k) => openRow(k.id, k.permohonan.instansiId, k.batasSengketa, k.batasSengketaSementara, sengketaChain(k)));
    },
  },
];

/**
 * Deadlines that are not stored, computed whenever they are read (so they follow the calendar by themselves),
 * and date columns that look like deadlines but are not legal clocks. The registry test accepts these.
 */
export const COMPUTED_DEADLINES = [
  {
    name: "PermohonanInformasi.alasanKeberatan[].batas",
    rule: { kind: "HARI_KERJA", days: KEBERATAN_HARI } as DeadlineRule,
    why: "the 30-working-day window to object (Pasal 36 ayat 1), computed on read from the ground's moment",
  },
] as const;

export const NOT_DEADLINES: Readonly<Record<string, string>> = {
  "PengingatTenggat.tenggat": "the deadline a PPID_TENGGAT reminder was queued for (part of its key): a moved deadline gets new reminders",
  "ApiClient.berlakuSampai": "an API key's expiry chosen by an admin, not a clock on the office calendar",
  "PengaturanTtd.sertifikatBerlakuSampai":
    "the signing certificate's notAfter, read from the certificate: an instant set by its issuer, not the office calendar",
  "PejabatPenandatangan.ttdTerkunciSampai": "the end of a 15-minute lock after wrong passphrases: wall-clock minutes against guessing, not the office calendar",
};

// ---------------------------------------------------------------------------------------------------
// Computing and explaining a chain

export function computeChain(cal: OfficeCalendar, chain: Chain): Deadline {
  let at: Date | null = null;
  let provisional = false;
  for (const s of chain) {
    const d = computeDeadline(cal, s.from ?? at!, s.rule);
    at = d.at;
    provisional ||= d.provisional;
  }
  return { at: at!, provisional };
}

/** The explanation of a chain: one stretch as explainDeadline gives it; a chain's days follow on (counted days numbered on). */
export function explainChain(cal: OfficeCalendar, chain: Chain): DeadlineExplanation {
  let result: DeadlineExplanation | null = null;
  for (const s of chain) {
    const e: DeadlineExplanation = explainDeadline(cal, s.from ?? result!.at, s.rule, s.since);
    if (!result) result = e;
    else {
      const prev: DeadlineExplanation = result;
      const offset: number = prev.counted.length;
      result = {
        ...prev,
        at: e.at,
        provisional: prev.provisional || e.provisional,
        ruleText: `${prev.ruleText}; diperpanjang ${e.ruleText}`,
        counted: [...prev.counted, ...e.counted.map((c) => ({ ...c, n: c.n + offset }))],
        skipped: [...prev.skipped, ...e.skipped],
      };
    }
  }
  return result!;
}

// ---------------------------------------------------------------------------------------------------
// The calendar change and its recompute, in one transaction

const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** '2026-03-30' → '30 Maret 2026' */
export function tanggalPanjang(date: string, withYear = true): string {
  const [y, m, d] = date.split("-");
  return `${Number(d)} ${BULAN[Number(m) - 1]}${withYear ? ` ${y}` : ""}`;
}

function perubahan(cal: OfficeCalendar, from: { at: Date | null; provisional: boolean }, to: Deadline, alasan: string): string {
  const toDate = localDateOf(cal, to.at);
  const toTime = formatLocal(cal, to.at).slice(11);
  const sementara = to.provisional ? " (sementara)" : "";
  if (!from.at) return `Tenggat ditetapkan: ${tanggalPanjang(toDate)} ${toTime}${sementara} karena ${alasan}`;
  const fromDate = localDateOf(cal, from.at);
  const fromTime = formatLocal(cal, from.at).slice(11);
  if (from.at.getTime() === to.at.getTime()) {
    return `Tenggat ${tanggalPanjang(toDate)} ${to.provisional ? "kini sementara" : "tidak lagi sementara"} karena ${alasan}`;
  }
  const showTime = fromDate === toDate || fromTime !== toTime;
  const left = `${tanggalPanjang(fromDate, fromDate.slice(0, 4) !== toDate.slice(0, 4) || showTime)}${showTime ? ` ${fromTime}` : ""}`;
  const right = `${tanggalPanjang(toDate)}${showTime ? ` ${toTime}` : ""}`;
  return `Tenggat berubah: ${left} → ${right}${sementara} karena ${alasan}`;
}

/** What a recompute moved, to announce after the commit. */
export interface Moved {
  kind: CaseKind;
  column: string;
  id: string;
  instansiId: string;
  /** the case whose history got the step (for KEBERATAN: its permohonan) */
  caseId: string;
  pesan: string;
  pengajuan?: { row: Pengajuan; log: PengajuanLog };
  seq: number;
}

type Actor = Pick<Context, "viewer" | "client" | "webhookTargets">;

/**
 * Recomputes every open deadline of the instansi (null: all) with the calendar as `tx` sees it; for each one
 * that moved or whose provisional flag changed, writes the new value, a history step and the webhook rows.
 */
export async function recomputeOpenDeadlines(ctx: Actor, tx: Tx, instansiId: string | null, alasan: string, now = new Date()): Promise<Moved[]> {
  const calendars = new Map<string, Promise<OfficeCalendar>>();
  const cal = (id: string) => {
    let c = calendars.get(id);
    if (!c) calendars.set(id, (c = loadCalendar(tx, id)));
    return c;
  };
  const moved: Moved[] = [];
  for (const col of DEADLINE_COLUMNS) {
    // sequential: one connection inside a PGlite transaction
    for (const row of await col.open(tx, instansiId, now, cal)) {
      const c = await cal(row.instansiId);
      let d: Deadline;
      try {
        d = computeChain(c, row.chain);
      } catch {
        continue; // an office without any opening hours: no deadline can be reached; keep the stored value
      }
      if (row.at && d.at.getTime() === row.at.getTime() && d.provisional === row.provisional) continue;
      const text = perubahan(c, row, d, alasan);
      const pesan = col.kind === "KEBERATAN" ? `${col.label} — ${text}` : text;
      moved.push(await write(ctx, tx, col, row, d, pesan, now));
    }
  }
  return moved;
}

async function write(ctx: Actor, tx: Tx, col: DeadlineColumn, row: OpenRow, d: Deadline, pesan: string, now: Date): Promise<Moved> {
  const actor = actorIds(ctx);
  const base = { kind: col.kind, column: col.column, id: row.id, instansiId: row.instansiId, pesan };
  switch (col.kind) {
    case "PENGAJUAN": {
      const p = await tx.pengajuan.update({
        where: { id: row.id },
        data: { tenggat: d.at, tenggatSementara: d.provisional, seq: { increment: 1 } },
        include: { layanan: { select: { id: true, kode: true, nama: true } } },
      });
      const log = await tx.pengajuanLog.create({
        data: {
          id: randomUUID(),
          pengajuanId: p.id,
          seq: p.seq,
          aksi: "TENGGAT_BERUBAH",
          dariStatus: p.status,
          keStatus: p.status,
          ...actor,
          pesan,
          createdAt: now,
        },
      });
      if (p.nomorRegistrasi) {
        const deliveries = await webhookDeliveries(
          tx,
          {
            event: "PENGAJUAN_STATUS",
            instansiId: p.instansiId,
            at: now,
            data: {
              pengajuanId: encodeGlobalID("Pengajuan", p.id),
              nomorRegistrasi: p.nomorRegistrasi,
              layanan: { id: encodeGlobalID("Layanan", p.layanan.id), kode: p.layanan.kode, nama: p.layanan.nama },
              aksi: "TENGGAT_BERUBAH",
              dariStatus: p.status,
              status: p.status,
              seq: p.seq,
              tenggat: d.at.toISOString(),
              tenggatSementara: d.provisional,
              pesan,
            },
          },
          ctx.webhookTargets,
        );
        if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
      }
      const { layanan: _l, ...pengajuan } = p;
      return { ...base, caseId: p.id, seq: p.seq, pengajuan: { row: pengajuan as Pengajuan, log } };
    }
    case "PENGADUAN": {
      const p = await tx.pengaduan.update({ where: { id: row.id }, data: { tenggat: d.at, tenggatSementara: d.provisional, seq: { increment: 1 } } });
      await tx.pengaduanLog.create({
        data: { pengaduanId: p.id, seq: p.seq, aksi: "TENGGAT_BERUBAH", dariStatus: p.status, keStatus: p.status, ...actor, pesan, createdAt: now },
      });
      return { ...base, caseId: p.id, seq: p.seq };
    }
    case "PERMOHONAN_INFORMASI": {
      const p = await tx.permohonanInformasi.update({ where: { id: row.id }, data: { tenggat: d.at, tenggatSementara: d.provisional, seq: { increment: 1 } } });
      await tx.permohonanLog.create({ data: { permohonanId: p.id, seq: p.seq, aksi: "TENGGAT_BERUBAH", aktorId: actor.aktorId, pesan, createdAt: now } });
      return { ...base, caseId: p.id, seq: p.seq };
    }
    case "KONSULTASI": {
      // no history table: the consultation carries its deadline and its version moves on
      const k = await tx.konsultasi.update({
        where: { id: row.id },
        data: { tenggatJawab: d.at, tenggatJawabSementara: d.provisional, versi: { increment: 1 } },
        select: { id: true, versi: true },
      });
      return { ...base, caseId: k.id, seq: k.versi };
    }
    case "KEBERATAN": {
      const data =
        col.column === "tenggatTanggapan"
          ? { tenggatTanggapan: d.at, tenggatTanggapanSementara: d.provisional }
          : { batasSengketa: d.at, batasSengketaSementara: d.provisional };
      const k = await tx.keberatan.update({ where: { id: row.id }, data, select: { nomorRegister: true, permohonanId: true } });
      const p = await tx.permohonanInformasi.update({ where: { id: k.permohonanId }, data: { seq: { increment: 1 } }, select: { id: true, seq: true } });
      const text = `Keberatan ${k.nomorRegister} — ${pesan}`;
      await tx.permohonanLog.create({ data: { permohonanId: p.id, seq: p.seq, aksi: "TENGGAT_BERUBAH", aktorId: actor.aktorId, pesan: text, createdAt: now } });
      return { ...base, pesan: text, caseId: p.id, seq: p.seq };
    }
  }
}

/** Announces moved deadlines after the commit: subscribers of each case and the desks' lists hear of it. */
export function publishMoved(ctx: Pick<Context, "pubsub" | "webhooks">, moved: readonly Moved[]): void {
  for (const m of moved) {
    if (m.pengajuan) publishPengajuan(ctx as Context, m.pengajuan.row, m.pengajuan.log);
    else if (m.kind === "KONSULTASI") continue;
    else if (m.kind === "PENGADUAN") {
      ctx.pubsub.publish("pengaduan:updated", m.caseId, { id: m.caseId, seq: m.seq });
      ctx.pubsub.publish("instansi:pengaduan", m.instansiId, { id: m.caseId, seq: m.seq });
    } else {
      ctx.pubsub.publish("permohonan:updated", m.caseId, { id: m.caseId, seq: m.seq });
      ctx.pubsub.publish("instansi:permohonan", m.instansiId, { id: m.caseId });
    }
  }
  if (moved.some((m) => m.pengajuan)) ctx.webhooks?.kick();
}

/**
 * A change to the calendar (holidays, cuti bersama switch, closures, hours, zone, complaint rule): `change` runs in
 * one transaction with the recompute of every open deadline it concerns (`instansiId` null: every instansi, as for a
 * national holiday). After the commit: the calendar caches everywhere are cleared, and subscribers hear of each
 * moved deadline. `change` returns its row and the reason the history steps give ("hari libur 30 Maret 2026 ditambahkan");
 * reason null: nothing that counts changed, no recompute.
 */
export async function changeCalendar<T>(ctx: Context, instansiId: string | null, change: (tx: Tx) => Promise<{ row: T; alasan: string | null }>): Promise<T> {
  const { row, moved, dilepas, notices } = await (ctx.prisma as PrismaClient).$transaction(
    async (tx) => {
      const { row, alasan } = await change(tx);
      const moved = alasan ? await recomputeOpenDeadlines(ctx, tx, instansiId, alasan) : [];
      // booked visits whose slot the change closed: cancelled by the office, their people told (kunjungan/service.ts)
      const dilepas = alasan ? await lepasSlotTutup(tx, instansiId, alasan) : [];
      const notices = dilepas.length > 0 ? await beritahuDilepas(tx, kanalDeps(ctx), dilepas, alasan!) : [];
      return { row, moved, alasan, dilepas, notices };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  ctx.calendars.changed(instansiId);
  publishMoved(ctx, moved);
  if (dilepas.length > 0) {
    publishNotifications(ctx.pubsub, notices);
    for (const layananId of new Set(dilepas.map((d) => d.layananId))) publishSlot(ctx, layananId);
    ctx.mail?.kick();
    ctx.kanal?.kick();
  }
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Explanations (the API's PenjelasanTenggat)

/** The explanation of one open row's deadline, as computed with the instansi's current calendar. */
export async function explainFor(
  ctx: Pick<Context, "calendars">,
  instansiId: string,
  chain: (cal: OfficeCalendar) => Chain | null,
): Promise<DeadlineExplanation | null> {
  try {
    const cal = await ctx.calendars.get(instansiId);
    const c = chain(cal);
    return c && explainChain(cal, c);
  } catch {
    return null;
  }
}
