import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const clientRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
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
    // the registration form imports the NIK/NIP validators from server/modules/identity
    fs: { allow: [repoRoot] },
  },
  preview: { port: 4173, proxy },
});
