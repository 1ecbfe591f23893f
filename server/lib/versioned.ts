import { ConflictError } from "./errors";

/**
 * Optimistic concurrency for every versioned case (pengajuan, pengaduan, PPID request, objection): the version
 * the caller saw is compared FIRST, before any rule about the case's state. Of two officers acting on the same
 * version, the loser's page is stale, so CONFLICT ("reload") is the true answer, not ILLEGAL_TRANSITION
 * reasoned from a state the loser never saw. Call it right after visibility and authority are settled; the
 * write still claims the version atomically (UPDATE … WHERE versi = seen), which catches the exact tie.
 */
export function assertVersion(
  current: { versi: number },
  seen: number,
  message = "Data ini baru saja diubah oleh orang lain. Muat ulang halaman dan periksa kembali.",
): void {
  if (current.versi !== seen) throw new ConflictError("CONFLICT", message, "versi");
}
