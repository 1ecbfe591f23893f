import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_CONFIG, SETTINGS, loadConfig, startupCheck } from "../../server/config";
import { MAX_UPLOAD_BODY_BYTES } from "../../server/limits";

/**
 * README "Running in production": everything it names is checked here except the proxy's behaviour. The systemd
 * unit (systemd-analyze verify where it is installed, and its keys parsed here in any case), the settings file
 * (only settings config.ts knows, accepted by loadConfig and startupCheck, read alike by systemd and sh), the
 * settings table against config.ts's SETTINGS in both directions, and every npm command of the README against
 * package.json and the admin and db commands' own usage.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

/** The text from a heading to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const level = heading.match(/^#+/)![0].length;
  const lines = README.slice(start + heading.length + 2).split("\n");
  let fenced = false;
  const end = lines.findIndex((line) => {
    if (line.startsWith("```")) fenced = !fenced;
    return !fenced && new RegExp(`^#{1,${level}} `).test(line); // a comment line in a code block is no heading
  });
  return (end < 0 ? lines : lines.slice(0, end)).join("\n");
}

/** Fenced blocks whose first line is `# <path>`: the files the guide asks to write. */
function files(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^```[a-z]*\n# (\/[^\n]+)\n([\s\S]*?)^```$/gm)) out.set(m[1]!.trim(), m[2]!);
  return out;
}

const GUIDE = section("### Running in production");
const FILES = files(GUIDE);
const UNIT_PATH = "/etc/systemd/system/loket.service";
const ENV_PATH = "/etc/loket/loket.env";

type Unit = Record<string, Array<[string, string]>>;
function parseUnit(text: string): Unit {
  const unit: Unit = {};
  let current: string | null = null;
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const head = line.match(/^\[([A-Za-z]+)\]$/);
    if (head) {
      current = head[1]!;
      unit[current] ??= [];
      continue;
    }
    const kv = line.match(/^([A-Za-z]+)=(.*)$/);
    if (!kv || !current) throw new Error(`unit line ${i + 1} is not Key=Value in a section: ${raw}`);
    unit[current]!.push([kv[1]!, kv[2]!]);
  }
  return unit;
}
const get = (unit: Unit, sec: string, key: string) => unit[sec]?.filter(([k]) => k === key).map(([, v]) => v) ?? [];

/** What systemd reads from an EnvironmentFile for the simple lines the guide uses (KEY=value, KEY="value"). */
function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = line.match(/^([A-Z][A-Z0-9_]*)=(.*)$/);
    if (!m) throw new Error(`not KEY=value: ${raw}`);
    env[m[1]!] = m[2]!.replace(/^"(.*)"$/, "$1");
  }
  return env;
}

// every directive the guide's unit may use, by section: a misspelt key (ProtectSytem=) is an error, not ignored
const KNOWN: Record<string, string[]> = {
  Unit: ["Description", "Documentation", "Wants", "Requires", "After", "Before", "StartLimitIntervalSec", "StartLimitBurst"],
  Service: [
    "Type",
    "User",
    "Group",
    "WorkingDirectory",
    "EnvironmentFile",
    "Environment",
    "ExecStart",
    "ExecStartPre",
    "ExecReload",
    "Restart",
    "RestartSec",
    "RestartPreventExitStatus",
    "KillSignal",
    "TimeoutStopSec",
    "TimeoutStartSec",
    "LimitNOFILE",
    "StateDirectory",
    "StateDirectoryMode",
    "UMask",
    "NoNewPrivileges",
    "ProtectSystem",
    "ProtectHome",
    "PrivateTmp",
    "PrivateDevices",
    "ProtectKernelTunables",
    "ProtectKernelModules",
    "ProtectKernelLogs",
    "ProtectControlGroups",
    "ProtectClock",
    "ProtectHostname",
    "ProtectProc",
    "RestrictAddressFamilies",
    "RestrictNamespaces",
    "RestrictRealtime",
    "RestrictSUIDSGID",
    "LockPersonality",
    "SystemCallArchitectures",
    "SystemCallFilter",
    "CapabilityBoundingSet",
    "AmbientCapabilities",
    "ReadWritePaths",
    "MemoryMax",
  ],
  Install: ["WantedBy"],
};

describe("the systemd unit", () => {
  const text = FILES.get(UNIT_PATH);
  it("is in the guide", () => expect(text, `a block starting "# ${UNIT_PATH}"`).toBeTruthy());
  const unit = parseUnit(text ?? "");

  it("has its sections and the keys a service needs, and only directives systemd knows", () => {
    expect(Object.keys(unit).sort()).toEqual(["Install", "Service", "Unit"]);
    for (const [sec, key] of [
      ["Unit", "Description"],
      ["Service", "User"],
      ["Service", "WorkingDirectory"],
      ["Service", "EnvironmentFile"],
      ["Service", "ExecStart"],
      ["Service", "Restart"],
      ["Install", "WantedBy"],
    ] as const) {
      expect(get(unit, sec, key), `${sec}.${key}`).toHaveLength(1);
    }
    for (const [sec, pairs] of Object.entries(unit)) for (const [k] of pairs) expect(KNOWN[sec], `[${sec}] ${k}`).toContain(k);
    expect(get(unit, "Install", "WantedBy")).toEqual(["multi-user.target"]);
  });

  it("runs the build as an unprivileged user, from absolute paths, with the guide's settings file", () => {
    expect(get(unit, "Service", "User")[0]).not.toBe("root");
    expect(get(unit, "Service", "WorkingDirectory")[0]).toMatch(/^\//);
    expect(get(unit, "Service", "EnvironmentFile")).toEqual([ENV_PATH]);
    const [program, ...args] = get(unit, "Service", "ExecStart")[0]!.split(/\s+/);
    expect(program).toMatch(/^\/.*\/node$/);
    // the server `npm run build` writes (issue #13's shared names); its source is server/main.ts
    expect(args.filter((a) => !a.startsWith("-"))).toEqual(["dist/server/main.js"]);
    expect(PACKAGE.scripts.build).toBeTruthy();
    expect(fs.existsSync(path.join(ROOT, "server/main.ts"))).toBe(true);
  });

  it("runs node with the flags and environment `npm start` gives it (the unit had lost the young generation's size)", () => {
    // package.json: `… && NAME=${NAME:-value} exec node <flags> dist/server/main.js`
    const m = /&&\s*((?:[A-Z_]+=\S+\s+)*)exec node\s+(.*?)\s*dist\/server\/main\.js/.exec(PACKAGE.scripts.start);
    expect(m, PACKAGE.scripts.start).toBeTruthy();
    const startEnv = m![1]!
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => a.replace(/=\$\{[A-Z_]+:-(.*)\}$/, "=$1"));
    const startFlags = m![2]!.trim().split(/\s+/);
    expect(startFlags.length).toBeGreaterThan(0);
    const [, ...args] = get(unit, "Service", "ExecStart")[0]!.split(/\s+/);
    expect(args.filter((a) => a.startsWith("-"))).toEqual(startFlags);
    expect(get(unit, "Service", "Environment").sort()).toEqual(startEnv.sort());
  });

  it("restarts on failure but not after a refused setting, and waits for the server's own shutdown", () => {
    expect(get(unit, "Service", "Restart")).toEqual(["on-failure"]);
    expect(get(unit, "Service", "RestartPreventExitStatus")).toEqual([String(EXIT_CONFIG)]);
    expect(get(unit, "Service", "KillSignal")).toEqual(["SIGTERM"]);
    // main.ts forces its exit 10 s after SIGTERM; systemd must not SIGKILL it before
    expect(Number(get(unit, "Service", "TimeoutStopSec")[0])).toBeGreaterThan(10);
  });

  it("is hardened: read-only system, no privileges; writes only its state folder, which is DATA_DIR; keeps AF_UNIX for the PGlite lock", () => {
    const on = (k: string) => get(unit, "Service", k)[0];
    expect(on("NoNewPrivileges")).toBe("yes");
    expect(on("ProtectSystem")).toBe("strict");
    expect(on("ProtectHome")).toBe("yes");
    expect(on("PrivateTmp")).toBe("yes");
    expect(on("CapabilityBoundingSet")).toBe("");
    expect(on("RestrictAddressFamilies")!.split(" ")).toEqual(expect.arrayContaining(["AF_UNIX", "AF_INET", "AF_INET6"]));
    expect(get(unit, "Service", "MemoryDenyWriteExecute")).toEqual([]); // V8's JIT and WebAssembly need it off
    const env = parseEnvFile(FILES.get(ENV_PATH) ?? "");
    expect(env.DATA_DIR).toBe(`/var/lib/${on("StateDirectory")}`);
  });

  const analyze = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  it.skipIf(analyze.status !== 0)("passes systemd-analyze verify without a warning, and its security rating is OK or better", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-unit-"));
    try {
      const file = path.join(dir, "loket.service");
      fs.writeFileSync(file, text!);
      const verify = spawnSync("systemd-analyze", ["verify", file], { encoding: "utf8" });
      expect(verify.status, verify.stderr).toBe(0);
      // unknown keys and unparsable values are only warnings to systemd: none allowed here
      expect(verify.stderr.split("\n").filter((l) => l.includes(file))).toEqual([]);
      const security = spawnSync("systemd-analyze", ["security", "--offline=yes", file], { encoding: "utf8" });
      const exposure = Number(security.stdout.match(/Overall exposure level for loket\.service: ([\d.]+)/)?.[1]);
      expect(exposure, security.stdout.slice(-300)).toBeLessThanOrEqual(4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the settings file", () => {
  const text = FILES.get(ENV_PATH) ?? "";
  const env = parseEnvFile(text);

  it("lists only settings config.ts knows, and starts production without a refusal or a warning", () => {
    expect(Object.keys(env).length).toBeGreaterThan(5);
    expect(Object.keys(env).filter((k) => !(SETTINGS as readonly string[]).includes(k))).toEqual([]);
    expect(env.NODE_ENV).toBe("production");
    const config = loadConfig(env);
    expect(startupCheck(config, env, false)).toEqual({ refuse: [], warnings: [] });
    expect(config.host).toBe("127.0.0.1"); // behind the proxy
  });

  it("reads the same in sh (the guide sources it for the admin commands) as in systemd", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-env-"));
    try {
      fs.writeFileSync(path.join(dir, "loket.env"), text);
      const out = spawnSync("sh", ["-c", "set -a; . ./loket.env; set +a; exec env"], { cwd: dir, encoding: "utf8", env: {} });
      expect(out.status, out.stderr).toBe(0);
      const seen = Object.fromEntries(
        out.stdout
          .split("\n")
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])
          .filter(([k]) => k! in env),
      );
      expect(seen).toEqual(env);
      expect(text).not.toMatch(/[$\\`']/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Variables the code reads that are not an operator's settings, each with the reason. */
const NOT_SETTINGS: Record<string, string> = {
  LOKET_MIGRATE_TARGET: "passed by the server to its own migration child process (server/db)",
};

describe("the settings table", () => {
  const table = section("### Environment variables");
  const names = new Set<string>();
  for (const row of table.split("\n").filter((l) => l.startsWith("| `"))) {
    for (const m of row.split("|")[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(m[1]!);
  }

  it("lists exactly config.ts's SETTINGS", () => {
    expect(
      [...names].filter((n) => !(SETTINGS as readonly string[]).includes(n)),
      "in the README, not in SETTINGS",
    ).toEqual([]);
    expect(
      SETTINGS.filter((n) => !names.has(n)),
      "in SETTINGS, not in the README",
    ).toEqual([]);
    expect(new Set(SETTINGS).size).toBe(SETTINGS.length);
  });

  it("SETTINGS holds every setting the code reads (config.ts, server/, the db command)", () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== "generated") walk(p);
        } else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) sources.push(p);
      }
    };
    walk(path.join(ROOT, "server"));
    sources.push(path.join(ROOT, "prisma/db.ts"));
    const read = new Map<string, string>();
    for (const file of sources) {
      const text = fs.readFileSync(file, "utf8");
      // config.ts reads `env.X` of its parameter; elsewhere `process.env.X`
      const re =
        path.basename(file) === "config.ts"
          ? /\benv(?:\.([A-Z][A-Z0-9_]*)|\["([A-Z][A-Z0-9_]*)"\])/g
          : /process\.env(?:\.([A-Z][A-Z0-9_]*)|\["([A-Z][A-Z0-9_]*)"\])/g;
      for (const m of text.matchAll(re)) read.set(m[1] ?? m[2]!, path.relative(ROOT, file));
    }
    expect(read.size).toBeGreaterThan(20);
    const missing = [...read].filter(([n]) => !(SETTINGS as readonly string[]).includes(n) && !(n in NOT_SETTINGS)).map(([n, f]) => `${n} (${f})`);
    expect(missing, "read by the code, not in SETTINGS (add it there and to the README table)").toEqual([]);
  });
});

describe("the commands the README names", () => {
  const commands = [...README.matchAll(/npm (?:run(?: --silent)? ([a-z][a-z:-]*)(?: -- ([a-z][a-z0-9-]*))?|(start|test)\b)/g)].map((m) => ({
    script: m[1] ?? m[3]!,
    sub: m[2],
  }));
  const usage = (script: string, args: string[]) => {
    const run = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NODE_ENV: "development" },
    });
    return `${run.stdout}\n${run.stderr}`;
  };

  it("every `npm run <script>` (and `npm start`, `npm test`) is a package.json script", () => {
    const scripts = new Set(commands.map((c) => c.script));
    expect(scripts).toContain("admin");
    expect(scripts).toContain("build");
    expect([...scripts].filter((s) => !PACKAGE.scripts[s])).toEqual([]);
  });

  const named = (script: string) => [...new Set(commands.filter((c) => c.script === script && c.sub).map((c) => c.sub!))];
  it("names the backup, restore and office commands, and the database's", () => {
    expect(named("admin")).toEqual(expect.arrayContaining(["backup", "restore", "export-instansi", "import-instansi", "create-superadmin"]));
    expect(named("db")).toEqual(expect.arrayContaining(["deploy", "status", "migrate"]));
  });

  // each command's own usage, as the operator would read it (`npm run admin` with no command, `npm run db -- help`)
  const usages = new Map<string, string>();
  const listed = (script: string, cmd: string) => {
    if (!usages.has(script)) usages.set(script, usage(script, script === "db" ? ["help"] : []));
    return new RegExp(`^\\s+${cmd}(\\s|$)`, "m").test(usages.get(script)!);
  };
  it.each([...named("admin").map((c) => ["admin", c]), ...named("db").map((c) => ["db", c])])(
    "npm run %s -- %s is in its usage",
    { timeout: 120_000 },
    (script, cmd) => {
      expect(listed(script!, cmd!), usages.get(script!)).toBe(true);
    },
  );
});

describe("the proxy example (its behaviour is not tested here)", () => {
  it("lets the largest upload Loket accepts through", () => {
    const nginx = FILES.get("/etc/nginx/sites-available/loket") ?? "";
    const size = nginx.match(/client_max_body_size (\d+)m;/);
    expect(size).toBeTruthy();
    expect(Number(size![1]) * 1024 * 1024).toBeGreaterThanOrEqual(MAX_UPLOAD_BODY_BYTES);
    // overwritten, never appended: Loket takes the first address of the header (TRUST_PROXY)
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).not.toMatch(/proxy_add_x_forwarded_for/);
  });
});
