import { describe, expect, it, vi } from "vitest";
import { ConnectionMonitor } from "./connection";

describe("ConnectionMonitor", () => {
  it("goes offline on a reported failure, probes, and runs the reconnect listeners once the API answers", async () => {
    vi.useFakeTimers();
    try {
      let reachable = false;
      const probe = vi.fn(async () => reachable);
      const monitor = new ConnectionMonitor(probe);
      const changes: boolean[] = [];
      monitor.subscribe(() => changes.push(monitor.isOnline));
      const reconnected = vi.fn();
      monitor.onReconnect(reconnected);

      monitor.reportOffline();
      monitor.reportOffline();
      expect(monitor.isOnline).toBe(false);
      expect(changes).toEqual([false]);

      await vi.advanceTimersByTimeAsync(3000);
      expect(probe).toHaveBeenCalledTimes(1);
      expect(monitor.isOnline).toBe(false);

      reachable = true;
      await vi.advanceTimersByTimeAsync(5000);
      expect(monitor.isOnline).toBe(true);
      expect(changes).toEqual([false, true]);
      expect(reconnected).toHaveBeenCalledTimes(1);

      // no probing while online
      await vi.advanceTimersByTimeAsync(60_000);
      expect(probe).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("comes back at once when the WebSocket reconnects", () => {
    const monitor = new ConnectionMonitor(async () => false);
    const reconnected = vi.fn();
    monitor.onReconnect(reconnected);
    monitor.reportOnline();
    expect(reconnected).not.toHaveBeenCalled();
    monitor.reportOffline();
    monitor.reportOnline();
    expect(reconnected).toHaveBeenCalledTimes(1);
  });
});
