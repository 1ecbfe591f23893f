// `npm run admin -- export-instansi <kode> <file>` and `npm run admin -- import-instansi <file>` (see office.ts).
import path from "node:path";
import readline from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { KeyMismatchError, verifyKeyCheck } from "../db/key-check";
import { DataDirLockedError } from "../db/lock";
import { deriveKeys, loadMasterSecret } from "../lib/crypto";
import { createFileStorage } from "../modules/files/storage";
import { ArchiveError, MIN_PASSPHRASE } from "./office-archive";
import { exportInstansi, importInstansi } from "./office";

export const OFFICE_USAGE = `  export-instansi <kode> <file>
      Writes one instansi (catalogue, cases with histories and documents, complaints, PPID registers, SKM answers,
      its staff and the citizens its cases name, and the stored files) to one encrypted archive.
  import-instansi <file>
      Imports such an archive into this install, in one transaction; refused when the kode already exists.
      The archive holds personal data: it is encrypted with a passphrase (at least ${MIN_PASSPHRASE} characters) read
      from LOKET_ARCHIVE_PASSPHRASE, or asked for on the terminal (--passphrase works but shows in the process list).
`;

const PASSPHRASE_ENV = "LOKET_ARCHIVE_PASSPHRASE";

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new ArchiveError(`No terminal to ask for the archive passphrase: set ${PASSPHRASE_ENV}.`);
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function passphrase(given: string | undefined, confirm: boolean): Promise<string> {
  const fromEnv = given ?? process.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  const first = await askHidden("Archive passphrase: ");
  if (confirm && (await askHidden("The same passphrase again: ")) !== first) throw new ArchiveError("The passphrases differ.");
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

export async function runOfficeCommand(command: "export-instansi" | "import-instansi", args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { passphrase: { type: "string" } } });
  const wanted = command === "export-instansi" ? 2 : 1;
  if (positionals.length !== wanted) {
    process.stderr.write(`Usage:\n${OFFICE_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const pass = await passphrase(values.passphrase, command === "export-instansi");
    const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: (m) => process.stderr.write(`${m}\n`) });
    await verifyKeyCheck(db.prisma, keys);
    const deps = { prisma: db.prisma, keys, storage: createFileStorage(config) };
    const bar = progressBar(command === "export-instansi" ? "Exporting" : "Storing");
    try {
      if (command === "export-instansi") {
        const [kode, file] = positionals as [string, string];
        const m = await exportInstansi(deps, { kode, file: path.resolve(file), passphrase: pass, progress: bar.update });
        bar.stop();
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
      } else {
        const [file] = positionals as [string];
        const s = await importInstansi(deps, { file: path.resolve(file), passphrase: pass, tmpDir: path.join(config.dataDir, "tmp"), progress: bar.update });
        bar.stop();
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
    } finally {
      bar.stop();
    }
    return 0;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(
        `${err.message}\nThe embedded database allows one process: stop the server (e.g. systemctl stop loket), run ${command} again, then start it.\n`,
      );
      return 1;
    }
    if (err instanceof ArchiveError || err instanceof KeyMismatchError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db?.close();
  }
}
