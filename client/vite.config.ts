import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const clientRoot = fileURLToPath(new URL(".", import.meta.url));
// The dev server serves the client, its packages and the rules it shares with the server (server/shared/), and no
// other file of the repository.
const allowed = ["./", "../node_modules", "../server/shared"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const api = process.env.LOKET_API ?? "http://localhost:4000";

// In development the page is served by Vite on :5173 and /graphql (HTTP and WebSocket) and the file
// downloads (/unduh/…) are proxied to the API, so the session cookie and the socket stay same-origin, as
// they are in production (`npm start`).
const proxy = { "/graphql": { target: api, ws: true }, "/unduh": { target: api } };

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy,
    fs: { allow: allowed },
  },
  preview: { port: 4173, proxy },
});
