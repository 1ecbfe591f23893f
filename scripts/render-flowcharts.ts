/**
 * Draws the seeded services' mermaid flowcharts as SVG, once, with Chromium and the same mermaid settings as
 * the admin's editor, and writes them beside the seed files (server/modules/layanan/seed/bagan-alir/):
 * `<kode>.svg` and `<kode>.sha256` (the source it was drawn from). Run after changing a seeded flowchart:
 *   npx tsx scripts/render-flowcharts.ts
 * tests: server/modules/layanan/seed-flowcharts.test.ts checks the drawings match the seeded sources.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { FLOWCHART_CONFIG, withIntrinsicSize } from "../client/src/components/flowchart-render";
import { loadCatalogue } from "../server/modules/layanan/catalogue-seed";
import { svgProblem } from "../server/modules/layanan/flowchart-svg";
import { FLOWCHART_DIR, flowchartSourceHash } from "../server/modules/layanan/seed-flowcharts";

const charts = loadCatalogue().CATALOGUE.flatMap((k) =>
  k.layanan.filter((l) => l.prosedurFlowchart).map((l) => ({ kode: l.kode, source: l.prosedurFlowchart! })),
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html lang='id'><body></body></html>");
  await page.addScriptTag({ path: path.resolve("node_modules/mermaid/dist/mermaid.min.js") });
  fs.mkdirSync(FLOWCHART_DIR, { recursive: true });
  for (const [i, c] of charts.entries()) {
    const drawn = await page.evaluate(
      async ({ source, config, id }) => {
        const m = (window as unknown as { mermaid: { initialize(c: unknown): void; render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
        m.initialize(config);
        return (await m.render(id, source)).svg;
      },
      { source: c.source, config: FLOWCHART_CONFIG, id: `bagan-${i + 1}` },
    );
    const svg = withIntrinsicSize(drawn);
    const why = svgProblem(svg);
    if (why) throw new Error(`${c.kode}: the drawing fails the server's SVG check: ${why}`);
    fs.writeFileSync(path.join(FLOWCHART_DIR, `${c.kode}.svg`), svg);
    fs.writeFileSync(path.join(FLOWCHART_DIR, `${c.kode}.sha256`), `${flowchartSourceHash(c.source)}\n`);
    console.log(`${c.kode}: ${svg.length} bytes`);
  }
} finally {
  await browser.close();
}
