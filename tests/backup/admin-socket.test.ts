// The admin socket in-process: a command that writes no output, answered again and again (a client that
// disconnects after its answer used to raise an unobserved stream error that ended the server process).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_SOCKET, AdminCommandError, callAdmin, startAdminSocket } from "../../server/admin-socket";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-admin-socket-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("admin socket", () => {
  it("answers results and refusals one after another; the socket file is 0600", async () => {
    const socket = await startAdminSocket(
      dir,
      {
        cek: async (args) => {
          if (args.tolak) throw new AdminCommandError("ditolak");
          await new Promise((r) => setTimeout(r, 20));
          return { ok: args.n };
        },
      },
      { error: () => {} },
    );
    try {
      const at = path.join(dir, ADMIN_SOCKET);
      expect(fs.statSync(at).mode & 0o777).toBe(0o600);
      for (let n = 0; n < 4; n++) {
        expect(await callAdmin(at, { command: "cek", args: { n } })).toEqual({ ok: n });
        await expect(callAdmin(at, { command: "cek", args: { tolak: true } })).rejects.toThrow(AdminCommandError);
      }
      await expect(callAdmin(at, { command: "tidak-ada" })).rejects.toThrow(/Unknown admin command/);
    } finally {
      await socket?.close();
    }
  });
});
