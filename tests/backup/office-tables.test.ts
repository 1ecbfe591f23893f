// Every table that belongs to an instansi is decided on in server/backup/office-tables.ts: exported, or
// "not exported, because …". A new model with a relation into the office's data fails here until it is declared.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DERIVED } from "../../server/backup/derived";
import { EXPORTED, NOT_EXPORTED, PEOPLE, declaredModels } from "../../server/backup/office-tables";

/**
 * model → the models it points at through a foreign key it holds (`@relation(fields: [...])`), and Instansi for
 * an `instansiId` column without a relation (tables kept by triggers, AntrianJumlah, StatistikVersi, …: they
 * belong to an instansi as much as its cases do).
 */
function foreignKeys(schema: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const targets = new Set<string>();
    for (const line of m[2]!.split("\n")) {
      const f = /^\s*\w+\s+(\w+)\??\s+.*@relation\([^)]*fields:\s*\[/.exec(line);
      if (f) targets.add(f[1]!);
      if (/^\s*instansiId\s+String\b/.test(line)) targets.add("Instansi");
    }
    out.set(m[1]!, targets);
  }
  return out;
}

/** Instansi and every model that reaches it through a chain of foreign keys (Pengajuan → Instansi, PengajuanLog → Pengajuan, …). */
function belongingToInstansi(fks: Map<string, Set<string>>): Set<string> {
  const set = new Set(["Instansi"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [model, targets] of fks) {
      if (!set.has(model) && [...targets].some((t) => set.has(t))) {
        set.add(model);
        grew = true;
      }
    }
  }
  return set;
}

describe("office export declaration", () => {
  const schema = fs.readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  const fks = foreignKeys(schema);

  it("reads the schema (sanity: the parser finds the known relations)", () => {
    expect(fks.get("Pengajuan")).toEqual(new Set(["Layanan", "Instansi", "User", "Pengajuan"]));
    expect(fks.get("PengajuanLog")).toEqual(new Set(["Pengajuan", "User", "ApiClient"]));
    expect(belongingToInstansi(fks)).toContain("WebhookDelivery");
    for (const derived of ["AntrianJumlah", "StatistikVersi", "StatistikRingkasan"]) expect(belongingToInstansi(fks)).toContain(derived);
  });

  it("declares every model that belongs to an instansi, directly or through another table", () => {
    const declared = declaredModels();
    const missing = [...belongingToInstansi(fks)].filter((m) => !declared.has(m));
    expect(missing, "add these to EXPORTED or NOT_EXPORTED in server/backup/office-tables.ts").toEqual([]);
  });

  it("names only models that exist, each once", () => {
    const names = [...EXPORTED.map((t) => t.model), PEOPLE.model, ...NOT_EXPORTED.map((t) => t.model)];
    expect(names.filter((n) => !fks.has(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    for (const n of NOT_EXPORTED) expect(n.because.length).toBeGreaterThan(20);
  });

  it("declares the trigger-derived tables not exported, saying they are recomputed", () => {
    for (const d of DERIVED) {
      expect(EXPORTED.map((t) => t.model)).not.toContain(d.model);
      expect(NOT_EXPORTED.find((n) => n.model === d.model)?.because).toMatch(/^derived: recomputed by the triggers on import/);
    }
  });

  it("inserts parents before children (every foreign key of an exported table points at an earlier or non-exported one)", () => {
    const order = EXPORTED.map((t) => t.model);
    for (const [i, model] of order.entries()) {
      for (const target of fks.get(model) ?? []) {
        if (target === model || target === "User" || !order.includes(target)) continue;
        expect(order.indexOf(target), `${model} → ${target}`).toBeLessThan(i);
      }
    }
  });
});
