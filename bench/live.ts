/**
 * "status change → subscriber": how long a pengajuan status change takes to reach a WebSocket that
 * follows that pengajuan, with many sockets open, and whether every change arrives exactly once.
 *
 * Every pengajuan is followed by its own graphql-ws client (one socket each) subscribed to
 * `pengajuanBerubah(id, setelahSeq: <last seq - 1>)`: the server replays the last step first, which tells
 * the load side that the subscription is live. Then the load side changes the requests at a steady rate,
 * open loop (a slow response does not slow the schedule), cycling each one through legal steps:
 *
 *   DIAJUKAN ─VERIFIKASI→ DIVERIFIKASI ─PROSES→ DIPROSES ─MINTA_PERBAIKAN→ PERLU_PERBAIKAN ─AJUKAN (citizen)→ DIAJUKAN
 *
 * keeping `versi` and `seq` from each mutation's response. The first `warmupChanges` (as every other phase has a
 * warm-up: the server's first requests compile its code) are checked like the rest but not measured. Latency: `performance.now()` just before the
 * mutation is sent → the matching event (same pengajuan, same seq) arriving on its socket; both clocks
 * are this process's. The HTTP response time of the mutation is reported beside it, not used.
 *
 * Counted as errors (the run fails): mutations that fail, events lost (not arrived `drainMs` after the
 * last response), duplicated, unexpected (a seq no mutation made), with the wrong action, subscription
 * errors and sockets that close early.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { LiveRow } from "./fixtures";
import { checkedResponse, globalId, noErrors, pct, round2, sleep, sortedOf, badBody, type ErrorCounts, describeFetchError } from "./lib";

export const FOLLOW = /* GraphQL */ `subscription($id: ID!, $after: Int) { pengajuanBerubah(id: $id, setelahSeq: $after) { seq log { aksi } pengajuan { status } } }`;
const ACT = /* GraphQL */ `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!, $pesan: String) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v, pesan: $pesan) { __typename ... on UbahStatusPengajuanSuccess { data { id versi seq status } } ... on Error { code message } } }`;

type Status = LiveRow["status"];
const NEXT: Partial<Record<Status, { aksi: string; ke: Status; by: "staff" | "citizen"; pesan?: string }>> = {
  DIAJUKAN: { aksi: "VERIFIKASI", ke: "DIVERIFIKASI", by: "staff" },
  DIVERIFIKASI: { aksi: "PROSES", ke: "DIPROSES", by: "staff" },
  DIPROSES: { aksi: "MINTA_PERBAIKAN", ke: "PERLU_PERBAIKAN", by: "staff", pesan: "Mohon unggah ulang dokumen yang lebih jelas." },
  PERLU_PERBAIKAN: { aksi: "AJUKAN", ke: "DIAJUKAN", by: "citizen" },
};

export interface LiveOptions {
  /** where the mutations go (http://host:port) */
  mutateOrigin: string;
  /** where the sockets connect (http://host:port) */
  subscribeOrigin: string;
  /** sockets authenticate with it (staff of the instansi: may follow every request of it) */
  staffToken: string;
  /** the owner of the requests (the AJUKAN step) */
  citizenToken: string;
  requests: LiveRow[];
  /** changes sent first at the same rate: checked like the rest (lost, duplicated …), their latency not counted */
  warmupChanges?: number;
  changes: number;
  ratePerSec: number;
  /** how long to wait for the last events after the last mutation response */
  drainMs: number;
  /** sockets opened at once while connecting */
  connectBatch?: number;
  /** pause after all subscriptions are live, before the first change (Redis SUBSCRIBE round trips) */
  settleMs?: number;
  log(message: string): void;
}

export interface LiveResult {
  sockets: number;
  connectSeconds: number;
  changes: number;
  /** achieved changes per second over the send window */
  changesPerSec: number;
  sendSeconds: number;
  latency: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; count: number };
  mutation: { p50Ms: number; p95Ms: number; p99Ms: number };
  /** events that arrived before their mutation's HTTP response */
  eventBeforeResponse: number;
  /** most mutations awaiting their response at once (grows when the server falls behind the schedule) */
  maxInFlight: number;
  /** this (load) process's event-loop delay while measuring: a late loop delays the arrival time it records */
  loadLoopDelay: { p99Ms: number; maxMs: number };
  lost: number;
  duplicates: number;
  unexpected: number;
  wrong: number;
  /** HTTP/GraphQL problems of the mutations; `events` holds the subscription-side problems */
  errors: ErrorCounts;
  /** when the lost events' mutations were sent, ms after the first change (first 20) */
  lostAtMs: number[];
  /** the first subscription-side problems */
  eventSamples: string[];
}

interface Expected {
  aksi: string;
  ke: Status;
  t0: number;
  tResp: number;
  /** a warm-up change: checked, not measured */
  warmup: boolean;
  arrivedAt: number;
  count: number;
  failed: boolean;
}

interface Follow {
  gid: string;
  status: Status;
  versi: number;
  seq: number;
  /** seq of the last change sent (the status in an event is checked only for the latest one) */
  issuedSeq: number;
  expected: Map<number, Expected>;
  busy: Promise<void>;
  ready: boolean;
  onReady: (() => void) | null;
  client: Client | null;
}

export async function measureLive(opts: LiveOptions): Promise<LiveResult> {
  const errors = noErrors();
  const eventSamples: string[] = [];
  const eventProblem = (problem: string) => {
    errors.events = (errors.events ?? 0) + 1;
    errors.sample ??= problem;
    if (eventSamples.length < 5) eventSamples.push(problem);
  };
  const counts = { duplicates: 0, unexpected: 0, wrong: 0 };
  const latencies: number[] = [];
  const mutationMs: number[] = [];
  let eventBeforeResponse = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let disposing = false;

  const follows: Follow[] = opts.requests.map((r) => ({
    gid: globalId("Pengajuan", r.id),
    status: r.status,
    versi: r.versi,
    seq: r.seq,
    issuedSeq: r.seq,
    expected: new Map(),
    busy: Promise.resolve(),
    ready: false,
    onReady: null,
    client: null,
  }));

  const wsUrl = `${opts.subscribeOrigin.replace(/^http/, "ws")}/graphql`;
  const onEvent = (f: Follow, value: { data?: any; errors?: unknown[] }) => {
    const now = performance.now();
    if (value.errors?.length || !value.data?.pengajuanBerubah)
      return eventProblem(`subscription error: ${JSON.stringify(value.errors ?? value).slice(0, 300)}`);
    const e = value.data.pengajuanBerubah as { seq: number; log: { aksi: string }; pengajuan: { status: Status } };
    if (!f.ready) {
      // the replay of the last step: the subscription is live
      if (e.seq !== f.seq) return eventProblem(`replay of ${f.gid} started at seq ${e.seq}, expected ${f.seq}`);
      f.ready = true;
      f.onReady?.();
      return;
    }
    const rec = f.expected.get(e.seq);
    if (!rec) {
      counts.unexpected++;
      return eventProblem(`unexpected event seq ${e.seq} for ${f.gid} (${e.log?.aksi})`);
    }
    rec.count++;
    if (rec.count > 1) {
      counts.duplicates++;
      return eventProblem(`event seq ${e.seq} of ${f.gid} arrived ${rec.count} times`);
    }
    rec.arrivedAt = now;
    if (!rec.warmup) latencies.push(now - rec.t0);
    if (e.log?.aksi !== rec.aksi || (e.seq === f.issuedSeq && e.pengajuan?.status !== rec.ke)) {
      counts.wrong++;
      eventProblem(`event seq ${e.seq} of ${f.gid}: ${e.log?.aksi} → ${e.pengajuan?.status}, expected ${rec.aksi} → ${rec.ke}`);
    }
  };

  const subscribe = (f: Follow) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`subscription to ${f.gid} not live after 60 s`)), 60_000);
      f.onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      f.client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${opts.staffToken}` },
        lazy: true,
        retryAttempts: 0,
        on: {
          closed: (ev) => {
            if (disposing) return;
            const { code, reason } = ev as { code?: number; reason?: string };
            eventProblem(`socket of ${f.gid} closed early (${code ?? "?"} ${reason ?? ""})`);
            clearTimeout(timer);
            reject(new Error(`socket of ${f.gid} closed (${code ?? "?"} ${reason ?? ""})`));
          },
        },
      });
      f.client.subscribe(
        { query: FOLLOW, variables: { id: f.gid, after: f.seq - 1 } },
        {
          next: (v) => onEvent(f, v as never),
          error: (err) => {
            if (disposing) return;
            const problem = `subscription of ${f.gid} failed: ${err instanceof Error ? err.message : JSON.stringify(err).slice(0, 300)}`;
            eventProblem(problem);
            clearTimeout(timer);
            reject(new Error(problem));
          },
          complete: () => {
            if (disposing) return;
            eventProblem(`subscription of ${f.gid} completed early`);
            clearTimeout(timer);
            reject(new Error(`subscription of ${f.gid} completed early`));
          },
        },
      );
    });

  const dispose = async () => {
    disposing = true;
    await Promise.allSettled(follows.map((f) => f.client?.dispose()));
  };

  try {
    // 1. open the sockets, a batch at a time, each live once its replay arrived
    const connectStart = performance.now();
    const batch = opts.connectBatch ?? 50;
    for (let i = 0; i < follows.length; i += batch) await Promise.all(follows.slice(i, i + batch).map(subscribe));
    const connectSeconds = (performance.now() - connectStart) / 1000;
    opts.log(`  ${follows.length} sockets subscribed in ${connectSeconds.toFixed(1)} s`);
    await sleep(opts.settleMs ?? 1000);

    // 2. the changes, open loop at a steady rate
    const headers = (token: string) => ({ "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` });
    const change = async (f: Follow, warmup: boolean) => {
      const step = NEXT[f.status];
      if (!step) return void badBody(errors, `no cycle step from ${f.status} (${f.gid})`);
      const seq = f.seq + 1;
      const rec: Expected = { aksi: step.aksi, ke: step.ke, t0: 0, tResp: 0, warmup, arrivedAt: 0, count: 0, failed: false };
      f.expected.set(seq, rec);
      f.issuedSeq = seq;
      const body = JSON.stringify({ query: ACT, variables: { id: f.gid, a: step.aksi, v: f.versi, pesan: step.pesan } });
      rec.t0 = performance.now();
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      let res: Response;
      try {
        res = await fetch(`${opts.mutateOrigin}/graphql`, {
          method: "POST",
          headers: headers(step.by === "staff" ? opts.staffToken : opts.citizenToken),
          body,
        });
      } catch (err) {
        inFlight--;
        rec.failed = true;
        errors.socketErrors++;
        errors.sample ??= `mutation: ${describeFetchError(err)}`;
        return;
      }
      const data = await checkedResponse<{
        ubahStatusPengajuan: { __typename: string; code?: string; message?: string; data?: { versi: number; seq: number; status: Status } };
      }>(res, errors);
      rec.tResp = performance.now();
      inFlight--;
      const r = data?.ubahStatusPengajuan;
      if (r?.__typename !== "UbahStatusPengajuanSuccess" || !r.data) {
        rec.failed = true;
        if (r) badBody(errors, `${step.aksi} on ${f.gid}: ${r.__typename} ${r.code ?? ""} ${r.message ?? ""}`);
        return;
      }
      if (r.data.seq !== seq || r.data.status !== step.ke)
        badBody(errors, `${step.aksi} on ${f.gid} answered seq ${r.data.seq} ${r.data.status}, expected ${seq} ${step.ke}`);
      if (!warmup) mutationMs.push(rec.tResp - rec.t0);
      if (!warmup && rec.arrivedAt && rec.arrivedAt < rec.tResp) eventBeforeResponse++;
      f.versi = r.data.versi;
      f.seq = r.data.seq;
      f.status = r.data.status;
    };

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    // one schedule: the warm-up changes first, the measured ones right after them at the same rate
    const warmup = opts.warmupChanges ?? 0;
    const scheduleStart = performance.now();
    let sendStart = scheduleStart;
    const all: Promise<void>[] = [];
    for (let k = 0; k < warmup + opts.changes; k++) {
      const due = scheduleStart + (k * 1000) / opts.ratePerSec;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      if (k === warmup) {
        sendStart = performance.now();
        loopDelay.enable();
      }
      const f = follows[k % follows.length]!;
      // a request changed again before its last response: wait for that (its versi comes from it)
      f.busy = f.busy.then(() => change(f, k < warmup));
      all.push(f.busy);
    }
    await Promise.all(all);
    const sendSeconds = (performance.now() - sendStart) / 1000;

    // 3. wait for the stragglers, then a little more for duplicates
    const pending = () => follows.reduce((n, f) => n + [...f.expected.values()].filter((e) => !e.failed && e.count === 0).length, 0);
    const drainUntil = performance.now() + opts.drainMs;
    while (pending() > 0 && performance.now() < drainUntil) await sleep(25);
    loopDelay.disable();
    await sleep(250);

    const lostAtMs: number[] = [];
    let lost = 0;
    for (const f of follows) {
      for (const [seq, e] of f.expected) {
        if (e.failed || e.count > 0) continue;
        lost++;
        if (lostAtMs.length < 20) lostAtMs.push(Math.round(e.t0 - sendStart));
        eventProblem(`event seq ${seq} (${e.aksi}) of ${f.gid} never arrived`);
      }
    }
    const sorted = sortedOf(latencies);
    const mut = sortedOf(mutationMs);
    return {
      sockets: follows.length,
      connectSeconds: round2(connectSeconds),
      changes: opts.changes,
      changesPerSec: opts.changes / sendSeconds,
      sendSeconds: round2(sendSeconds),
      latency: {
        p50Ms: pct(sorted, 0.5),
        p95Ms: pct(sorted, 0.95),
        p99Ms: pct(sorted, 0.99),
        maxMs: sorted.length ? sorted[sorted.length - 1]! : NaN,
        count: sorted.length,
      },
      mutation: { p50Ms: pct(mut, 0.5), p95Ms: pct(mut, 0.95), p99Ms: pct(mut, 0.99) },
      eventBeforeResponse,
      maxInFlight,
      loadLoopDelay: { p99Ms: round2(loopDelay.percentile(99) / 1e6), maxMs: round2(loopDelay.max / 1e6) },
      lost,
      ...counts,
      errors,
      lostAtMs,
      eventSamples,
    };
  } finally {
    await dispose();
  }
}
