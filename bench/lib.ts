/**
 * Types and helpers shared by bench/run.ts and the phases that drive the API themselves (bench/live.ts,
 * bench/upload.ts). No side effects on import.
 */

export interface ErrorCounts {
  /** responses with a status outside 2xx */
  non2xx: number;
  /** 2xx responses whose body had `errors` or not the expected data */
  badBodies: number;
  /** connection errors and timeouts */
  socketErrors: number;
  /** subscription events lost, duplicated, unexpected or wrong; subscription errors; sockets closed early */
  events?: number;
  /** the first problem seen, for the report */
  sample: string | null;
}

export const noErrors = (): ErrorCounts => ({ non2xx: 0, badBodies: 0, socketErrors: 0, events: 0, sample: null });

export const errorTotal = (e: ErrorCounts | null | undefined) => (e ? e.non2xx + e.badBodies + e.socketErrors + (e.events ?? 0) : 0);

/** A target the issue sets that is not a ratio to the baseline (latency, loss). */
export interface TargetCheck {
  text: string;
  met: boolean;
}

export interface PhaseResult {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: ErrorCounts;
  warmupErrors: ErrorCounts | null;
  /** the phase could not run here (e.g. no PostgreSQL): why; not a failure */
  skipped?: string;
  /** targets other than the ratio (phase.target) */
  targets?: TargetCheck[];
  /** the req/s column means something else (e.g. "changes/s"); shown under the table */
  rateUnit?: string;
  /** anything phase-specific worth printing under the table */
  notes?: string[];
  extra?: Record<string, unknown>;
}

export function skippedResult(reason: string): PhaseResult {
  return { requests: 0, reqPerSec: NaN, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, errors: noErrors(), warmupErrors: null, skipped: reason };
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function pct(sorted: ArrayLike<number>, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN;
}

export function sortedOf(xs: number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rawId = (gid: string) => Buffer.from(gid, "base64").toString("utf8").split(":")[1]!;

/** POST a GraphQL operation; throws on HTTP or GraphQL errors. */
export async function gqlRequest<T>(origin: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { data?: T; errors?: unknown[] };
  if (json.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data as T;
}

export const LOGIN = /* GraphQL */ `
  mutation Login($nomorIdentitas: String!, $password: String!) {
    login(nomorIdentitas: $nomorIdentitas, password: $password) {
      __typename
      ... on LoginSuccess { data { token } }
      ... on Error { code message }
    }
  }
`;

/** Logs in through the API; throws unless it succeeds. */
export async function loginToken(origin: string, nomorIdentitas: string, password: string, who = nomorIdentitas): Promise<string> {
  const { login } = await gqlRequest<{ login: { __typename: string; data?: { token: string }; message?: string } }>(origin, LOGIN, {
    nomorIdentitas,
    password,
  });
  if (!login.data) throw new Error(`login of ${who} failed: ${login.__typename} ${login.message ?? ""}`);
  return login.data.token;
}

/**
 * Checks one GraphQL response of the phases that send requests themselves; counts a problem into
 * `errors` and returns the data, or null when the response was not a clean result.
 */
export async function checkedResponse<T>(res: Response, errors: ErrorCounts): Promise<T | null> {
  const note = (problem: string) => (errors.sample ??= problem);
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    errors.socketErrors++;
    note(`reading the response: ${describeFetchError(err)}`);
    return null;
  }
  if (res.status < 200 || res.status > 299) {
    errors.non2xx++;
    note(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    return null;
  }
  let json: { data?: T; errors?: unknown[] };
  try {
    json = JSON.parse(text);
  } catch {
    errors.badBodies++;
    note(`not JSON: ${text.slice(0, 200)}`);
    return null;
  }
  if (json.errors?.length || !json.data) {
    errors.badBodies++;
    note(`errors: ${JSON.stringify(json.errors ?? "no data").slice(0, 300)}`);
    return null;
  }
  return json.data;
}

/** Counts a response whose data has the wrong shape (a union error, an unexpected value). */
export function badBody(errors: ErrorCounts, problem: string): null {
  errors.badBodies++;
  errors.sample ??= problem;
  return null;
}

/** "fetch failed" says little: add undici's cause (UND_ERR_CONNECT_TIMEOUT, ECONNRESET, …). */
export function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: string; message?: string } | undefined;
  return cause ? `${err.message} (${cause.code ?? ""} ${cause.message ?? ""})`.replace(/\s+\)/, ")") : err.message;
}

// the statistics queries both the statistik phases (run.ts) and the province-size run (scale.ts) measure

export const STATISTIK = /* GraphQL */ `
  query($i: ID!, $tahun: Int!) {
    statistik(instansiId: $i, periode: TAHUN, tahun: $tahun) {
      __typename
      ... on StatistikSuccess { data {
        pengajuanDiajukan selesai kepatuhanSlaPersen medianMenitKerja p90MenitKerja terlambatSaatIni
        pengajuanPerStatus { nama jumlah } pengaduanPerKategori { nama jumlah } pengaduanPerKanal { nama jumlah }
        ppidMasuk ppidDikabulkan ppidDitolak ppidKeberatan
        ikm { ikm mutu kinerja responden nrr { unsur nrr } }
      } }
      ... on Error { code message }
    }
  }
`;

const KINERJA = "diajukan selesai kepatuhanSlaPersen medianMenitKerja melewatiSla berjalan terlambatSaatIni";
const KASUS = "pengajuanId nomorRegistrasi layanan petugas status tenggat selesaiAt terlambatMenitKerja";
export const STATISTIK_DETAIL = /* GraphQL */ `
  query($i: ID!, $tahun: Int!) {
    statistikDetail(instansiId: $i, periode: TAHUN, tahun: $tahun, batas: 50) {
      __typename
      ... on StatistikDetailSuccess { data {
        total { terlambatSaatIni melewatiSla }
        perLayanan { layananId nama kinerja { ${KINERJA} } }
        perPetugas { petugasId nama kinerja { ${KINERJA} } }
        kasusTerlambat { ${KASUS} }
        kasusMelewatiSla { ${KASUS} }
        pengaduanPerKategori { nama jumlah terbuka terlambat }
        pengaduanPerKanal { nama jumlah terbuka terlambat }
        jumlahPengaduanTerbuka
        pengaduanTerbuka { pengaduanId kodeLacak kategori kanal status tenggat terlambatMenitKerja }
      } }
      ... on Error { code message }
    }
  }
`;

/** One GraphQL POST with a bearer token, its problems (transport failures included) counted in `errors`: the data, or null. */
export async function postCounted<T>(origin: string, token: string, query: string, variables: Record<string, unknown>, errors: ErrorCounts): Promise<T | null> {
  try {
    const res = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return await checkedResponse<T>(res, errors);
  } catch (err) {
    errors.socketErrors++;
    errors.sample ??= describeFetchError(err);
    return null;
  }
}
