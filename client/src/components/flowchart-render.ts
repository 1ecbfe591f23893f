/**
 * Draws a procedure's mermaid source as SVG text, as the admin's editor saves it (and the seed script once for the
 * seeded services). mermaid is large: only the editor and that script load this module; citizens' pages show the
 * stored SVG as an image.
 */
const STYLE_STANDIN = "loket-style";

/**
 * Runs mermaid's renderer without tripping the page's Content-Security-Policy (style-src 'self', no inline
 * styles): while it draws, style attributes go through the CSSOM (which CSP allows) and its <style> elements
 * are created as inert stand-ins, turned back into <style> in the SVG text it returns. The SVG is then shown as
 * an image, which carries its own styles.
 */
async function renderWithoutInlineStyles(render: () => Promise<string>): Promise<string> {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  const setAttributeNS = proto.setAttributeNS;
  const createElement = Document.prototype.createElement;
  const createElementNS = Document.prototype.createElementNS;
  proto.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === "style" && "style" in this) {
      (this as HTMLElement).style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
  proto.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    if (!ns && name.toLowerCase() === "style" && "style" in this) {
      (this as HTMLElement).style.cssText = String(value);
      return;
    }
    setAttributeNS.call(this, ns, name, value);
  };
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    return createElement.call(this, tag.toLowerCase() === "style" ? STYLE_STANDIN : tag, options);
  } as typeof Document.prototype.createElement;
  Document.prototype.createElementNS = function (this: Document, ns: string | null, tag: string, options?: ElementCreationOptions) {
    return createElementNS.call(this, ns, tag.toLowerCase() === "style" ? STYLE_STANDIN : tag, options as never);
  } as typeof Document.prototype.createElementNS;
  try {
    const svg = await render();
    return svg.replaceAll(`<${STYLE_STANDIN}`, "<style").replaceAll(`</${STYLE_STANDIN}>`, "</style>");
  } finally {
    proto.setAttribute = setAttribute;
    proto.setAttributeNS = setAttributeNS;
    Document.prototype.createElement = createElement;
    Document.prototype.createElementNS = createElementNS;
  }
}

/** mermaid's settings for every drawn flowchart: the editor's preview, its saved SVG, and the seeded ones. */
export const FLOWCHART_CONFIG = {
  startOnLoad: false,
  // "strict" re-parses the finished SVG with DOMPurify through DOMParser, whose documents inherit the page's
  // CSP and report every style attribute. Nothing here can run script anyway: the result is shown as an
  // <img> (no scripts, no links), labels are still sanitised, the server checks the SVG before storing it,
  // and it is served with a CSP that forbids script.
  securityLevel: "loose",
  theme: "base",
  themeVariables: { primaryColor: "#e6f0f7", primaryBorderColor: "#0f5c8c", lineColor: "#1b2430", fontFamily: "system-ui, sans-serif", fontSize: "15px" },
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: true },
} as const;

let counter = 0;

/** The SVG text of `source`, or a thrown error when mermaid cannot read it. */
export async function renderFlowchartSvg(source: string): Promise<string> {
  const { default: mermaid } = await import("mermaid");
  mermaid.initialize(FLOWCHART_CONFIG);
  return withIntrinsicSize(await renderWithoutInlineStyles(async () => (await mermaid.render(`bagan-${++counter}`, source)).svg));
}

/**
 * mermaid writes `width="100%" style="max-width: Npx"`: as an <img> such an SVG has no size of its own and
 * would be stretched to the column. Its drawn size (from the viewBox) is written as width and height instead,
 * so the image is never wider than drawn and shrinks on a phone (max-width: 100%).
 */
export function withIntrinsicSize(svg: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const box = open && /viewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)"/.exec(open);
  if (!open || !box) return svg;
  const [w, h] = [Math.ceil(Number(box[1])), Math.ceil(Number(box[2]))];
  const sized = open
    .replace(/\swidth="[^"]*"/, "")
    .replace(/\sheight="[^"]*"/, "")
    .replace(/^<svg\b/, `<svg width="${w}" height="${h}"`);
  return sized + svg.slice(open.length);
}
