import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { FLOWCHART_DIR } from "../../server/modules/layanan/seed-flowcharts";

const UPDATE = `mutation ($id: ID!, $input: LayananInput) {
  updateLayanan(id: $id, input: $input) {
    __typename
    ... on UpdateLayananSuccess { data { prosedurFlowchart prosedurFlowchartSvgUrl } }
    ... on Error { code message }
    ... on ValidationError { field }
  }
}`;
const SOURCE = "graph TD\n  A[Pemohon datang] --> B[Petugas melayani]";
// a drawing as the editor saves it (any checked SVG will do here; the seeded ones are real mermaid output)
const SVG = fs.readFileSync(path.join(FLOWCHART_DIR, "PELATIHAN-SPSE.svg"), "utf8");

/**
 * The flowchart drawn at save time (issue #14): the API stores a checked SVG beside the mermaid source, refuses
 * one that could run or fetch anything, forgets it when the source changes without a new drawing, and serves it
 * as an image under a CSP that forbids script even when its address is opened directly.
 */
describe("flowchart drawings", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await serviceFixture(t);
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
  });
  afterAll(() => t?.close());

  const save = (input: Record<string, unknown>) => t.gql(UPDATE, { id: fx.layanan.id, input }, { token: fx.admin.token });

  it("refuses a drawing with a script, an event handler or an outside reference, with a code and the field", async () => {
    for (const bad of [
      SVG.replace("</svg>", "<script>alert(1)</script></svg>"),
      SVG.replace("<g", '<g onmouseover="alert(1)"'),
      SVG.replace("</svg>", '<image href="https://contoh.id/x.png"/></svg>'),
      "<html><script>alert(1)</script></html>",
    ]) {
      const r = await save({ prosedurFlowchart: SOURCE, prosedurFlowchartSvg: bad });
      expect(r.data!.updateLayanan).toMatchObject({ __typename: "ValidationError", code: "FLOWCHART_SVG_INVALID", field: "prosedurFlowchartSvg" });
      expect(r.data!.updateLayanan.message).toMatch(/^Gambar bagan alir tidak dapat disimpan: /);
    }
    const row = await t.db.prisma.layanan.findFirstOrThrow({ where: { kode: "REKOM-NIKAH" } });
    expect(row.prosedurFlowchartSvg).toBeNull();
  });

  it("stores a checked drawing and serves it as an SVG image with a CSP that forbids script, sandboxed", async () => {
    const r = await save({ prosedurFlowchart: SOURCE, prosedurFlowchartSvg: SVG });
    expect(r.data!.updateLayanan.__typename).toBe("UpdateLayananSuccess");
    const url: string = r.data!.updateLayanan.data.prosedurFlowchartSvgUrl;
    expect(url).toMatch(/^\/bagan-alir\/[0-9a-f-]{36}\.svg\?v=\d+$/);
    const res = await fetch(base + url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("sandbox");
    expect(csp).not.toMatch(/script-src/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe(SVG);
    // public like the service page: no session needed; an unknown service or a bad address is a plain 404
    const missing = await fetch(`${base}/bagan-alir/00000000-0000-4000-8000-000000000000.svg`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-loket-error")).toBe("NOT_FOUND");
    expect((await fetch(`${base}/bagan-alir/${"-".repeat(36)}.svg`)).status).toBe(404);
    expect((await fetch(base + url, { method: "DELETE" })).status).toBe(405);
  });

  it("a changed source without a new drawing leaves no drawing (never a stale one); removing the source removes both", async () => {
    await save({ prosedurFlowchart: SOURCE, prosedurFlowchartSvg: SVG });
    // other components saved alone keep the drawing
    const kept = await save({ produkLayanan: "Surat rekomendasi" });
    expect(kept.data!.updateLayanan.data.prosedurFlowchartSvgUrl).toMatch(/^\/bagan-alir\//);
    const changed = await save({ prosedurFlowchart: `${SOURCE}\n  B --> C[Selesai]` });
    expect(changed.data!.updateLayanan.data).toEqual({ prosedurFlowchart: `${SOURCE}\n  B --> C[Selesai]`, prosedurFlowchartSvgUrl: null });
    await save({ prosedurFlowchart: SOURCE, prosedurFlowchartSvg: SVG });
    const removed = await save({ prosedurFlowchart: null });
    expect(removed.data!.updateLayanan.data).toEqual({ prosedurFlowchart: null, prosedurFlowchartSvgUrl: null });
  });
});
