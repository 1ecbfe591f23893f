/**
 * `tsx bench/profile-summary.ts <file.cpuprofile> [top] [lastSeconds]`: where a server's CPU time went, from
 * a V8 CPU profile written with BENCH_SERVER_PROFILE (the main thread's is the `.0.001.` file). Prints self
 * time by package/file and by function, and the share of idle time. `lastSeconds`: only the samples of the
 * last seconds before the process stopped (e.g. the last phase, without the boot); `skipLastSeconds`: without the
 * samples of the last seconds (a phase in the middle of a run). `CALLERS=<function name>` also prints which
 * functions' calls the named function's self time was spent under, by the nearest caller of our own or a package.
 */
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg, lastArg, skipArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
const until = skipArg ? profile.endTime - Number(skipArg) * 1e6 : Infinity;
const from = lastArg ? until - Number(lastArg) * 1e6 : -Infinity;
let t = profile.startTime;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  if (t >= from && t < until) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return "(native/V8)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
};
const fnKey = (n: Node) =>
  `${n.callFrame.functionName || "(anonymous)"}  ${where(n.callFrame.url)}${n.callFrame.url && !n.callFrame.url.includes("node_modules") ? `:${n.callFrame.lineNumber + 1}` : ""}`;

const agg = (key: (n: Node) => string) => {
  const m = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const k = key(byId.get(id)!);
    m.set(k, (m.get(k) ?? 0) + us);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};
const pctOf = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms`;

console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log("\nself time by package / file:");
for (const [k, us] of agg((n) =>
  ["(idle)", "(program)", "(garbage collector)"].includes(n.callFrame.functionName) ? n.callFrame.functionName : where(n.callFrame.url),
).slice(0, top))
  console.log(`  ${pctOf(us)}  ${k}`);
console.log("\nself time by function:");
for (const [k, us] of agg(fnKey).slice(0, top)) console.log(`  ${pctOf(us)}  ${k}`);

const callersOf = process.env.CALLERS;
if (callersOf) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const m = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if (byId.get(id)!.callFrame.functionName !== callersOf) continue;
    // up the stack to the first frame with a script (not V8's own)
    let p = parent.get(id);
    const chain: string[] = [];
    while (p !== undefined && chain.length < 4) {
      const n = byId.get(p)!;
      if (n.callFrame.url) chain.push(fnKey(n));
      p = parent.get(p);
    }
    const k = chain.join("  <  ") || "(none)";
    m.set(k, (m.get(k) ?? 0) + us);
  }
  console.log(`\n${callersOf}: self time by caller`);
  for (const [k, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pctOf(us)}  ${k}`);
}
