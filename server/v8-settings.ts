import v8 from "node:v8";

/**
 * How V8 runs this process, set before anything else is loaded (the entry points import this module first).
 *
 * WebAssembly (Prisma's query compiler; PGlite's PostgreSQL on the embedded database) runs on V8's baseline
 * compiler, Liftoff, without tiering up hot functions to the optimising compiler, TurboFan. Measured on the built
 * server (issue #13): TurboFan's compilations of Prisma's query-compiler module kept ~80 MB resident for the life of
 * the process (idle RSS on PostgreSQL 235–250 MB with tier-up, 155–160 MB without), and requests were not cheaper
 * in CPU. `WASM_TIER_UP=true` restores V8's default. It must be set before any WebAssembly module is compiled.
 *
 * The JavaScript heap grows by 30 % over what a full collection left alive (`HEAP_GROWING_PERCENT`), not by V8's
 * own factor (up to 4× when collections are fast, which they are with a small heap): under 10 concurrent requests
 * the heap of the default grew from ~55 MB to 160–250 MB of mostly garbage before V8 collected it, and the process
 * kept the pages. Measured with a `{ __typename }` and a catalogue load on PGlite: RSS 225–237 MB against 294–394 MB,
 * requests per second the same within the run's noise. V8 reads the factor at every collection, so it is set once the
 * server listens (`limitHeapGrowth`): start-up builds its ~50 MB of heap without the extra full collections it would
 * cost there. 0 restores V8's default.
 */
export const wasmTierUp = process.env.WASM_TIER_UP === "true";
if (!wasmTierUp) v8.setFlagsFromString("--liftoff-only");

const DEFAULT_HEAP_GROWING_PERCENT = 30;
export const heapGrowingPercent = heapGrowing(process.env.HEAP_GROWING_PERCENT);

/** Called once the server is ready: from now on the heap grows by `heapGrowingPercent` (see above). */
export function limitHeapGrowth(): void {
  if (heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}

function heapGrowing(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_HEAP_GROWING_PERCENT;
  const n = Number(value);
  // a bad value is reported by config.ts with the others; here it falls back to the default
  return Number.isInteger(n) && n >= 0 && n <= 400 ? n : DEFAULT_HEAP_GROWING_PERCENT;
}
