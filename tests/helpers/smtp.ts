import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

/** A real SMTP server in this process (smtp-server), collecting what it receives. */

export interface Received {
  messageId: string;
  subject: string;
  to: string[];
  body: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  messages: Received[];
  /** number of DATA commands that began (a slow server is still inside one) */
  receiving: number;
  close(): Promise<void>;
}

export async function startSmtp(servers: TestSmtp[], opts: { port?: number; rejectRecipients?: boolean; dataDelayMs?: number } = {}): Promise<TestSmtp> {
  const state = { messages: [] as Received[], receiving: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    // nodemailer would upgrade to TLS and refuse the server's self-signed certificate
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!opts.rejectRecipients) return callback();
      callback(Object.assign(new Error("5.1.1 Mailbox tidak dikenal"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      state.receiving++;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = parseHeaders(raw);
        const finish = () => {
          state.messages.push({
            messageId: headers.get("message-id") ?? "",
            subject: decodeWords(headers.get("subject") ?? ""),
            to: session.envelope.rcptTo.map((a: SMTPServerAddress) => a.address),
            body: raw.slice(raw.indexOf("\r\n\r\n") + 4),
          });
          callback();
        };
        if (opts.dataDelayMs) setTimeout(finish, opts.dataDelayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const smtp: TestSmtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    get messages() {
      return state.messages;
    },
    get receiving() {
      return state.receiving;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(smtp);
  return smtp;
}

function parseHeaders(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const map = new Map<string, string>();
  for (const l of head.split("\r\n")) {
    const i = l.indexOf(":");
    if (i > 0) map.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
  }
  return map;
}

function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, _cs, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}
