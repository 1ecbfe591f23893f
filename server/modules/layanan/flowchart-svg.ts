/**
 * The drawn flowchart of a service's procedure: an SVG made from its mermaid source in the admin's browser
 * (or once for the seeded services) and stored on the layanan, so a citizen's page shows a picture and never
 * downloads the charting library. The SVG comes from a browser, so it is checked here before it is stored:
 * only drawing elements, no script, no event handlers, no references outside the file, no entities.
 * Served as an image with a CSP that forbids everything else (see flowchart-route.ts), it could not run
 * anything even if one of these checks were wrong.
 */

export const FLOWCHART_SVG_MAX = 300_000;

/** The elements mermaid's flowcharts draw with (htmlLabels off), and nothing that fetches, links or runs. */
const ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "style",
  "title",
  "desc",
  "marker",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "clippath",
  "lineargradient",
  "radialgradient",
  "stop",
  "use",
  // mermaid's drop shadows; not feImage, which loads a picture
  "filter",
  "fegaussianblur",
  "feoffset",
  "feflood",
  "fecomposite",
  "femerge",
  "femergenode",
  "fedropshadow",
  "feblend",
  "fecolormatrix",
]);

export type SvgProblem = { code: "FLOWCHART_SVG_INVALID"; reason: string };

/**
 * Why `svg` may not be stored, or null when it may. Walks every tag of the document: an unknown element,
 * an `on…` attribute, an `href` that is not `#local`, a `url(` that is not `url(#local)`, `@import`,
 * `javascript:`, a DOCTYPE or entity, a processing instruction other than the XML declaration, CDATA.
 */
export function svgProblem(svg: string): string | null {
  if (svg.length > FLOWCHART_SVG_MAX) return "terlalu besar";
  const whole = svg.trim();
  if (!/^(<\?xml[^>]*\?>\s*)?<svg[\s>]/i.test(whole)) return "bukan SVG";
  const text = whole.replace(/^<\?xml[^>]*\?>\s*/i, "");
  if (!/<\/svg>$/i.test(text)) return "SVG tidak utuh";
  if (/<!|<\?/.test(text)) return "memuat DOCTYPE, entitas, CDATA, atau instruksi pemrosesan";
  if (/javascript:|vbscript:|data:|@import|expression\s*\(/i.test(text)) return "memuat alamat atau perintah yang tidak diizinkan";
  for (const m of text.matchAll(/url\s*\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!m[2]!.trim().startsWith("#")) return "merujuk berkas lain (url)";
  }
  const tag = /<\/?([a-zA-Z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
  let seen = 0;
  let last = 0;
  for (const m of text.matchAll(tag)) {
    // text between tags may not hide another "<" that the pattern did not take as a tag
    if (text.slice(last, m.index).includes("<")) return "memuat tag yang tidak dapat dibaca";
    last = m.index + m[0].length;
    seen++;
    const name = m[1]!.toLowerCase();
    if (!ELEMENTS.has(name)) return `memuat elemen <${name}> yang tidak diizinkan`;
    for (const a of m[2]!.matchAll(/([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g)) {
      const attr = a[1]!.toLowerCase();
      const value = (a[2] ?? "").replace(/^["']|["']$/g, "").trim();
      if (attr.startsWith("on")) return `memuat atribut ${attr}`;
      if ((attr === "href" || attr.endsWith(":href") || attr === "src") && !value.startsWith("#")) return "merujuk berkas lain (href)";
    }
  }
  if (text.slice(last).includes("<")) return "memuat tag yang tidak dapat dibaca";
  return seen > 0 ? null : "bukan SVG";
}
