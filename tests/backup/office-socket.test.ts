// export-instansi / import-instansi on the embedded database while real servers run: the CLI asks each server over
// DATA_DIR/admin.sock (the server holds its data folder). Export streams the archive back to the CLI; import
// hands the server the archive's absolute path.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_SOCKET, AdminCommandError, callAdmin } from "../../server/admin-socket";
import { NODE, ServerProcesses, TS, processEnv } from "../helpers/process";

const PASS = "kata-sandi-arsip-soket-2026";
const procs = new ServerProcesses("loket-office-socket-");
afterAll(() => procs.cleanup());

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS, "server/cli/admin.ts", ...args], {
      env: processEnv({ LOG_LEVEL: "error", LOKET_ARCHIVE_PASSPHRASE: PASS, ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    procs.children.push(child);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

async function gql<T>(port: number, query: string, cookie = ""): Promise<{ data: T; cookie: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-loket-csrf": "1", cookie },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T };
  return {
    data: body.data,
    cookie:
      res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ") || cookie,
  };
}

describe("office commands through the running server's admin socket", { timeout: 240_000 }, () => {
  it("exports an office from one running server and imports it into another, without stopping either", async () => {
    const source = { DATA_DIR: procs.tmpDir(), LOKET_SECRET: "rahasia-sumber-0123456789abcdef-0123" };
    const target = { DATA_DIR: procs.tmpDir(), LOKET_SECRET: "rahasia-tujuan-0123456789abcdef-0123" };
    const sourceServer = procs.start(source); // seeds the demo office KMG-MADIUN with its staff
    const targetServer = procs.start({ ...target, SEED_DEMO: "false" });
    const [sourcePort, targetPort] = await Promise.all([sourceServer.ready, targetServer.ready]);
    const work = procs.tmpDir();
    const archive = path.join(work, "kmg-madiun.loket");

    const exported = await cli(["export-instansi", "KMG-MADIUN", archive], source);
    expect(exported.out).toMatch(/Exported KMG-MADIUN .* to /);
    expect(exported.code).toBe(0);
    expect(fs.existsSync(archive)).toBe(true);
    expect(fs.existsSync(`${archive}.partial`)).toBe(false);
    expect((fs.statSync(archive).mode & 0o777).toString(8)).toBe("600");
    expect(fs.readdirSync(path.join(source.DATA_DIR, "tmp")).filter((f) => f.startsWith("export-"))).toEqual([]); // its temporary copy is gone
    expect((await gql<{ __typename: string }>(sourcePort, "{ __typename }")).data.__typename).toBe("Query");

    // refusals come back as messages: a wrong passphrase, a relative path
    const targetSocket = path.join(target.DATA_DIR, ADMIN_SOCKET);
    await expect(callAdmin(targetSocket, { command: "import-instansi", args: { file: archive, passphrase: "bukan-kata-sandinya" } })).rejects.toThrow(
      AdminCommandError,
    );
    await expect(callAdmin(targetSocket, { command: "import-instansi", args: { file: "kmg.loket", passphrase: PASS } })).rejects.toThrow(/must be absolute/);

    const imported = await cli(["import-instansi", path.relative(process.cwd(), archive)], target);
    expect(imported.out).toMatch(/Imported KMG-MADIUN/);
    expect(imported.out).toMatch(/accounts: [1-9]\d* created/);
    expect(imported.code).toBe(0);

    // the running target serves the office at once: its officer logs in with the password from the source
    const { data, cookie } = await gql<{ login: { __typename: string } }>(
      targetPort,
      `mutation { login(nomorIdentitas: "199002152015032002", password: "Petugas-Loket-2026") { __typename } }`,
    );
    expect(data.login.__typename).toBe("LoginSuccess");
    const queue = await gql<{ antrian: { totalCount: number } }>(targetPort, "{ antrian(first: 1) { totalCount } }", cookie);
    expect(queue.data.antrian.totalCount).toBe(0);

    // the same archive again: refused by the running server with the reason (asked in-process: a CLI start costs
    // seconds under load, and the CLI prints an AdminCommandError's message as it prints the refusals above)
    await expect(callAdmin(targetSocket, { command: "import-instansi", args: { file: archive, passphrase: PASS } })).rejects.toThrow(
      /kode "KMG-MADIUN" already exists/,
    );

    for (const s of [sourceServer, targetServer]) s.child.kill("SIGTERM");
    expect(await Promise.all([sourceServer.exited, targetServer.exited])).toEqual([0, 0]);
  });
});
