import type { Plugin } from "graphql-yoga";
import type { Services } from "../../context";

/**
 * GET /bagan-alir/:id.svg — a service's drawn flowchart (checked by flowchart-svg.ts when it was saved), for
 * the <img> on its Standar Pelayanan page. Public like the page. The CSP lets the SVG draw with its own
 * styles and nothing else: no script, no fetch, no links, sandboxed even when the address is opened directly.
 */
export const FLOWCHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

export function useFlowchartImages(services: Services): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const m = url.pathname.match(/^\/bagan-alir\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.svg$/);
      if (!m) return;
      const text = (status: number, body: string, code: string) =>
        endResponse(
          new fetchAPI.Response(body, {
            status,
            headers: { "content-type": "text/plain; charset=utf-8", "x-loket-error": code, "cache-control": "no-store", "x-content-type-options": "nosniff" },
          }),
        );
      if (request.method !== "GET" && request.method !== "HEAD") return text(405, "Metode tidak didukung.", "METHOD_NOT_ALLOWED");
      const row = await services.db.prisma.layanan.findUnique({ where: { id: m[1]! }, select: { prosedurFlowchartSvg: true } });
      if (!row?.prosedurFlowchartSvg) return text(404, "Bagan alir tidak ditemukan.", "NOT_FOUND");
      return endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : row.prosedurFlowchartSvg, {
          status: 200,
          headers: {
            "content-type": "image/svg+xml; charset=utf-8",
            "content-security-policy": FLOWCHART_CSP,
            "x-content-type-options": "nosniff",
            "cross-origin-resource-policy": "same-origin",
            // the address carries the service's updatedAt: a new drawing has a new address
            "cache-control": "public, max-age=86400",
          },
        }),
      );
    },
  };
}
