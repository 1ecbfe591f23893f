/**
 * "submit with three 1 MB uploads": a citizen's GraphQL multipart `uploadDokumenPengajuan` with three
 * ~1 MB PDFs into a service with three 2 MB PDF slots, then `AJUKAN`. Measured separately:
 *
 *   1. uploads: `connections` workers, each takes the next DRAFT request from a pool (fixture rows) and
 *      uploads its three files, for `seconds` (or until the pool runs out) → req/s, p50/p95/p99
 *   2. submits: the requests uploaded in 1 are submitted (AJUKAN: documents checked, registration number
 *      drawn) by `connections` workers, at most `seconds` → req/s, p50/p95/p99 (in the notes)
 *
 * Each file is a small real PDF (catalog, pages, one page) padded to 1 MiB with PDF comment lines, and
 * stamped so every file of the run has distinct bytes (the store deduplicates by SHA-256: identical files
 * would skip the disk). Every response is checked: success type, three PDF documents, DIAJUKAN with a
 * registration number.
 */
import { randomBytes } from "node:crypto";
import { badBody, checkedResponse, globalId, noErrors, pct, sleep, sortedOf, type ErrorCounts, describeFetchError } from "./lib";

export const FILE_BYTES = 1024 * 1024;

const UPLOAD = /* GraphQL */ `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { id versi dokumen { mime persyaratan { id } } } } ... on Error { code message field } } }`;
const SUBMIT = /* GraphQL */ `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: AJUKAN, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { id versi status nomorRegistrasi } } ... on Error { code message field } } }`;

const STAMP_WIDTH = 48;

/** A 1 MiB PDF template with a fixed-width stamp line at `stampAt`. */
function pdfTemplate(): { bytes: Buffer; stampAt: number } {
  const head =
    "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" +
    "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n" +
    "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n% ";
  const tail = "\ntrailer <</Root 1 0 R>>\n%%EOF\n";
  const bytes = Buffer.alloc(FILE_BYTES, 0x20);
  let at = bytes.write(head, 0, "latin1");
  const stampAt = at;
  at += STAMP_WIDTH;
  // padding: comment lines of 80 bytes ("% ……\n") up to the trailer
  const end = FILE_BYTES - tail.length;
  bytes[at++] = 0x0a;
  while (at < end) {
    const line = Math.min(80, end - at);
    bytes[at] = 0x25; // %
    bytes.fill(0x2e, at + 1, at + line - 1); // .
    bytes[at + line - 1] = 0x0a;
    at += line;
  }
  bytes.write(tail, end, "latin1");
  return { bytes, stampAt };
}

export interface UploadOptions {
  origin: string;
  citizenToken: string;
  /** the three slot ids (global ids) */
  slots: string[];
  /** DRAFT requests (database ids) to fill; each is used once */
  pool: Array<{ id: string; versi: number }>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface Pass {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  seconds: number;
  errors: ErrorCounts;
  /** the pool ran out before the time did */
  exhausted: boolean;
}

export async function measureUploads(opts: UploadOptions): Promise<{ warmup: Pass | null; upload: Pass; submit: Pass; uploadedBytes: number }> {
  const { bytes: template, stampAt } = pdfTemplate();
  const run = randomBytes(4).toString("hex");
  let fileNo = 0;
  const boundary = `----loket-bench-${run}`;
  const map = JSON.stringify(Object.fromEntries(opts.slots.map((_, i) => [String(i), [`variables.berkas.${i}.file`]])));

  const body = (p: { id: string; versi: number }) => {
    const operations = JSON.stringify({
      query: UPLOAD,
      variables: { id: globalId("Pengajuan", p.id), v: p.versi, berkas: opts.slots.map((persyaratanId) => ({ persyaratanId, file: null })) },
    });
    const parts: Buffer[] = [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${map}\r\n`,
      ),
    ];
    opts.slots.forEach((_, i) => {
      const file = Buffer.from(template);
      file.write(`bench ${run} file ${++fileNo} slot ${i}`.padEnd(STAMP_WIDTH, " "), stampAt, STAMP_WIDTH, "latin1");
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${i}"; filename="dokumen-${i + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        file,
        Buffer.from("\r\n"),
      );
    });
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return Buffer.concat(parts);
  };

  let next = 0;
  const uploaded: Array<{ id: string; versi: number }> = [];
  let uploadedBytes = 0;

  const uploadOne = async (p: { id: string; versi: number }, errors: ErrorCounts, latencies: number[], keep: boolean) => {
    const payload = body(p);
    const t0 = performance.now();
    let res: Response;
    try {
      res = await fetch(`${opts.origin}/graphql`, {
        method: "POST",
        // x-loket-csrf: the CSRF header a non-browser client sends with multipart requests (server/protection.ts)
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          accept: "application/json",
          authorization: `Bearer ${opts.citizenToken}`,
          "x-loket-csrf": "1",
        },
        body: payload,
      });
    } catch (err) {
      errors.socketErrors++;
      errors.sample ??= `upload: ${describeFetchError(err)}`;
      return;
    }
    const data = await checkedResponse<{
      uploadDokumenPengajuan: {
        __typename: string;
        code?: string;
        message?: string;
        data?: { versi: number; dokumen: Array<{ mime: string; persyaratan: { id: string } }> };
      };
    }>(res, errors);
    latencies.push(performance.now() - t0);
    const r = data?.uploadDokumenPengajuan;
    if (!r) return;
    if (r.__typename !== "UploadDokumenPengajuanSuccess" || !r.data) return void badBody(errors, `upload: ${r.__typename} ${r.code ?? ""} ${r.message ?? ""}`);
    const docs = r.data.dokumen;
    if (
      docs.length !== opts.slots.length ||
      docs.some((d) => d.mime !== "application/pdf") ||
      new Set(docs.map((d) => d.persyaratan.id)).size !== opts.slots.length
    ) {
      return void badBody(errors, `upload: unexpected documents ${JSON.stringify(docs).slice(0, 200)}`);
    }
    uploadedBytes += FILE_BYTES * opts.slots.length;
    if (keep) uploaded.push({ id: p.id, versi: r.data.versi });
  };

  const submitOne = async (p: { id: string; versi: number }, errors: ErrorCounts, latencies: number[]) => {
    const t0 = performance.now();
    let res: Response;
    try {
      res = await fetch(`${opts.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${opts.citizenToken}` },
        body: JSON.stringify({ query: SUBMIT, variables: { id: globalId("Pengajuan", p.id), v: p.versi } }),
      });
    } catch (err) {
      errors.socketErrors++;
      errors.sample ??= `submit: ${describeFetchError(err)}`;
      return;
    }
    const data = await checkedResponse<{
      ubahStatusPengajuan: { __typename: string; code?: string; message?: string; data?: { status: string; nomorRegistrasi: string | null } };
    }>(res, errors);
    latencies.push(performance.now() - t0);
    const r = data?.ubahStatusPengajuan;
    if (!r) return;
    if (r.__typename !== "UbahStatusPengajuanSuccess" || !r.data) return void badBody(errors, `submit: ${r.__typename} ${r.code ?? ""} ${r.message ?? ""}`);
    if (r.data.status !== "DIAJUKAN" || !r.data.nomorRegistrasi) badBody(errors, `submit: ${JSON.stringify(r.data)}`);
  };

  /** `connections` workers taking items until the time is up or `take` has none left. */
  const pass = async <T>(
    seconds: number,
    take: () => T | undefined,
    one: (item: T, errors: ErrorCounts, latencies: number[]) => Promise<void>,
  ): Promise<Pass> => {
    const errors = noErrors();
    const latencies: number[] = [];
    const start = performance.now();
    const deadline = start + seconds * 1000;
    let exhausted = false;
    const worker = async () => {
      while (performance.now() < deadline) {
        const item = take();
        if (item === undefined) {
          exhausted = true;
          return;
        }
        await one(item, errors, latencies);
      }
    };
    await Promise.all(Array.from({ length: opts.connections }, worker));
    const elapsed = (performance.now() - start) / 1000;
    const sorted = sortedOf(latencies);
    return {
      requests: sorted.length,
      reqPerSec: sorted.length / elapsed,
      p50Ms: pct(sorted, 0.5),
      p95Ms: pct(sorted, 0.95),
      p99Ms: pct(sorted, 0.99),
      seconds: elapsed,
      errors,
      exhausted,
    };
  };

  const fromPool = () => opts.pool[next++];
  const warmup = opts.warmupSeconds > 0 ? await pass(opts.warmupSeconds, fromPool, (p, e, l) => uploadOne(p, e, l, false)) : null;
  await sleep(500);
  uploadedBytes = 0;
  const upload = await pass(opts.seconds, fromPool, (p, e, l) => uploadOne(p, e, l, true));
  const bytes = uploadedBytes;
  await sleep(500);
  let s = 0;
  const submit = await pass(opts.seconds, () => uploaded[s++], submitOne);
  return { warmup, upload, submit, uploadedBytes: bytes };
}
