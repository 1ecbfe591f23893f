/**
 * 2026 national holidays and cuti bersama, as set by the joint decree (SKB) of the Minister of
 * Religious Affairs, the Minister of Manpower and the Minister for PAN-RB. Seed data for the
 * admin-editable holiday table (Prisma `HariLibur`: tanggal, nama, jenis, dasarHukum): the
 * government may amend dates during the year (isbat), so the table, not this file, is authoritative
 * once seeded.
 */
import type { HolidayKind } from "./working-time";

export interface HolidayRow {
  /** local date 'YYYY-MM-DD' */
  date: string;
  name: string;
  kind: HolidayKind;
  /** the decree that set the row (dasar hukum) */
  decree: string;
}

export const SKB_2026 = "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025";

const row = (date: string, name: string, kind: HolidayKind): HolidayRow => Object.freeze({ date, name, kind, decree: SKB_2026 });

const L = "LIBUR_NASIONAL" as const;
const C = "CUTI_BERSAMA" as const;

export const HOLIDAYS_2026: readonly HolidayRow[] = Object.freeze([
  row("2026-01-01", "Tahun Baru 2026 Masehi", L),
  row("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", L),
  row("2026-02-16", "Cuti Bersama Tahun Baru Imlek 2577 Kongzili", C),
  row("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", L),
  row("2026-03-18", "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)", C),
  row("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", L),
  row("2026-03-20", "Cuti Bersama Idulfitri 1447 Hijriah", C),
  row("2026-03-21", "Idulfitri 1447 Hijriah (hari pertama)", L),
  row("2026-03-22", "Idulfitri 1447 Hijriah (hari kedua)", L),
  row("2026-03-23", "Cuti Bersama Idulfitri 1447 Hijriah", C),
  row("2026-03-24", "Cuti Bersama Idulfitri 1447 Hijriah", C),
  row("2026-04-03", "Wafat Yesus Kristus", L),
  row("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", L),
  row("2026-05-01", "Hari Buruh Internasional", L),
  row("2026-05-14", "Kenaikan Yesus Kristus", L),
  row("2026-05-15", "Cuti Bersama Kenaikan Yesus Kristus", C),
  row("2026-05-27", "Iduladha 1447 Hijriah", L),
  row("2026-05-28", "Cuti Bersama Iduladha 1447 Hijriah", C),
  row("2026-05-31", "Hari Raya Waisak 2570 BE", L),
  row("2026-06-01", "Hari Lahir Pancasila", L),
  row("2026-06-16", "Tahun Baru Islam 1448 Hijriah", L),
  row("2026-08-17", "Hari Proklamasi Kemerdekaan Republik Indonesia", L),
  row("2026-08-25", "Maulid Nabi Muhammad SAW", L),
  row("2026-12-24", "Cuti Bersama Kelahiran Yesus Kristus (Natal)", C),
  row("2026-12-25", "Kelahiran Yesus Kristus (Natal)", L),
]);
