/**
 * "ticket call → display" (issue 16): a day of an office's queue compressed. A kiosk key takes the day's tickets;
 * `sockets` TV displays (a display key each, one graphql-ws socket each) follow `papanAntrianBerubah`; `counters`
 * officers call the next number at `ratePerSec` in total. For every call and every display, the time from sending
 * panggilBerikutnya to that display receiving a board that shows the call (its `kunci`) is one sample.
 *
 * Every display must see every call exactly once as new (a board it had not yet seen it on); a call a display
 * never shows, a subscription error or a socket closed early is an error of the phase.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { badBody, noErrors, pct, postCounted, rawId, sleep, sortedOf, type ErrorCounts } from "./lib";

const AMBIL = /* GraphQL */ `mutation($i: ID!, $g: ID!) { ambilTiket(input: { instansiId: $i, grupId: $g }) { __typename ... on AmbilTiketSuccess { data { kode } } ... on Error { code message } } }`;
const PANGGIL = /* GraphQL */ `mutation($l: ID!, $g: [ID!]!) { panggilBerikutnya(input: { loketId: $l, grupIds: $g }) { __typename ... on PanggilBerikutnyaSuccess { data { id kode panggilanKe } } ... on Error { code message } } }`;
const PAPAN = /* GraphQL */ `subscription($i: ID!) { papanAntrianBerubah(instansiId: $i) { dipanggil { kunci kode loket } grup { kode menunggu } } }`;

export interface AntrianOptions {
  origin: string;
  instansiId: string;
  grupIds: string[];
  loketIds: string[];
  officerTokens: string[];
  kioskToken: string;
  displayToken: string;
  sockets: number;
  calls: number;
  ratePerSec: number;
  log(message: string): void;
}

export interface AntrianRun {
  calls: number;
  samples: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  callMs: { p50Ms: number; p95Ms: number };
  missed: number;
  errors: ErrorCounts;
}

interface Display {
  client: Client;
  /** when this display first showed each call */
  seen: Map<string, number>;
  ready: Promise<void>;
}

export async function measureAntrian(o: AntrianOptions): Promise<AntrianRun> {
  const errors = noErrors();
  const problem = (p: string) => {
    errors.events = (errors.events ?? 0) + 1;
    errors.sample ??= p;
  };
  // the day's tickets first (not measured): one more per call than called, spread over the groups
  o.log(`taking ${o.calls} tickets at the kiosk`);
  for (let i = 0; i < o.calls; i++) {
    type Ambil = { ambilTiket: { __typename: string; code?: string; message?: string } };
    const r = await postCounted<Ambil>(o.origin, o.kioskToken, AMBIL, { i: o.instansiId, g: o.grupIds[i % o.grupIds.length] }, errors);
    if (r && r.ambilTiket.__typename !== "AmbilTiketSuccess") throw new Error(`ambilTiket: ${JSON.stringify(r.ambilTiket)}`);
  }
  // when each call was sent, by kunci; a display may show a call before its caller has the answer (and so the
  // kunci), so arrivals are kept per display and matched at the end
  const sentAt = new Map<string, number>();
  let disposing = false;
  const wsUrl = `${o.origin.replace(/^http/, "ws")}/graphql`;
  o.log(`opening ${o.sockets} display sockets`);
  const displays: Display[] = [];
  for (let i = 0; i < o.sockets; i++) {
    const seen = new Map<string, number>();
    let readyResolve!: () => void;
    const ready = new Promise<void>((resolve) => (readyResolve = resolve));
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${o.displayToken}` },
      lazy: true,
      retryAttempts: 0,
      on: {
        closed: (ev) => {
          if (!disposing) problem(`display socket closed early (${(ev as { code?: number }).code ?? "?"})`);
        },
      },
    });
    client.subscribe(
      { query: PAPAN, variables: { i: o.instansiId } },
      {
        next: (v) => {
          const now = performance.now();
          const board = (v as { data?: { papanAntrianBerubah?: { dipanggil: Array<{ kunci: string }> } } }).data?.papanAntrianBerubah;
          if (!board) return problem(`display event without a board: ${JSON.stringify(v).slice(0, 200)}`);
          for (const c of board.dipanggil) if (!seen.has(c.kunci)) seen.set(c.kunci, now);
          readyResolve();
        },
        error: (e) => problem(`display subscription error: ${JSON.stringify(e).slice(0, 200)}`),
        complete: () => {
          if (!disposing) problem("display subscription completed early");
        },
      },
    );
    displays.push({ client, seen, ready });
  }
  await Promise.race([Promise.all(displays.map((d) => d.ready)), sleep(60_000).then(() => Promise.reject(new Error("displays not live after 60 s")))]);
  o.log(`${o.sockets} displays live; ${o.calls} calls at ${o.ratePerSec}/s from ${o.loketIds.length} counters`);
  const callMs: number[] = [];
  const called: string[] = [];
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < o.calls; i++) {
    const due = started + (i * 1000) / o.ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const counter = i % o.loketIds.length;
    inFlight.push(
      (async () => {
        type Panggil = { panggilBerikutnya: { __typename: string; data?: { id: string; panggilanKe: number } } };
        const t0 = performance.now();
        const r = await postCounted<Panggil>(o.origin, o.officerTokens[counter]!, PANGGIL, { l: o.loketIds[counter], g: o.grupIds }, errors);
        callMs.push(performance.now() - t0);
        if (!r) return;
        const d = r.panggilBerikutnya.data;
        if (r.panggilBerikutnya.__typename !== "PanggilBerikutnyaSuccess" || !d) {
          badBody(errors, `panggilBerikutnya: ${JSON.stringify(r.panggilBerikutnya).slice(0, 200)}`);
          return;
        }
        const kunci = `${rawId(d.id)}:${d.panggilanKe}`;
        called.push(kunci);
        sentAt.set(kunci, t0);
      })(),
    );
  }
  await Promise.all(inFlight);
  // the last boards arrive
  const drainUntil = performance.now() + 5000;
  while (performance.now() < drainUntil && displays.some((d) => called.some((k) => !d.seen.has(k)))) await sleep(50);
  const seconds = (performance.now() - started) / 1000;
  let missed = 0;
  const latencies: number[] = [];
  for (const d of displays)
    for (const k of called) {
      const at = d.seen.get(k);
      if (at === undefined) missed++;
      else latencies.push(at - sentAt.get(k)!);
    }
  if (missed > 0) problem(`${missed} (display, call) pairs never shown`);
  disposing = true;
  await Promise.all(displays.map((d) => d.client.dispose()));
  const sorted = sortedOf(latencies);
  const calls = sortedOf(callMs);
  return {
    calls: called.length,
    samples: latencies.length,
    seconds,
    p50Ms: pct(sorted, 0.5),
    p95Ms: pct(sorted, 0.95),
    p99Ms: pct(sorted, 0.99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    callMs: { p50Ms: pct(calls, 0.5), p95Ms: pct(calls, 0.95) },
    missed,
    errors,
  };
}
