// `npm run dev`: the API (tsx watch, port 4000) and the Vite dev server (port 5173, which proxies /graphql
// and its WebSocket to the API) side by side. Ctrl-C stops both; if either exits, the other is stopped too.
import { spawn } from "node:child_process";

const children = [spawn("npm", ["run", "--silent", "dev:api"], { stdio: "inherit" }), spawn("npm", ["run", "--silent", "dev:client"], { stdio: "inherit" })];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}

for (const child of children) child.on("exit", (code) => stop(code ?? 0));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
