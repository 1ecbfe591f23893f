import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type http from "node:http";

/**
 * Serves the built web client (client/dist) from the API's own server, so the site, its cookie and the
 * WebSocket share one origin. Vite puts content-hashed files under /assets/: those are cached forever;
 * index.html is revalidated on every load so a new deployment is picked up at once.
 */

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".webmanifest", ".txt", ".svg"]);

// The page only talks to its own origin (HTTP and WebSocket); nothing is framed or inlined.
const HTML_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/**
 * The letter-template designer (@pdfme/ui, client/src/pages/admin/template-surat) injects its widgets' styles as
 * <style> elements (antd, react-moveable): its page, and only it, is served allowing inline STYLES (never inline
 * scripts). The admin's link to it loads the page anew, so the relaxed policy never carries over to other pages.
 */
export const DESIGNER_PATH = /^\/admin\/layanan\/[^/]+\/template-surat$/;
const DESIGNER_HEADERS: Record<string, string> = {
  ...HTML_HEADERS,
  "content-security-policy": HTML_HEADERS["content-security-policy"]!.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

interface Entry {
  key: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

export type StaticHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * Returns a request handler that answers GET/HEAD for files in `distDir`, with a fallback to index.html
 * for client-side routes (paths without a file extension). It returns false, leaving the request to the
 * caller, for other methods, for /graphql, for missing files with an extension, and while `distDir` has
 * no index.html (the client has not been built).
 */
export function createStaticHandler(distDir: string): StaticHandler {
  const root = path.resolve(distDir);
  const cache = new Map<string, Entry>();

  function load(file: string, stat: fs.Stats): Entry {
    const key = `${stat.size}-${Math.trunc(stat.mtimeMs)}`;
    const hit = cache.get(file);
    if (hit && hit.key === key) return hit;
    const body = fs.readFileSync(file);
    const ext = path.extname(file).toLowerCase();
    const gzip = COMPRESSIBLE.has(ext) && body.length > 1024 ? zlib.gzipSync(body, { level: 9 }) : null;
    const entry = { key, body, gzip, etag: `"${key}"` };
    cache.set(file, entry);
    return entry;
  }

  function statFile(file: string): fs.Stats | null {
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? stat : null;
    } catch {
      return null;
    }
  }

  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return false;
    }
    if (pathname === "/graphql" || pathname.startsWith("/graphql/") || pathname.includes("\0")) return false;

    const index = path.join(root, "index.html");
    const indexStat = statFile(index);
    if (!indexStat) return false;

    let file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) return false;
    let stat = file === root ? null : statFile(file);
    let fallback = false;
    if (!stat) {
      // a missing script or image must stay a 404, not turn into the HTML page
      if (path.extname(pathname) !== "") return false;
      file = index;
      stat = indexStat;
      fallback = true;
    }

    const entry = load(file, stat);
    const ext = path.extname(file).toLowerCase();
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      "x-content-type-options": "nosniff",
      etag: entry.etag,
      "last-modified": stat.mtime.toUTCString(),
    };
    if (ext === ".html") Object.assign(headers, DESIGNER_PATH.test(pathname) ? DESIGNER_HEADERS : HTML_HEADERS);
    headers["cache-control"] =
      !fallback && pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : ext === ".html" ? "no-cache" : "public, max-age=3600";

    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    let body = entry.body;
    if (entry.gzip) {
      headers.vary = "Accept-Encoding";
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        body = entry.gzip;
        headers["content-encoding"] = "gzip";
      }
    }
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
