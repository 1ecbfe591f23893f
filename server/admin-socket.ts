/**
 * Admin commands served by a running server on a Unix socket in its data folder.
 *
 * With the embedded database the serving process holds the data folder (server/db/lock.ts): a CLI cannot open it.
 * Commands that must run while the server runs (a backup) are therefore asked of the server itself through
 * `DATA_DIR/admin.sock`. The socket file has mode 0600 (it is created under a temporary name, restricted, then
 * renamed into place, so it is never reachable with looser permissions): only the account that runs the server
 * (or root) can connect, the same accounts that can read the data folder anyway.
 *
 * Protocol: the client sends one JSON line `{"command": "...", "args": {...}}`; the server answers with frames of
 * one type byte, a 4-byte big-endian length and the payload: `D` bytes of the command's output, `P` a progress
 * JSON, `R` the result JSON (last frame), `E` an error JSON `{ "message" }` (last frame).
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";

export const ADMIN_SOCKET = "admin.sock";

export interface AdminReply {
  /** the command's output bytes (with backpressure) */
  output: Writable;
  progress(value: unknown): void;
}

/** Resolves with the result sent as `R`; a thrown AdminCommandError's message is sent to the client as is. */
export type AdminHandler = (args: Record<string, unknown>, reply: AdminReply) => Promise<unknown>;

export class AdminCommandError extends Error {}

function frame(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v ?? null), "utf8");

export interface AdminSocket {
  path: string;
  close(): Promise<void>;
}

/** Listens on DATA_DIR/admin.sock; null where no socket can be used (Windows, a path too long for a socket address). */
export async function startAdminSocket(
  dataDir: string,
  handlers: Record<string, AdminHandler>,
  log: { error(message: string, err?: unknown): void },
): Promise<AdminSocket | null> {
  if (process.platform === "win32") return null;
  const finalPath = path.join(dataDir, ADMIN_SOCKET);
  const tempPath = path.join(dataDir, `.admin-${randomBytes(6).toString("hex")}.sock`);
  if (Buffer.byteLength(finalPath) > 100) return null;
  let busy = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    let buffered = "";
    const onData = (d: Buffer) => {
      buffered += d.toString("utf8");
      const nl = buffered.indexOf("\n");
      if (nl < 0) {
        if (buffered.length > 64 * 1024) socket.destroy();
        return;
      }
      socket.off("data", onData);
      socket.pause();
      void serve(socket, buffered.slice(0, nl));
    };
    socket.on("data", onData);
    socket.on("error", () => {});
  });

  async function serve(socket: net.Socket, line: string) {
    const end = (type: "R" | "E", value: unknown) => {
      if (!socket.destroyed) socket.end(frame(type, json(value)));
    };
    let request: { command?: unknown; args?: unknown };
    try {
      request = JSON.parse(line) as typeof request;
    } catch {
      return end("E", { message: "Malformed admin request" });
    }
    const handler = typeof request.command === "string" && Object.hasOwn(handlers, request.command) ? handlers[request.command] : undefined;
    if (!handler) return end("E", { message: `Unknown admin command ${JSON.stringify(request.command)}` });
    if (busy) return end("E", { message: "Another admin command is running on this server; try again when it has finished." });
    busy = true;
    const output = new Writable({
      write(chunk: Buffer, _enc, cb) {
        if (socket.destroyed) return cb(new Error("The admin client disconnected"));
        socket.write(frame("D", chunk), (err) => cb(err ?? null));
      },
    });
    // a handler that writes no output (an import) has no listener of its own: without this one, the client
    // disconnecting after the result ("error" on an unobserved stream) would crash the server
    output.on("error", () => {});
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.once("close", () => output.destroy(new Error("The admin client disconnected")));
    try {
      const args = request.args && typeof request.args === "object" ? (request.args as Record<string, unknown>) : {};
      const result = await handler(args, { output, progress: (v) => !socket.destroyed && socket.write(frame("P", json(v))) });
      end("R", result);
    } catch (err) {
      if (!(err instanceof AdminCommandError)) log.error(`Admin command ${request.command as string} failed`, err);
      end("E", { message: err instanceof Error ? err.message : "Admin command failed" });
    } finally {
      busy = false;
    }
    await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(tempPath, () => resolve());
  });
  fs.chmodSync(tempPath, 0o600);
  fs.renameSync(tempPath, finalPath); // replaces a socket left by a crashed server (we hold the data folder's lock)
  server.unref();
  return {
    path: finalPath,
    // a command still running (a backup) is cut off: its client reports the failure and removes its partial file
    close: async () => {
      fs.rmSync(finalPath, { force: true });
      server.close();
      for (const socket of open) socket.destroy();
    },
  };
}

export interface AdminCall {
  command: string;
  args?: Record<string, unknown>;
  /** receives the `D` frames; backpressure pauses the socket */
  output?: Writable;
  onProgress?: (value: unknown) => void;
}

/** Nobody listens at the socket: no server runs on this data folder (or it predates the admin socket). */
export class AdminSocketUnavailable extends Error {}

export function callAdmin(socketPath: string, call: AdminCall): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let connected = false;
    let pending: Buffer = Buffer.alloc(0);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    socket.once("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify({ command: call.command, args: call.args ?? {} })}\n`);
    });
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (!connected && (err.code === "ENOENT" || err.code === "ECONNREFUSED")) settle(() => reject(new AdminSocketUnavailable(err.message)));
      else settle(() => reject(err));
    });
    socket.on("close", () => settle(() => reject(new Error("The server closed the admin connection before the command finished"))));
    socket.on("data", (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 5) {
        const len = pending.readUInt32BE(1);
        if (pending.length < 5 + len) break;
        const type = String.fromCharCode(pending[0]);
        const payload = pending.subarray(5, 5 + len);
        pending = pending.subarray(5 + len);
        if (type === "D") {
          if (call.output && !call.output.write(payload)) {
            socket.pause();
            call.output.once("drain", () => socket.resume());
          }
        } else if (type === "P") call.onProgress?.(JSON.parse(payload.toString("utf8")));
        else if (type === "R") {
          const result = JSON.parse(payload.toString("utf8")) as unknown;
          settle(() => resolve(result));
          socket.destroy();
          return;
        } else if (type === "E") {
          const { message } = JSON.parse(payload.toString("utf8")) as { message: string };
          settle(() => reject(new AdminCommandError(message)));
          socket.destroy();
          return;
        }
      }
    });
  });
}
