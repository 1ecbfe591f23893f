/**
 * "make + sign a letter": what one result letter costs end to end through the API (issue 15). Each worker takes
 * the next request in process from a pool (fixture rows of a seeded service with a letter template), then
 *
 *   1. buatSurat as the officer: the template drawn with the request's data (pdfme), the office's next number
 *      taken, the PDF stored, the request moved to MENUNGGU_TTD, in one transaction;
 *   2. tandatanganiSurat as the official: the office's PKCS#12 unlocked with the passphrase, the PDF signed
 *      (PAdES) and stored, delivered as the request's result (SELESAI).
 *
 * A letter counts when both succeeded and the second answered TERBIT with the first's number. Letters/s, and
 * p50/p95/p99 of the pair; each step's own p50/p95 in the notes.
 */
import { badBody, globalId, noErrors, pct, postCounted, sortedOf, type ErrorCounts } from "./lib";

const BUAT = /* GraphQL */ `mutation($p: ID!, $v: Int!) { buatSurat(pengajuanId: $p, versi: $v) { __typename ... on BuatSuratSuccess { data { id nomor status } } ... on Error { code message } } }`;
const TTD = /* GraphQL */ `mutation($id: ID!, $pass: String!) { tandatanganiSurat(id: $id, passphrase: $pass) { __typename ... on TandatanganiSuratSuccess { data { id nomor status } } ... on Error { code message } } }`;

export interface LettersOptions {
  origin: string;
  officerToken: string;
  officialToken: string;
  passphrase: string;
  /** requests in process (database ids), each used once */
  pool: Array<{ id: string; versi: number }>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LettersRun {
  letters: number;
  seconds: number;
  lettersPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  make: { p50Ms: number; p95Ms: number };
  sign: { p50Ms: number; p95Ms: number };
  exhausted: boolean;
  errors: ErrorCounts;
}

async function drive(o: LettersOptions, next: () => { id: string; versi: number } | undefined, seconds: number): Promise<LettersRun> {
  const errors = noErrors();
  const total: number[] = [];
  const make: number[] = [];
  const sign: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let exhausted = false;
  const worker = async () => {
    while (performance.now() < deadline) {
      const p = next();
      if (!p) {
        exhausted = true;
        return;
      }
      const t0 = performance.now();
      type Buat = { buatSurat: { __typename: string; code?: string; data?: { id: string; nomor: string; status: string } } };
      const made = await postCounted<Buat>(o.origin, o.officerToken, BUAT, { p: globalId("Pengajuan", p.id), v: p.versi }, errors);
      const t1 = performance.now();
      if (!made) continue;
      const s = made.buatSurat.data;
      if (made.buatSurat.__typename !== "BuatSuratSuccess" || s?.status !== "MENUNGGU_TTD") {
        badBody(errors, `buatSurat: ${JSON.stringify(made.buatSurat).slice(0, 200)}`);
        continue;
      }
      type Ttd = { tandatanganiSurat: { __typename: string; data?: { nomor: string; status: string } } };
      const signed = await postCounted<Ttd>(o.origin, o.officialToken, TTD, { id: s.id, pass: o.passphrase }, errors);
      const t2 = performance.now();
      if (!signed) continue;
      const d = signed.tandatanganiSurat.data;
      if (signed.tandatanganiSurat.__typename !== "TandatanganiSuratSuccess" || d?.status !== "TERBIT" || d.nomor !== s.nomor) {
        badBody(errors, `tandatanganiSurat: ${JSON.stringify(signed.tandatanganiSurat).slice(0, 200)}`);
        continue;
      }
      make.push(t1 - t0);
      sign.push(t2 - t1);
      total.push(t2 - t0);
    }
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const t = sortedOf(total);
  const m = sortedOf(make);
  const g = sortedOf(sign);
  return {
    letters: total.length,
    seconds: elapsed,
    lettersPerSec: total.length / elapsed,
    p50Ms: pct(t, 0.5),
    p95Ms: pct(t, 0.95),
    p99Ms: pct(t, 0.99),
    make: { p50Ms: pct(m, 0.5), p95Ms: pct(m, 0.95) },
    sign: { p50Ms: pct(g, 0.5), p95Ms: pct(g, 0.95) },
    exhausted,
    errors,
  };
}

/** A warm-up (not measured), then the measured run, over one pool. */
export async function measureLetters(o: LettersOptions): Promise<{ warmup: LettersRun | null; run: LettersRun }> {
  let i = 0;
  const next = () => o.pool[i++];
  const warmup = o.warmupSeconds > 0 ? await drive(o, next, o.warmupSeconds) : null;
  return { warmup, run: await drive(o, next, o.seconds) };
}
