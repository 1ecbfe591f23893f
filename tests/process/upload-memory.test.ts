import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ServerProcesses } from "../helpers/process";

/**
 * Uploads stream (server/multipart.ts): three 20 MB files sent at once raise the server's peak resident memory
 * (VmHWM, reset through /proc/<pid>/clear_refs before) by far less than the 60 MB they weigh (bound: 25 MB) over 1 kB ones. Three, because a
 * warm process has some resident free memory that absorbs one buffered file: yoga's own multipart parser, which
 * held each file whole, measured +49 MB here with three (+7 MB with one), this parser +4 to +14 MB. A memory
 * check, not a timing one: the bound is generous. The server runs with the semi-space size `npm start` gives it.
 */
const procs = new ServerProcesses("loket-upload-mem-");
afterAll(() => procs.cleanup());

const MB = 1024 * 1024;
const UPLOAD = 'mutation($b: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: "x", versi: 1, berkas: $b) { __typename } }';

function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb);
}

/** The peak RSS (MB) while `fn` runs: VmHWM after resetting it, or VmRSS sampled every 20 ms where the reset is not allowed. */
async function peakDuring(pid: number, fn: () => Promise<unknown>): Promise<number> {
  let reset = true;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    reset = false;
  }
  let peak = statusKb(pid, "VmRSS");
  const timer = setInterval(() => {
    peak = Math.max(peak, statusKb(pid, "VmRSS"));
  }, 20);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, statusKb(pid, "VmRSS"), reset ? statusKb(pid, "VmHWM") : 0);
  return peak / 1024;
}

async function sendUpload(port: number, size: number) {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query: UPLOAD, variables: { b: [{ persyaratanId: "x", file: null }] } }));
  form.append("map", JSON.stringify({ "0": ["variables.b.0.file"] }));
  const content = new Uint8Array(size);
  content.set(Buffer.from("%PDF-1.4\n"));
  form.append("0", new Blob([content], { type: "application/pdf" }), "dokumen.pdf");
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "x-loket-csrf": "1" }, body: form });
  // parsed whole, then refused (no such pengajuan): the body was read to its end before the answer
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code ?? null };
}

describe.skipIf(process.platform !== "linux")("upload memory", () => {
  it("three 20 MB uploads at once raise the server's peak RSS by less than 25 MB over 1 kB ones", { timeout: 300_000 }, async () => {
    const dataDir = procs.tmpDir();
    const server = procs.start({ DATA_DIR: dataDir, NODE_OPTIONS: "--max-semi-space-size=4", MALLOC_ARENA_MAX: "2", RATE_LIMIT_PER_ADDRESS: "0" });
    const port = await server.ready;
    const pid = server.child.pid!;
    // warm up: the first requests load code and fill caches (one large upload too: its first run grows the heap once)
    for (let i = 0; i < 3; i++) expect((await sendUpload(port, 1024)).status).toBeLessThan(500);
    expect((await sendUpload(port, 20 * MB - 4096)).status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 500));

    const three = async (size: number) => {
      const results = await Promise.all([0, 1, 2].map(() => sendUpload(port, size)));
      for (const r of results) expect(r).toEqual({ status: 200, code: "NOT_FOUND" });
    };
    // Measured as a pair (1 kB then 20 MB, each against what the process holds then), up to three times: a
    // collection that comes late on a busy machine can add a one-off 20 MB to a pair (+25.8 MB once in CI), while
    // a parser that holds files whole adds its +44 MB to every pair. The best pair is compared with the bound.
    const deltas: number[] = [];
    for (let i = 0; i < 3; i++) {
      const small = await peakDuring(pid, () => three(1024));
      const big = await peakDuring(pid, () => three(20 * MB - 4096));
      console.log(`upload memory: peak RSS ${small.toFixed(1)} MB with 3 × 1 kB, ${big.toFixed(1)} MB with 3 × 20 MB`);
      deltas.push(big - small);
      if (big - small < 25) break;
    }
    // the three files weigh 60 MB; yoga's parser measured +44 MB in this very test, this one +4 to +14 MB
    expect(Math.min(...deltas)).toBeLessThan(25);
    // and the temp file is gone after the answer
    const tmp = path.join(dataDir, "files", ".tmp");
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((f) => f.startsWith("multipart-")) : []).toEqual([]);
  });
});
