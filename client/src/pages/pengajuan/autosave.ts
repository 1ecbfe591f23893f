import { useCallback, useEffect, useRef, useState } from "react";

/** The values of a draft on the page: the form's fields by name, plus non-field choices under keys no field can have. */
export type DraftValues = Record<string, string>;

/** What one save answered. */
export type SaveOutcome =
  /** `commit` shows the answer on the page: called once the page knows the text it sent is the server's */
  | { kind: "saved"; versi: number; commit?: () => void }
  /** the page's version is stale (another tab or device saved first) */
  | { kind: "conflict" }
  | { kind: "failed"; message: string; field?: string };

/** A draft's text on the server and the version it is at, as the page last heard of it. */
export interface ServerCopy {
  values: DraftValues;
  versi: number;
}

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; message: string }
  /** someone else changed fields the citizen is also changing: their text, so that nothing is lost from view */
  | { kind: "conflict"; fields: Array<{ key: string; theirs: string }> };

// the server drops a field of only spaces: for "has it changed" both mean "empty"
const norm = (v: string | undefined) => (v === undefined || v.trim() === "" ? "" : v);

/**
 * Saves a draft as the citizen types (debounced), so a reload, a failed submit or a closed tab loses nothing.
 *
 * The page keeps `base`, the server's text its own values started from. Only the fields that differ from it are
 * sent (the server merges per field), with the version the page last saw. When the server's copy changes (own
 * answers, a reload after CONFLICT), fields the citizen has not touched take the server's text; touched ones keep
 * the citizen's, and if the server's text for such a field changed too, the page says so and shows the other
 * text. A CONFLICT answer (a save from another tab got in first) re-reads the draft and tries again.
 */
export function useDraftAutosave(opts: {
  server: ServerCopy;
  enabled: boolean;
  /** sends the changed fields at `versi` */
  save: (changes: DraftValues, versi: number) => Promise<SaveOutcome>;
  /** reads the draft again from the server (after CONFLICT) */
  reload: () => Promise<ServerCopy | null>;
  delayMs?: number;
}) {
  const [values, setValues] = useState<DraftValues>(opts.server.values);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const [pending, setPending] = useState(false);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const base = useRef<DraftValues>(opts.server.values);
  const versi = useRef(opts.server.versi);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const delay = opts.delayMs ?? 800;

  /** Takes in a newer server copy: untouched fields follow it; touched ones stay, a clash is reported. */
  const absorb = useCallback((copy: ServerCopy) => {
    if (copy.versi < versi.current) return;
    versi.current = copy.versi;
    const before = base.current;
    const local = valuesRef.current;
    const next = { ...local };
    const clashes: Array<{ key: string; theirs: string }> = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(copy.values), ...Object.keys(local)])) {
      const theirs = norm(copy.values[key]);
      const mine = norm(local[key]);
      if (mine === norm(before[key])) {
        if (mine !== theirs) next[key] = copy.values[key] ?? "";
      } else if (theirs !== norm(before[key]) && theirs !== mine) clashes.push({ key, theirs });
    }
    base.current = { ...copy.values };
    valuesRef.current = next;
    setValues(next);
    if (clashes.length) setStatus({ kind: "conflict", fields: clashes });
  }, []);

  const serverKey = JSON.stringify(opts.server.values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the copy is compared by its text and version
  useEffect(() => absorb(opts.server), [serverKey, opts.server.versi, absorb]);

  const changes = useCallback((): DraftValues => {
    const local = valuesRef.current;
    return Object.fromEntries(
      Object.keys(local)
        .filter((k) => norm(local[k]) !== norm(base.current[k]))
        .map((k) => [k, local[k] ?? ""]),
    );
  }, []);

  /** Sends what changed now (waiting for a save in flight first); true when the server holds the page's text. */
  const flush = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = async (): Promise<boolean> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const sent = changes();
        if (Object.keys(sent).length === 0) {
          setPending(false);
          return true;
        }
        const answer = await optsRef.current.save(sent, versi.current);
        if (answer.kind === "saved") {
          // what was sent is now the server's text; a field typed on meanwhile stays a change
          base.current = { ...base.current, ...sent };
          versi.current = Math.max(versi.current, answer.versi);
          answer.commit?.();
          setStatus((s) => (s.kind === "conflict" ? s : { kind: "saved", at: new Date() }));
          continue; // anything typed while it was on its way goes next
        }
        if (answer.kind === "conflict") {
          const copy = await optsRef.current.reload();
          if (copy) absorb(copy);
          continue;
        }
        setStatus({ kind: "failed", message: answer.message });
        return false;
      }
      return Object.keys(changes()).length === 0;
    };
    const previous = inFlight.current ?? Promise.resolve(true);
    const mine = previous.then(run, run).finally(() => {
      if (inFlight.current === mine) inFlight.current = null;
    });
    inFlight.current = mine;
    return mine;
  }, [changes, absorb]);

  /** One field (or choice) typed: shown at once, saved after a pause in typing. */
  const change = useCallback(
    (key: string, value: string) => {
      const next = { ...valuesRef.current, [key]: value };
      valuesRef.current = next;
      setValues(next);
      if (!optsRef.current.enabled) return;
      setPending(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [flush, delay],
  );

  // leaving the page or the tab: what is pending goes now; a reload with text still unsent asks first
  useEffect(() => {
    if (!opts.enabled) return;
    const hide = () => {
      if (document.visibilityState === "hidden" && Object.keys(changes()).length) void flush();
    };
    const unload = (e: BeforeUnloadEvent) => {
      if (Object.keys(changes()).length) e.preventDefault();
    };
    document.addEventListener("visibilitychange", hide);
    window.addEventListener("beforeunload", unload);
    return () => {
      document.removeEventListener("visibilitychange", hide);
      window.removeEventListener("beforeunload", unload);
    };
  }, [opts.enabled, changes, flush]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    values,
    change,
    flush,
    status,
    /** typed but not saved yet */
    pending,
    /** the citizen has read the clash notice */
    dismissConflict: () => setStatus({ kind: "saved", at: new Date() }),
  };
}

/** "Tersimpan 10.42": the time in the citizen's own clock, as Indonesian writes it. */
export function savedAt(at: Date): string {
  return `Tersimpan ${new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit" }).format(at)}`;
}
