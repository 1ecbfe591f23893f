/**
 * `npm run admin -- export-instansi <kode> <file>` and `npm run admin -- import-instansi <file>` (see office.ts).
 *
 * With the embedded database a running server holds the data folder, so both are asked of it over
 * DATA_DIR/admin.sock (server/admin-socket.ts), as `backup` is:
 *   - export: the server writes the archive to a temporary file in DATA_DIR/tmp, streams it back over the socket
 *     and removes it; the CLI writes `<file>.partial` and renames it when complete (owned by the CLI's user);
 *   - import: the CLI sends the archive's absolute path and the server reads it there: the file must be readable
 *     by the account that runs the server (a folder it can read, e.g. DATA_DIR/tmp; the message says so if not).
 * The passphrase travels over the socket (mode 0600, the server's account only), never on a command line.
 * When no server runs on the folder the CLI opens it itself; with DATABASE_URL it always does.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { KeyMismatchError, verifyKeyCheck } from "../db/key-check";
import { DataDirLockedError } from "../db/lock";
import { deriveKeys, loadMasterSecret } from "../lib/crypto";
import { createFileStorage } from "../modules/files/storage";
import { askHidden } from "../cli/prompt";
import { ArchiveError, MIN_PASSPHRASE } from "./office-archive";
import { ADMIN_SOCKET, type AdminHandler, AdminCommandError, AdminSocketUnavailable, callAdmin } from "../admin-socket";
import type { Config } from "../config";
import type { PrismaClient } from "../generated/prisma/client";
import type { Keys } from "../lib/crypto";
import type { FileStorage } from "../modules/files/store";
import { exportInstansi, importInstansi, type ImportSummary, type Manifest } from "./office";

export const OFFICE_USAGE = `  export-instansi <kode> <file>
      Writes one instansi (catalogue, cases with histories and documents, complaints, PPID registers, SKM answers,
      its staff and the citizens its cases name, and the stored files) to one encrypted archive.
  import-instansi <file>
      Imports such an archive into this install, in one transaction; refused when the kode already exists.
      The archive holds personal data: it is encrypted with a passphrase (at least ${MIN_PASSPHRASE} characters) read
      from LOKET_ARCHIVE_PASSPHRASE, or asked for on the terminal (--passphrase works but shows in the process list).
`;

const PASSPHRASE_ENV = "LOKET_ARCHIVE_PASSPHRASE";

async function passphrase(given: string | undefined, confirm: boolean): Promise<string> {
  const fromEnv = given ?? process.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  const noTerminal = () => new ArchiveError(`No terminal to ask for the archive passphrase: set ${PASSPHRASE_ENV}.`);
  const first = await askHidden("Archive passphrase: ", noTerminal);
  if (confirm && (await askHidden("The same passphrase again: ", noTerminal)) !== first) throw new ArchiveError("The passphrases differ.");
  return first;
}

function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} files`, stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

type OfficeCommand = "export-instansi" | "import-instansi";

/** Refusals the operator acts on: the message as is, no stack trace. */
const expected = (err: unknown) => err instanceof ArchiveError || err instanceof KeyMismatchError || err instanceof AdminCommandError;

/** The server's side (embedded database): `export-instansi` streams the archive back, `import-instansi` reads a path. */
export function officeAdminHandlers(deps: { prisma: PrismaClient; keys: Keys; storage: FileStorage; dataDir: string }): Record<OfficeCommand, AdminHandler> {
  const tmpDir = path.join(deps.dataDir, "tmp");
  const asAdminError = (err: unknown) => {
    throw expected(err) ? new AdminCommandError((err as Error).message) : err;
  };
  const text = (v: unknown, what: string) => {
    if (typeof v !== "string" || !v) throw new AdminCommandError(`Missing ${what}`);
    return v;
  };
  return {
    "export-instansi": async (args, reply) => {
      const kode = text(args.kode, "kode");
      const passphrase = text(args.passphrase, "passphrase");
      await fs.promises.mkdir(tmpDir, { recursive: true });
      const file = path.join(tmpDir, `export-${process.pid}-${Date.now()}.loket`);
      try {
        const manifest = await exportInstansi(deps, { kode, file, passphrase, progress: (done, total) => reply.progress({ done, total }) }).catch(asAdminError);
        // every byte is handed to the socket before the result frame is sent
        await pipeline(fs.createReadStream(file), reply.output);
        return manifest;
      } finally {
        await fs.promises.rm(file, { force: true });
        await fs.promises.rm(`${file}.part`, { force: true });
      }
    },
    "import-instansi": async (args, reply) => {
      const file = text(args.file, "file");
      const passphrase = text(args.passphrase, "passphrase");
      if (!path.isAbsolute(file)) throw new AdminCommandError("The archive's path must be absolute.");
      try {
        await fs.promises.access(file, fs.constants.R_OK);
      } catch (err) {
        throw new AdminCommandError(
          `The server cannot read ${file} (${(err as NodeJS.ErrnoException).code}): the import is done by the running server, so the ` +
            `archive must be readable by the account it runs as. Copy it into ${tmpDir} (or make it readable) and run the command again.`,
        );
      }
      return importInstansi(deps, { file, passphrase, tmpDir, progress: (done, total) => reply.progress({ done, total }) }).catch(asAdminError);
    },
  };
}

function printExport(m: Manifest, file: string) {
  process.stdout.write(
    `Exported ${m.instansi.kode} (${m.instansi.nama}) to ${file}\n` +
      `  rows: ${Object.entries(m.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}\n` +
      `  people: ${m.people.staff} staff, ${m.people.citizensAndOthers} citizens/others, ${m.people.historyOnly} named only in histories\n` +
      `  files: ${m.files.length}\n` +
      `To re-create on the new install (secrets are not exported):\n` +
      m.toRecreate.apiClients.map((c) => `  API client "${c.nama}" (${c.scopes.join(", ")}): imported revoked; issue a new token\n`).join("") +
      m.toRecreate.webhooks.map((w) => `  webhook ${w.url} (${w.events.join(", ")})\n`).join("") +
      `Keep the archive and its passphrase apart: the archive holds identity numbers in clear once decrypted.\n`,
  );
}

function printImport(s: ImportSummary) {
  process.stdout.write(
    `Imported ${s.instansi.kode} (${s.instansi.nama})\n` +
      `  rows: ${Object.entries(s.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}\n` +
      `  accounts: ${s.users.created} created, ${s.users.matchedByIdentity} linked by NIK/NIP, ${s.users.matchedByEmail} linked by email\n` +
      `  files: ${s.files}\n` +
      s.warnings.map((w) => `  ! ${w}\n`).join(""),
  );
}

/** Asks the running server (embedded database); null when none listens on the folder. */
async function viaServer(config: Config, command: OfficeCommand, positionals: string[], pass: string, bar: ReturnType<typeof progressBar>): Promise<boolean> {
  const socketPath = path.join(config.dataDir, ADMIN_SOCKET);
  const onProgress = (p: unknown) => {
    const { done, total } = p as { done: number; total: number };
    bar.update(done, total);
  };
  if (command === "import-instansi") {
    try {
      const s = (await callAdmin(socketPath, { command, args: { file: path.resolve(positionals[0]!), passphrase: pass }, onProgress })) as ImportSummary;
      bar.stop();
      printImport(s);
      return true;
    } catch (err) {
      if (err instanceof AdminSocketUnavailable) return false;
      throw err;
    }
  }
  const [kode, file] = positionals as [string, string];
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  if (fs.existsSync(target)) throw new ArchiveError(`${target} exists already; choose another file name.`);
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  try {
    const m = (await callAdmin(socketPath, { command, args: { kode, passphrase: pass }, output: out, onProgress })) as Manifest;
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    fs.renameSync(partial, target);
    bar.stop();
    printExport(m, file);
    return true;
  } catch (err) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    if (err instanceof AdminSocketUnavailable) return false;
    throw err;
  }
}

export async function runOfficeCommand(command: OfficeCommand, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { passphrase: { type: "string" } } });
  const wanted = command === "export-instansi" ? 2 : 1;
  if (positionals.length !== wanted) {
    process.stderr.write(`Usage:\n${OFFICE_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  const bar = progressBar(command === "export-instansi" ? "Exporting" : "Storing");
  try {
    const pass = await passphrase(values.passphrase, command === "export-instansi");
    if (!config.databaseUrl && (await viaServer(config, command, positionals, pass, bar))) return 0;
    const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: (m) => process.stderr.write(`${m}\n`) });
    await verifyKeyCheck(db.prisma, keys);
    const deps = { prisma: db.prisma, keys, storage: createFileStorage(config) };
    if (command === "export-instansi") {
      const [kode, file] = positionals as [string, string];
      const m = await exportInstansi(deps, { kode, file: path.resolve(file), passphrase: pass, progress: bar.update });
      bar.stop();
      printExport(m, file);
    } else {
      const [file] = positionals as [string];
      const s = await importInstansi(deps, { file: path.resolve(file), passphrase: pass, tmpDir: path.join(config.dataDir, "tmp"), progress: bar.update });
      bar.stop();
      printImport(s);
    }
    return 0;
  } catch (err) {
    bar.stop();
    if (err instanceof DataDirLockedError) {
      // a server holds the folder but did not answer on its admin socket (an older server, or the socket failed)
      process.stderr.write(
        `${err.message}\nThe running server did not answer on ${path.join(config.dataDir, ADMIN_SOCKET)}: restart it (or stop it), then run ${command} again.\n`,
      );
      return 1;
    }
    if (expected(err)) {
      process.stderr.write(`${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db?.close();
  }
}
