import { useSyncExternalStore } from "react";

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
