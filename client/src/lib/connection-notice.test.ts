import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionNotice } from "./connection";

describe("ConnectionNotice (the connection banner)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const make = () => {
    const notice = new ConnectionNotice({ showAfterMs: 2000, minShownMs: 3000, backMs: 4000 }, () => Date.now());
    const seen: string[] = [];
    notice.subscribe(() => seen.push(notice.current));
    return { notice, seen };
  };

  it("a blip shorter than the grace shows nothing at all: no 'Tidak tersambung', no 'Tersambung kembali'", () => {
    const { notice, seen } = make();
    notice.update(false);
    vi.advanceTimersByTime(1500);
    notice.update(true);
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual([]);
    expect(notice.current).toBe("none");
  });

  it("a notice that stood only briefly goes quietly: no 'Tersambung kembali'", () => {
    const { notice, seen } = make();
    notice.update(false);
    vi.advanceTimersByTime(2000);
    expect(notice.current).toBe("offline");
    vi.advanceTimersByTime(1000); // shown 1 s: under minShownMs
    notice.update(true);
    expect(notice.current).toBe("none");
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual(["offline", "none"]);
  });

  it("after a disconnection the person saw, 'Tersambung kembali' shows, then goes by itself", () => {
    const { notice, seen } = make();
    notice.update(false);
    vi.advanceTimersByTime(2000 + 3000);
    notice.update(true);
    expect(notice.current).toBe("back");
    vi.advanceTimersByTime(3999);
    expect(notice.current).toBe("back");
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(["offline", "back", "none"]);
  });

  it("repeated offline reports do not restart the grace; a new loss during 'back' starts over", () => {
    const { notice } = make();
    notice.update(false);
    vi.advanceTimersByTime(1500);
    notice.update(false);
    vi.advanceTimersByTime(500);
    expect(notice.current).toBe("offline");
    vi.advanceTimersByTime(3000);
    notice.update(true);
    expect(notice.current).toBe("back");
    notice.update(false);
    expect(notice.current).toBe("none");
    vi.advanceTimersByTime(2000);
    expect(notice.current).toBe("offline");
    notice.dispose();
  });
});
