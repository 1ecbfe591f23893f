import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEADLINE_COLUMNS, NOT_DEADLINES } from "../../server/modules/calendar/deadlines";

/**
 * Every deadline column in prisma/schema.prisma is covered by the registry of open deadlines
 * (server/modules/calendar/deadlines.ts), or listed there as not a legal clock with a reason — so the next case
 * type cannot be added without its deadline following the calendar.
 */

const schema = fs.readFileSync(path.join(__dirname, "../../prisma/schema.prisma"), "utf8");

/** model → [field, type] of every scalar field */
function fields(): Map<string, Array<{ name: string; type: string }>> {
  const out = new Map<string, Array<{ name: string; type: string }>>();
  for (const m of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const list: Array<{ name: string; type: string }> = [];
    for (const line of m[2]!.split("\n")) {
      const f = /^\s+(\w+)\s+(\w+)(\??|\[\])/.exec(line);
      if (f) list.push({ name: f[1]!, type: f[2]! });
    }
    out.set(m[1]!, list);
  }
  return out;
}

/** what a deadline column looks like: a date-time named for a limit (tenggat, batas, jatuh tempo, sampai, deadline, due) */
const LOOKS_LIKE_DEADLINE = /^(tenggat|batas|jatuhTempo|deadline|due)|(Tenggat|Batas|JatuhTempo|Sampai|Deadline|Due)(At)?$/;

describe("registry of open deadlines", () => {
  const models = fields();

  it("finds the deadline columns it is meant to find (the parser works)", () => {
    const found = [...models].flatMap(([m, fs]) => fs.filter((f) => f.type === "DateTime" && LOOKS_LIKE_DEADLINE.test(f.name)).map((f) => `${m}.${f.name}`));
    expect(found).toEqual(
      expect.arrayContaining([
        "Pengajuan.tenggat",
        "Pengaduan.tenggat",
        "PermohonanInformasi.tenggat",
        "Keberatan.tenggatTanggapan",
        "Keberatan.batasSengketa",
      ]),
    );
  });

  it("covers every deadline column of prisma/schema.prisma", () => {
    const covered = new Set(DEADLINE_COLUMNS.map((c) => `${c.model}.${c.column}`));
    const missing = [...models].flatMap(([m, fs]) =>
      fs
        .filter((f) => f.type === "DateTime" && LOOKS_LIKE_DEADLINE.test(f.name))
        .map((f) => `${m}.${f.name}`)
        .filter((k) => !covered.has(k) && !(k in NOT_DEADLINES)),
    );
    expect(missing, "add these to DEADLINE_COLUMNS in server/modules/calendar/deadlines.ts (or to NOT_DEADLINES, with the reason)").toEqual([]);
  });

  it("every provisional flag belongs to a registered deadline, and every registered column exists", () => {
    const flags = [...models].flatMap(([m, fs]) => fs.filter((f) => f.type === "Boolean" && /Sementara$/.test(f.name)).map((f) => `${m}.${f.name}`));
    expect(flags.sort()).toEqual(DEADLINE_COLUMNS.map((c) => `${c.model}.${c.provisional}`).sort());
    for (const c of DEADLINE_COLUMNS) {
      const fs = models.get(c.model);
      expect(fs?.find((f) => f.name === c.column)?.type, `${c.model}.${c.column}`).toBe("DateTime");
    }
    for (const k of Object.keys(NOT_DEADLINES)) {
      const [m, f] = k.split(".");
      expect(
        models.get(m!)?.some((x) => x.name === f),
        k,
      ).toBe(true);
    }
  });
});
