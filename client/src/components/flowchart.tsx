import { useEffect, useState } from "react";
import { renderFlowchartSvg } from "./flowchart-render";

/**
 * The admin's preview of a flowchart while it is edited, drawn by mermaid in the browser. Citizens see the
 * SVG saved with the service instead (FlowchartImage), without mermaid.
 */
export function Flowchart({ source, title }: { source: string; title: string }) {
  const [svg, setSvg] = useState<{ url: string; width: number | null } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    renderFlowchartSvg(source)
      .then((text) => {
        const width = Number(/max-width:\s*([\d.]+)px/.exec(text)?.[1]) || null;
        if (!cancelled) setSvg({ url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`, width });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [source]);

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
