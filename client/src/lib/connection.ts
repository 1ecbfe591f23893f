import { useEffect, useState, useSyncExternalStore } from "react";

type Listener = () => void;

/**
 * Whether the API is reachable. Fed by the browser's online/offline events, failed fetches and the
 * WebSocket's open/close events. While offline it probes the API every few seconds; when the API answers
 * again, `onReconnect` listeners run (the client re-queries what is on screen).
 */
export class ConnectionMonitor {
  private online: boolean;
  private readonly listeners = new Set<Listener>();
  private readonly reconnectListeners = new Set<Listener>();
  private probeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly probe: () => Promise<boolean>) {
    this.online = typeof navigator === "undefined" ? true : navigator.onLine !== false;
  }

  /** Listens to the browser's own connectivity events; call once. */
  attach(target: Pick<Window, "addEventListener">): void {
    target.addEventListener("offline", () => this.reportOffline());
    // the browser being back on a network does not mean the API is: probe it
    target.addEventListener("online", () => void this.check());
    if (!this.online) this.scheduleProbe(0);
  }

  get isOnline(): boolean {
    return this.online;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onReconnect(listener: Listener): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  reportOnline(): void {
    if (this.online) return;
    this.online = true;
    this.clearProbe();
    this.emit();
    for (const l of [...this.reconnectListeners]) l();
  }

  reportOffline(): void {
    if (!this.online) return;
    this.online = false;
    this.emit();
    this.scheduleProbe(3000);
  }

  private async check(): Promise<void> {
    let ok = false;
    try {
      ok = await this.probe();
    } catch {
      ok = false;
    }
    if (ok) this.reportOnline();
    else if (!this.online) this.scheduleProbe(5000);
    else this.reportOffline();
  }

  private scheduleProbe(ms: number): void {
    this.clearProbe();
    this.probeTimer = setTimeout(() => void this.check(), ms);
  }

  private clearProbe(): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

export async function probeApi(): Promise<boolean> {
  const res = await fetch("/graphql", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  return res.ok;
}

export const connection = new ConnectionMonitor(probeApi);

export function useOnline(monitor: ConnectionMonitor = connection): boolean {
  return useSyncExternalStore(
    monitor.subscribe,
    () => monitor.isOnline,
    () => true,
  );
}

/** What the connection banner says: nothing, that the connection is lost, or (for a moment) that it is back. */
export type NoticeState = "none" | "offline" | "back";

/**
 * The connection banner as people should see it. A blip (a socket reconnecting after a phone's screen woke, one
 * failed request answered by the next probe) is not news: the "Tidak tersambung" notice waits `showAfterMs` of
 * continuous disconnection before it shows, and "Tersambung kembali" follows only a notice that stood for at least
 * `minShownMs` — a disconnection the person actually saw — then goes after `backMs`.
 */
export class ConnectionNotice {
  private state: NoticeState = "none";
  private shownAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly opts = { showAfterMs: 2000, minShownMs: 3000, backMs: 4000 },
    private readonly now: () => number = Date.now,
  ) {}

  get current(): NoticeState {
    return this.state;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Feed it every change of the connection. */
  update(online: boolean): void {
    if (!online) {
      if (this.state === "offline" || (this.timer && this.state === "none")) return;
      this.set("none");
      this.schedule(this.opts.showAfterMs, () => {
        this.shownAt = this.now();
        this.set("offline");
      });
      return;
    }
    if (this.state === "offline" && this.now() - this.shownAt >= this.opts.minShownMs) {
      this.set("back");
      this.schedule(this.opts.backMs, () => this.set("none"));
      return;
    }
    if (this.state !== "back") {
      this.clear();
      this.set("none");
    }
  }

  dispose(): void {
    this.clear();
  }

  private schedule(ms: number, run: () => void): void {
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = null;
      run();
    }, ms);
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(state: NoticeState): void {
    if (state === this.state) return;
    this.state = state;
    for (const l of [...this.listeners]) l();
  }
}

/** The banner's state for this connection (one ConnectionNotice per component that shows it). */
export function useConnectionNotice(monitor: ConnectionMonitor = connection): NoticeState {
  const online = useOnline(monitor);
  const [notice] = useState(() => new ConnectionNotice());
  useEffect(() => {
    notice.update(online);
  }, [notice, online]);
  useEffect(() => () => notice.dispose(), [notice]);
  return useSyncExternalStore(
    notice.subscribe,
    () => notice.current,
    () => "none",
  );
}
