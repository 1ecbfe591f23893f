import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { openDatabase } from "../../server/db/client";

/**
 * A first start on an empty data folder: PGlite is opened, then migrated in the same process. Enum arrays the
 * migrations create must then work at once (they did not until PGlite re-read its array types).
 */
it("a freshly migrated embedded database filters enum arrays in the same process", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-fresh-"));
  const db = await openDatabase({ dataDir: dir, databaseUrl: undefined, log: () => {} });
  try {
    expect(db.applied.length).toBeGreaterThan(0);
    await expect(
      db.prisma.webhookSubscription.findMany({ where: { events: { has: "PPID_TENGGAT" }, client: { scopes: { has: "TERIMA_WEBHOOK" } } } }),
    ).resolves.toEqual([]);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
