// `npm run build`: the server bundle (dist/server/) and the web client (client/dist/), each built only when asked
// for (`--force`, the default of `npm run build`) or when missing or older than its sources (`--if-stale`, what
// `npm start`, `npm run admin` and `npm run db` do first).
//
// The server is compiled with esbuild, not tsc: the code imports its own modules without extensions
// ("./config"), which Node's ESM loader does not resolve and tsc does not rewrite; esbuild bundles our code
// (node_modules stay external, `packages: "external"`) in about a second, and Node 20 cannot strip types itself.
// Sourcemaps are written and the scripts run node with --enable-source-maps, so stack traces name .ts lines.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...p) => path.join(root, ...p);

export const serverOut = at("dist", "server");
const clientOut = at("client", "dist");
const STAMP = ".build-stamp.json";

/** Entry points of the server bundle: dist/server/<name>.js */
const entryPoints = {
  main: "server/main.ts",
  admin: "server/cli/admin.ts",
  db: "prisma/db.ts",
  // run in a child process by the server when the database lacks migrations (server/db/startup.ts)
  migrate: "server/db/migrate-child.ts",
  // the server side of `npm run bench`
  "bench-server": "bench/server.ts",
};

const parts = {
  server: {
    out: serverOut,
    sources: ["server", "prisma", "bench", "package.json", "package-lock.json", "tsconfig.json", "scripts/build.mjs"],
    ignore: [/\.test\.tsx?$/, /(^|\/)results(\/|$)/],
    build: buildServer,
  },
  client: {
    out: clientOut,
    sources: ["client", "server/shared", "package.json", "package-lock.json", "scripts/build.mjs"],
    ignore: [/^client\/dist(\/|$)/, /\.test\.tsx?$/, /(^|\/)node_modules(\/|$)/],
    build: buildClient,
  },
};

/** Newest modification time (ms) among the files under `sources`, skipping what `ignore` matches. */
function newestSource(sources, ignore) {
  let newest = 0;
  const visit = (rel) => {
    if (ignore.some((re) => re.test(rel))) return;
    let st;
    try {
      st = fs.statSync(at(rel));
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(at(rel))) visit(path.posix.join(rel, name));
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const s of sources) visit(s);
  return newest;
}

function readStamp(out) {
  try {
    return JSON.parse(fs.readFileSync(path.join(out, STAMP), "utf8"));
  } catch {
    return null;
  }
}

/** Why `name` needs building, or null when its build is newer than every source. */
export function staleReason(name) {
  const part = parts[name];
  const stamp = readStamp(part.out);
  if (!stamp) return "no build yet";
  const newest = newestSource(part.sources, part.ignore);
  // the stamp holds the moment the build started: a source saved during the build makes it stale
  if (newest > stamp.startedAt) return "sources changed since the last build";
  return null;
}

/**
 * Packages left in node_modules and loaded from there at run time: a native addon (argon2), packages that find
 * their own files beside their code (PGlite's .wasm and .data, pino's worker transports) or that the code loads by
 * name at run time (ioredis, pino-pretty), optional peers that are not installed, and the AWS SDK (large, loaded
 * only with S3 storage). Everything else is bundled.
 */
export const SERVER_EXTERNAL = [
  "@electric-sql/pglite",
  "@node-rs/argon2",
  "pino",
  "pino-pretty",
  "ioredis",
  "@aws-sdk/*",
  "pg-native",
  "bufferutil",
  "utf-8-validate",
];

async function buildServer() {
  const esbuild = await import("esbuild");
  // not emptied first: a server running from dist/ loads some chunks on first use (the migration and receipt code);
  // chunk names carry a content hash, so the old ones stay valid beside the new ones
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: serverOut,
    bundle: true,
    splitting: true, // the entries share most of the code: one copy in chunks/, not five
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    // The dependencies are bundled too: Node resolves, reads and compiles ~1,200 files from node_modules at every
    // start otherwise, half of the time to ready on PostgreSQL (1.6 s → 1.0 s measured, and 10-15 MB less RSS).
    external: SERVER_EXTERNAL,
    // the bundled CommonJS packages call require() for Node's built-ins: give the ESM output one
    banner: { js: "import { createRequire as __loketCreateRequire } from 'node:module'; const require = __loketCreateRequire(import.meta.url);" },
    // less to parse at every start; names are kept, and stack traces point at the .ts lines through the maps
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    // stack traces need the mappings, not the sources: Node keeps every map it loads for the life of the process
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
  });
  // what each entry loads at start (static imports), checked by tests/process/npm-start
  fs.mkdirSync(serverOut, { recursive: true });
  fs.writeFileSync(path.join(serverOut, "meta.json"), JSON.stringify(result.metafile));
  pgliteInitdbCopy();
}

/** The initialised, empty PostgreSQL cluster a new embedded data folder starts from (server/db/startup.ts). */
export const PGLITE_INITDB = "pglite-initdb.tar.gz";

/**
 * PGlite's initdb takes ~5 s of a new data folder's first start on a 2-core machine; unpacking a copy of its result
 * takes well under one. The copy is made here once per PGlite version (initdb's output depends on nothing else:
 * the folder's settings are start parameters) and kept across rebuilds.
 */
function pgliteInitdbCopy() {
  const version = JSON.parse(fs.readFileSync(at("node_modules", "@electric-sql", "pglite", "package.json"), "utf8")).version;
  const stampFile = path.join(serverOut, "pglite-initdb.json");
  const tarball = path.join(serverOut, PGLITE_INITDB);
  try {
    if (JSON.parse(fs.readFileSync(stampFile, "utf8")).version === version && fs.existsSync(tarball)) return;
  } catch {}
  const script = `
    import fs from "node:fs";
    import os from "node:os";
    import path from "node:path";
    import { PGlite } from "@electric-sql/pglite";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-initdb-"));
    try {
      const db = await PGlite.create(dir);
      const dump = await db.dumpDataDir("gzip");
      await db.close();
      fs.writeFileSync(process.argv[1] + ".part", Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(process.argv[1] + ".part", process.argv[1]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, tarball], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`making the PGlite initdb copy failed (exit ${r.status})`);
  fs.writeFileSync(stampFile, JSON.stringify({ version }) + "\n");
}

function buildClient() {
  const vite = at("node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--config", "client/vite.config.ts", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

/** Builds the parts that need it (all of them with `force`); returns what was built. */
export async function build({ force = false, only = ["server", "client"], quiet = false } = {}) {
  const built = [];
  for (const name of only) {
    const part = parts[name];
    const reason = force ? "asked for" : staleReason(name);
    if (!reason) continue;
    const startedAt = Date.now();
    if (!quiet) console.error(`Building the ${name} (${reason})…`);
    await part.build();
    fs.mkdirSync(part.out, { recursive: true });
    fs.writeFileSync(path.join(part.out, STAMP), JSON.stringify({ startedAt, finishedAt: Date.now() }) + "\n");
    if (!quiet) console.error(`Built the ${name} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    built.push(name);
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const only = args.includes("--server") ? ["server"] : args.includes("--client") ? ["client"] : undefined;
  try {
    await build({ force: !args.includes("--if-stale"), only, quiet: args.includes("--quiet") });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
