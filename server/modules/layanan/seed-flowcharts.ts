import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SEED_DIR } from "./catalogue-seed";
import { svgProblem } from "./flowchart-svg";

/**
 * The seeded services' flowcharts, drawn once by `npx tsx scripts/render-flowcharts.ts` (mermaid
 * in Chromium with the editor's settings) and committed beside the seed files: `<kode>.svg` and `<kode>.sha256`,
 * the hash of the mermaid source it was drawn from. A drawing whose source has changed since is not used (the
 * page then shows the steps as text only) and the seed test fails until it is drawn again.
 */
export const FLOWCHART_DIR = path.join(SEED_DIR, "bagan-alir");

export const flowchartSourceHash = (source: string) => createHash("sha256").update(source).digest("hex");

/** The committed drawing of `kode`'s flowchart when it was drawn from `source` and passes the SVG check. */
export function seededFlowchartSvg(kode: string, source: string | null): string | null {
  if (!source) return null;
  const file = path.join(FLOWCHART_DIR, `${kode}.svg`);
  const hashFile = path.join(FLOWCHART_DIR, `${kode}.sha256`);
  if (!fs.existsSync(file) || !fs.existsSync(hashFile)) return null;
  if (fs.readFileSync(hashFile, "utf8").trim() !== flowchartSourceHash(source)) return null;
  const svg = fs.readFileSync(file, "utf8");
  return svgProblem(svg) ? null : svg;
}
