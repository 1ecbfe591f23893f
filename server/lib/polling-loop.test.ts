import { describe, expect, it } from "vitest";
import { backoffMs, PollingLoop } from "./polling-loop";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("PollingLoop", () => {
  it("runs at start, again at once while asked to, then waits for pollMs or kick()", async () => {
    let ticks = 0;
    const loop = new PollingLoop({ pollMs: 60_000, tick: async () => ({ again: ++ticks < 3 }), onError: () => {} });
    loop.start();
    await sleep(30);
    expect(ticks).toBe(3);
    loop.kick();
    await sleep(30);
    expect(ticks).toBe(4);
    await loop.stop();
    loop.kick();
    await sleep(30);
    expect(ticks).toBe(4);
  });

  it("a kick during a pass runs another pass right after it; errors are reported and polling goes on", async () => {
    let ticks = 0;
    const errors: unknown[] = [];
    const loop = new PollingLoop({
      pollMs: 60_000,
      tick: async () => {
        ticks++;
        if (ticks === 1) loop.kick();
        if (ticks === 2) throw new Error("boom");
        return { again: false };
      },
      onError: (err) => errors.push(err),
    });
    loop.start();
    await sleep(30);
    expect(ticks).toBe(2);
    expect(errors).toHaveLength(1);
    loop.kick();
    await sleep(30);
    expect(ticks).toBe(3);
    await loop.stop();
  });

  it("runOnce() calls run one after another and stop() waits for the one in flight", async () => {
    const loop = new PollingLoop({ pollMs: 60_000, tick: async () => ({ again: false }), onError: () => {} });
    const order: string[] = [];
    const first = loop.runOnce(async () => {
      await sleep(20);
      order.push("first");
      throw new Error("first failed");
    });
    const second = loop.runOnce(async () => {
      order.push("second");
      return 2;
    });
    await expect(first).rejects.toThrow("first failed");
    expect(await second).toBe(2);
    expect(order).toEqual(["first", "second"]);

    let done = false;
    void loop.runOnce(async () => {
      await sleep(20);
      done = true;
    });
    expect(loop.stopping).toBe(false);
    await loop.stop();
    expect(loop.stopping).toBe(true);
    expect(done).toBe(true);
  });
});

describe("backoffMs", () => {
  it("doubles from the base up to the cap, with up to 10 % jitter", () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 5_000, 3_600_000, () => 0))).toEqual([5_000, 10_000, 20_000]);
    expect(backoffMs(40, 5_000, 3_600_000, () => 0)).toBe(3_600_000);
    expect(backoffMs(1, 10_000, 3_600_000, () => 1)).toBe(9_000);
  });
});
