/**
 * Tables whose rows are DERIVED from other tables by database triggers (migration 20261205111311_statistik_ringkasan):
 * the ONE list backup (backup.ts), restore (restore.ts) and the office move (office-tables.ts, office.ts) read.
 *
 * Copying such a table as data is wrong: restoring inserts the base rows, the triggers fire on those inserts and
 * add to the counts the copy already holds (the queue counted twice, the statistics' change counters moved past
 * the stored answers). So they are not written to a backup or an office archive, and
 *   - restore: the rows go in with the triggers firing, then `SELECT statistik_hitung_ulang()` counts the queue
 *     from scratch and drops every stored statistic (in the restore's transaction);
 *   - office import: the instansi is new in the target, so the triggers firing on the inserted rows give exactly
 *     its counts (tests/backup/office-move.test.ts compares them with a from-scratch count).
 * tests/backup/derived.test.ts reads the trigger functions of a migrated database and fails when one writes a
 * table that is not declared here.
 */
import type { Query } from "./sql";

export interface DerivedTable {
  model: string;
  /** what keeps it */
  keptBy: string;
}

export const DERIVED: readonly DerivedTable[] = [
  { model: "AntrianJumlah", keptBy: "triggers antrian_jumlah_* on Pengajuan (queue counts per instansi, layanan, status)" },
  { model: "StatistikVersi", keptBy: "triggers statistik_* on the tables the statistics read (change counter per instansi-year)" },
  { model: "StatistikRingkasan", keptBy: "stored `statistik` answers, valid only at their StatistikVersi (recomputed on demand)" },
];

/** Why a derived table is not copied, as the office declaration and manifests say it. */
export const DERIVED_BECAUSE = "derived: recomputed by the triggers on import / statistik_hitung_ulang() after a restore";

const names = new Set(DERIVED.map((d) => d.model));
export const isDerived = (table: string) => names.has(table);

/**
 * After rows were loaded next to the triggers (a restore): count the queue again and drop the stored statistics.
 * A database at migrations older than the derived tables has no such function (nothing to recompute: the migration
 * that adds the tables counts the rows there when it runs).
 */
export async function recomputeDerived(query: Query): Promise<boolean> {
  const [fn] = await query<{ f: string | null }>(`SELECT to_regprocedure('public.statistik_hitung_ulang()')::text AS f`);
  if (!fn?.f) return false;
  await query(`SELECT "statistik_hitung_ulang"()`);
  return true;
}
