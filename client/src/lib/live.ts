import { useEffect, useRef, useState } from "react";
import { useClient, type CombinedError, type TypedDocumentNode } from "urql";

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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the variables are built here
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
