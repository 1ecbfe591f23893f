import { useEffect, useRef, useState } from "react";
import { useClient, useQuery, type CombinedError, type TypedDocumentNode } from "urql";
import { requestErrorMessage } from "./errors";
import { isUuid, toGlobalId } from "./ids";

/** Of several copies of one object (the query's, the live stream's, a mutation's answer), the newest by `versi`. */
export function newest<T extends { versi: number }>(...copies: Array<T | null | undefined>): T | null {
  let best: T | null = null;
  for (const c of copies) if (c && (!best || c.versi >= best.versi)) best = c;
  return best;
}

/**
 * Follows a stream of numbered steps (`pengajuanBerubah(id, setelahSeq)`): starts after `fromSeq` (what the page
 * already shows), remembers the last seq seen, and — when the socket reconnects — resubscribes from that seq, so
 * the steps missed while offline arrive once and nothing arrives twice. Steps at or below the last seen are dropped.
 */
export function useSeqStream<TData, TEvent>(opts: {
  // biome-ignore lint/suspicious/noExplicitAny: any document's variables fit; the variables are built here
  document: TypedDocumentNode<TData, any>;
  variables: Record<string, unknown>;
  /** the seq the page already shows; the stream starts once it is known */
  fromSeq: number | null | undefined;
  pick: (data: TData) => TEvent | null | undefined;
  seqOf: (event: TEvent) => number;
  onEvent: (event: TEvent) => void;
  seqVariable?: string;
  pause?: boolean;
}): { error: CombinedError | null; lastSeq: number } {
  const client = useClient();
  const last = useRef(-1);
  const [error, setError] = useState<CombinedError | null>(null);
  const [, setTick] = useState(0);
  const onEvent = useRef(opts.onEvent);
  onEvent.current = opts.onEvent;
  const pick = useRef(opts.pick);
  pick.current = opts.pick;
  const seqOf = useRef(opts.seqOf);
  seqOf.current = opts.seqOf;
  const known = opts.fromSeq != null;
  if (known && opts.fromSeq! > last.current) last.current = opts.fromSeq!;
  const key = JSON.stringify(opts.variables);
  const seqVariable = opts.seqVariable ?? "setelahSeq";

  useEffect(() => {
    if (!known || opts.pause) return;
    const sub = client
      .subscription(opts.document, { ...JSON.parse(key), [seqVariable]: last.current }, { resume: () => ({ [seqVariable]: last.current }) })
      .subscribe((result) => {
        if (result.error) setError(result.error);
        const event = result.data ? pick.current(result.data) : null;
        if (!event) return;
        setError(null);
        const seq = seqOf.current(event);
        if (seq <= last.current) return;
        last.current = seq;
        setTick((t) => t + 1);
        onEvent.current(event);
      });
    return () => sub.unsubscribe();
    // the stream is (re)started only for another object; later refetches just move `last` forward
  }, [client, key, known, opts.pause, opts.document, seqVariable]);

  return { error, lastSeq: last.current };
}

/**
 * One pengajuan on a page that follows it live (the citizen's and the officer's): the query's copy, the stream's
 * (`pengajuanBerubah`, from the seq the page shows) and the answers to the page's own mutations (`accept`) — the
 * newest of them by versi. `id` is the raw id from the address. On equal versions the page's own answer wins, or,
 * with `queryWins`, the query's copy (for what changes without a new versi, such as internal notes).
 */
export function useLivePengajuan<TData extends { node?: { __typename: string } | null }, S extends { id: string; versi: number }>(opts: {
  id: string;
  query: TypedDocumentNode<TData, { id: string }>;
  subscription: TypedDocumentNode<{ pengajuanBerubah: { seq: number; pengajuan: S } }, { id: string; setelahSeq?: number | null }>;
  /** the seq of a copy (inside its fragment) */
  seqOf: (copy: S) => number;
  queryWins?: boolean;
}) {
  const valid = isUuid(opts.id);
  const gid = toGlobalId("Pengajuan", opts.id);
  const [{ data, fetching, error }, refetch] = useQuery({ query: opts.query, variables: { id: gid }, pause: !valid });
  const [live, setLive] = useState<S | null>(null);
  const [mine, setMine] = useState<S | null>(null);
  const node = data?.node?.__typename === "Pengajuan" ? (data.node as unknown as S) : null;
  const streamed = live?.id === gid ? live : null;
  const own = mine?.id === gid ? mine : null;
  const current = opts.queryWins ? newest<S>(streamed, own, node) : newest<S>(node, streamed, own);
  const stream = useSeqStream({
    document: opts.subscription,
    variables: { id: gid },
    fromSeq: node && current ? opts.seqOf(current) : null,
    pick: (d) => d.pengajuanBerubah,
    seqOf: (e) => e.seq,
    onEvent: (e) => setLive((prev) => newest<S>(prev, e.pengajuan)),
    pause: !valid,
  });
  return {
    /** the address names no pengajuan, or not one this account may see */
    notFound: !valid || (!!data && !node),
    fetching,
    error,
    data,
    refetch: () => refetch({ requestPolicy: "network-only" }),
    current,
    accept: (copy: S) => setMine((prev) => newest<S>(prev, copy)),
    streamError: stream.error ? requestErrorMessage(stream.error) : null,
  };
}
