import { useEffect, useId, useState } from "react";

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

/**
 * Draws a procedure's mermaid flowchart. mermaid is large, so it is downloaded only here, when a service page
 * with a flowchart is opened. The drawing is an <img> of the SVG; the steps stay readable as text beside it.
 */
export function Flowchart({ source, title }: { source: string; title: string }) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, "");
  const [svg, setSvg] = useState<{ url: string; width: number | null } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    (async () => {
      const { default: mermaid } = await import("mermaid");
      mermaid.initialize({
        startOnLoad: false,
        // "strict" re-parses the finished SVG with DOMPurify through DOMParser, whose documents inherit the page's
        // CSP and report every style attribute. Nothing here can run script anyway: the result is shown as an
        // <img> (no scripts, no links), labels are still sanitised, and the page's CSP forbids inline script.
        securityLevel: "loose",
        theme: "base",
        themeVariables: { primaryColor: "#e6f0f7", primaryBorderColor: "#0f5c8c", lineColor: "#1b2430", fontFamily: "system-ui, sans-serif", fontSize: "15px" },
        flowchart: { htmlLabels: false, useMaxWidth: true },
      });
      const text = await renderWithoutInlineStyles(async () => (await mermaid.render(`bagan-${uid}`, source)).svg);
      const width = Number(/max-width:\s*([\d.]+)px/.exec(text)?.[1]) || null;
      if (!cancelled) setSvg({ url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`, width });
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [source, uid]);

  if (failed) return <p className="muted">Bagan alir tidak dapat ditampilkan. Langkah-langkahnya tertulis di atas.</p>;
  if (!svg)
    return (
      <p aria-busy="true" className="muted">
        Memuat bagan alir…
      </p>
    );
  return (
    <figure className="flowchart">
      <img src={svg.url} alt={`Bagan alir prosedur ${title}. Langkah yang sama tertulis pada bagian Prosedur.`} width={svg.width ?? undefined} />
      <figcaption className="muted small">Bagan alir prosedur</figcaption>
    </figure>
  );
}
