import { createHmac, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { Keys } from "../lib/crypto";
import { revealIdentity } from "../modules/identity/protect";

/**
 * Every instance on one database must hold the same LOKET_SECRET (or the same DATA_DIR/secret.key): with another
 * key an instance cannot log anyone in (the blind index of a NIK differs), cannot read identity numbers, and lets
 * one NIK register twice. The database keeps a key check value (an HMAC of a fixed label under the derived key,
 * which reveals nothing about the key) written on the first start and compared on every start.
 *
 * A database from before the check has none yet: the value is written only if the stored data decrypts with this
 * key (one encrypted identity number is tried); if it does not, the start is refused as well.
 */
export class KeyMismatchError extends Error {}

const LABEL = "loket-key-check-v1";

export function keyCheckValue(keys: Keys): string {
  const enc = createHmac("sha256", keys.encryption).update(LABEL).digest();
  const idx = createHmac("sha256", keys.blindIndex).update(LABEL).digest();
  return createHmac("sha256", Buffer.concat([enc, idx]))
    .update(LABEL)
    .digest("hex");
}

const MISMATCH =
  "LOKET_SECRET does not match the key this database was created with (its key check value differs). " +
  "Every instance on one database needs the same LOKET_SECRET (or, without it, the same DATA_DIR/secret.key). " +
  "Start this instance with the secret the others use; the database was not changed.";

/** Returns "written" on the first start (or the first after the upgrade), "matched" when the key is the database's own. */
export async function verifyKeyCheck(prisma: PrismaClient, keys: Keys): Promise<"matched" | "written"> {
  const expected = keyCheckValue(keys);
  const same = (v: string) => v.length === expected.length && timingSafeEqual(Buffer.from(v), Buffer.from(expected));
  const row = await prisma.keyCheck.findUnique({ where: { id: 1 } });
  if (row) {
    if (!same(row.value)) throw new KeyMismatchError(MISMATCH);
    return "matched";
  }
  const sample = await prisma.user.findFirst({ select: { id: true, identityCipher: true }, orderBy: { createdAt: "asc" } });
  if (sample) {
    try {
      revealIdentity(keys, sample);
    } catch {
      throw new KeyMismatchError(
        "LOKET_SECRET does not match the key the data in this database was written with (a stored identity number " +
          "does not decrypt with it). Start with the secret the database was created with; the database was not changed.",
      );
    }
  }
  // two first starts racing: one row wins, and the other compares against it
  await prisma.keyCheck.createMany({ data: [{ id: 1, value: expected }], skipDuplicates: true });
  const stored = await prisma.keyCheck.findUniqueOrThrow({ where: { id: 1 } });
  if (!same(stored.value)) throw new KeyMismatchError(MISMATCH);
  return "written";
}
