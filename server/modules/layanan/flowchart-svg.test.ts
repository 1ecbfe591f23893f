import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "./catalogue-seed";
import { FLOWCHART_SVG_MAX, svgProblem } from "./flowchart-svg";
import { FLOWCHART_DIR, flowchartSourceHash, seededFlowchartSvg } from "./seed-flowcharts";

const OK = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><style>#a .node rect{fill:#e6f0f7;stroke:#0f5c8c}</style><defs><marker id="m"><path d="M0 0L10 5z"/></marker><filter id="s"><feDropShadow dx="1" dy="1"/></filter></defs><g class="node"><rect x="1" y="1" width="100" height="30" style="fill:url(#s)"/><text><tspan x="5" y="20">Petugas &amp; pemohon</tspan></text></g><path d="M1 1" marker-end="url(#m)"/><use href="#m"/></svg>`;

describe("a stored flowchart SVG", () => {
  it("accepts mermaid's drawing elements, local references, entities of XML text and an XML declaration", () => {
    expect(svgProblem(OK)).toBeNull();
    expect(svgProblem(`<?xml version="1.0" encoding="UTF-8"?>\n${OK}`)).toBeNull();
  });

  it.each([
    ["a script element", OK.replace("<g ", "<script>alert(1)</script><g ")],
    ["an event handler", OK.replace('<rect x="1"', '<rect onclick="alert(1)" x="1"')],
    ["an event handler without quotes", OK.replace('<rect x="1"', '<rect onload=alert(1) x="1"')],
    ["an outside link", OK.replace('<path d="M1 1"', '<a href="https://contoh.id"><path d="M1 1"/></a><path d="M1 1"')],
    ["an image", OK.replace("<g ", '<image href="https://contoh.id/x.png"/><g ')],
    ["a foreignObject (HTML inside)", OK.replace("<g ", "<foreignObject><div>x</div></foreignObject><g ")],
    ["an external url() in CSS", OK.replace("fill:#e6f0f7", "fill:url(https://contoh.id/p)")],
    ["an @import", OK.replace("#a .node", "@import 'https://contoh.id/x.css'; #a .node")],
    ["a javascript: address", OK.replace('href="#m"', 'href="javascript:alert(1)"')],
    ["a DOCTYPE with entities", `<!DOCTYPE svg [<!ENTITY x "y">]>${OK}`],
    ["CDATA", OK.replace("<style>", "<style><![CDATA[").replace("</style>", "]]></style>")],
    ["a comment", OK.replace("<g ", "<!-- x --><g ")],
    ["a data: address", OK.replace('href="#m"', 'href="data:image/svg+xml,x"')],
    ["an xlink:href outside", OK.replace('href="#m"', 'xlink:href="https://contoh.id/#m"')],
    ["a tag the scanner cannot read", OK.replace("<g ", "<g <script>x</script> ")],
    ["not an SVG", "<html><body>x</body></html>"],
    ["an unfinished SVG", OK.slice(0, -6)],
    ["an SVG that is too large", OK.replace("</svg>", `<g>${" ".repeat(FLOWCHART_SVG_MAX)}</g></svg>`)],
  ])("refuses %s", (_what, svg) => {
    expect(svgProblem(svg)).toEqual(expect.any(String));
  });

  it("the seeded flowcharts have committed drawings made from their current sources, and they pass the check", () => {
    const charts = loadCatalogue().CATALOGUE.flatMap((k) => k.layanan.filter((l) => l.prosedurFlowchart));
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const l of charts) {
      const hash = fs.readFileSync(path.join(FLOWCHART_DIR, `${l.kode}.sha256`), "utf8").trim();
      expect(hash, `${l.kode}: run npx tsx scripts/render-flowcharts.ts`).toBe(flowchartSourceHash(l.prosedurFlowchart!));
      const svg = seededFlowchartSvg(l.kode, l.prosedurFlowchart);
      expect(svg, l.kode).not.toBeNull();
      expect(svgProblem(svg!)).toBeNull();
      // the drawing shows the labels of its source
      const first = /\[([^\]]+)\]|\(\[([^\]]+)\]\)/.exec(l.prosedurFlowchart!)!;
      const word = (first[1] ?? first[2])!.replace(/[([\])]/g, "").split(/\s+/)[0]!;
      expect(svg).toContain(word);
    }
    // a changed source no longer takes the old drawing
    const one = charts[0]!;
    expect(seededFlowchartSvg(one.kode, `${one.prosedurFlowchart}\n  Z --> Y`)).toBeNull();
  });
});
