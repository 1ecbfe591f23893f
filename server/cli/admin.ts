// Administration from the command line: `npm run admin -- <command> [--flag value …]`.
// With the embedded database, stop the server first (the data folder is locked while it runs); `backup` is the
// exception: it asks the running server through DATA_DIR/admin.sock (server/admin-socket.ts).
import { parseArgs } from "node:util";
import { askHidden } from "./prompt";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { deriveKeys, loadMasterSecret } from "../lib/crypto";
import { createStaffAccount } from "../modules/account/service";
import { DomainError } from "../lib/errors";
import { ensureReferenceData } from "../seed";
import { KeyMismatchError, verifyKeyCheck } from "../db/key-check";
import { StorageUnavailableError } from "../modules/files/store";
import { filesToS3 } from "./files-to-s3";
import { DataDirLockedError } from "../db/lock";
import { BackupError } from "../backup/backup";
import { backupCommand, restoreCommand } from "../backup/commands";
import { OFFICE_USAGE, runOfficeCommand } from "../backup/office-cli";

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-superadmin   Create the first (or another) SUPERADMIN account.
      --nik <16 digits> | --nip <18 digits>
      --nama "<full name>"  --email <email>  --telepon <phone>
      The password is read from LOKET_ADMIN_PASSWORD, or asked for on the terminal.
  files-to-s3         Copy every stored file from DATA_DIR/files into the S3 bucket of S3_BUCKET / S3_ENDPOINT /
                      S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (S3_PREFIX). Skips files already there with the same
                      size, checks each file's SHA-256, can be run again. Stop the server first on PGlite.
      --delete-local  remove each local file once it is in the bucket

  backup <file>       Write the whole install (database, stored files, key check value) to one .tar.gz,
                      while the server runs. Never overwrites a file.
  restore <file>      Restore a backup into an empty DATA_DIR (or empty DATABASE_URL database) with the
                      same LOKET_SECRET (or the old install's secret.key copied into DATA_DIR).

${OFFICE_USAGE}
Examples:
  LOKET_ADMIN_PASSWORD='…' npm run admin -- create-superadmin --nip 198001012005011001 \\
      --nama "Andi Pengelola" --email andi@kemenag.go.id --telepon 081234567890
`;

async function filesToS3Command(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { "delete-local": { type: "boolean" } } });
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const summary = await filesToS3(config, db, { deleteLocal: values["delete-local"] ?? false });
    return summary.missing.length + summary.corrupt.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof StorageUnavailableError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

/** backup / restore: an operator's mistake (wrong key, non-empty target, damaged file) is one line, no stack trace. */
async function backupOrRestore(command: "backup" | "restore", rest: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    process.stderr.write(`${command} needs one file name.\n\n${usage}`);
    return 2;
  }
  try {
    const config = loadConfig();
    if (command === "backup") await backupCommand(config, positionals[0]);
    else await restoreCommand(config, positionals[0]);
    return 0;
  } catch (err) {
    if (err instanceof BackupError || err instanceof DataDirLockedError || err instanceof KeyMismatchError) {
      process.stderr.write(`${command} failed: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "files-to-s3") return filesToS3Command(rest);
  if (command === "backup" || command === "restore") return backupOrRestore(command, rest);
  if (command === "export-instansi" || command === "import-instansi") return runOfficeCommand(command, rest);
  if (command !== "create-superadmin") {
    process.stdout.write(usage);
    return command ? 2 : 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      nik: { type: "string" },
      nip: { type: "string" },
      nama: { type: "string" },
      email: { type: "string" },
      telepon: { type: "string" },
    },
  });
  const identityType = values.nip ? "NIP" : "NIK";
  const nomorIdentitas = values.nip ?? values.nik;
  if (!nomorIdentitas || !values.nama || !values.email || !values.telepon) {
    process.stderr.write(`Missing options.\n\n${usage}`);
    return 2;
  }
  const password =
    process.env.LOKET_ADMIN_PASSWORD ||
    (await askHidden("Password for the new SUPERADMIN: ", () => new Error("No terminal to ask for the password: set LOKET_ADMIN_PASSWORD.")));
  const config = loadConfig();
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await verifyKeyCheck(db.prisma, keys); // an account written under another key could never log in
    await ensureReferenceData(db.prisma);
    const user = await createStaffAccount(db.prisma, keys, config, null, {
      identityType,
      nomorIdentitas,
      namaLengkap: values.nama,
      email: values.email,
      telepon: values.telepon,
      password,
      role: "SUPERADMIN",
      instansiId: null,
    });
    process.stdout.write(`Created SUPERADMIN ${user.namaLengkap} (${user.identityMasked}). Log in with the ${identityType} and the password.\n`);
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      for (const p of err.problems) process.stderr.write(`${p.code}: ${p.message}\n`);
      return 1;
    }
    if (err instanceof KeyMismatchError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
