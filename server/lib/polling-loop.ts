export interface PollingLoopOptions {
  /** idle interval between passes; kick() runs sooner */
  pollMs: number;
  /** one background pass; `again: true` (e.g. a full batch) runs the next pass at once instead of after pollMs */
  tick: () => Promise<{ again: boolean }>;
  /** a pass threw; the loop carries on after pollMs */
  onError: (err: unknown) => void;
}

/**
 * The polling machinery of a background worker: a pass now and then, sooner after kick(), at once again while
 * there is more to do. Timers are unref'd, so the loop never keeps a process alive on its own. Work passed to
 * runOnce() runs one call at a time per loop, and stop() waits for the call in flight.
 */
export class PollingLoop {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopRequested = false;
  private ticking = false;
  private kicked = false;
  private beatAt = 0;

  constructor(private readonly opts: PollingLoopOptions) {}

  /** When the loop last showed it is turning (a pass began or ended, or the work called beat()); null while not started. */
  get heartbeatAt(): number | null {
    return this.started ? this.beatAt : null;
  }

  /** Work in a long pass says it is still making progress (e.g. after each row). */
  beat(): void {
    this.beatAt = Date.now();
  }

  /** True from stop() until the next start(): work in progress should end after the item in hand. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopRequested = false;
    this.beat();
    this.schedule(0);
  }

  /** Stop polling; resolves once the runOnce() call in flight has finished. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  /** Run a pass soon. While a pass is running, another one follows it at once. */
  kick(): void {
    if (!this.started || this.stopRequested) return;
    if (this.ticking) this.kicked = true;
    else this.schedule(0);
  }

  /** Runs `work` after every earlier runOnce() call of this loop has settled. */
  runOnce<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => {});
    return run;
  }

  private schedule(ms: number): void {
    if (!this.started || this.stopRequested) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    this.kicked = false;
    this.beat();
    let again = false;
    try {
      ({ again } = await this.opts.tick());
    } catch (err) {
      this.opts.onError(err);
    } finally {
      this.ticking = false;
      this.beat();
    }
    this.schedule(again || this.kicked ? 0 : this.opts.pollMs);
  }
}

/**
 * Delay before the next try after `attempts` failures: base, 2 × base, 4 × base … capped at `capMs`. The jitter
 * (up to 10 % shorter) spreads out a burst that failed together.
 */
export function backoffMs(attempts: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const base = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 - 0.1 * random()));
}
