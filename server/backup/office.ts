/**
 * Moving one office (instansi) out of an install and into another: `export-instansi` / `import-instansi`.
 *
 * What goes: the tables of server/backup/office-tables.ts (catalogue, cases with histories, documents and
 * results, complaints, PPID registers, SKM answers, numbering counters), the files those rows reference, and
 * the people they name. Ids are kept (simplest for a fresh install; collisions are detected before anything is
 * written). The archive is encrypted with the operator's passphrase (office-archive.ts) because identity
 * numbers travel in clear: the two installs have different LOKET_SECRETs.
 *
 * People:
 * - exported: the office's staff (User.instansiId) and every account an exported row names (citizens who filed,
 *   actors in histories, respondents). Identity numbers are decrypted; password hashes (argon2, not tied to
 *   LOKET_SECRET) travel so people keep their passwords.
 * - an account that is staff of ANOTHER office (or SUPERADMIN) only appears as an actor: its role elsewhere is not
 *   exported; if the target has no such person it is created as a suspended account without a password, kept
 *   only so the histories name who acted.
 * - on import, an account is matched by identity (the blind index of its NIK/NIP under the target's key), else by
 *   its email when exactly one account has it; a matched account is linked, not duplicated, and not changed
 *   (a staff member matched to an existing account keeps that account's role: the summary says so).
 *   Unmatched accounts are created, identity encrypted under the target's key.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import readline from "node:readline";
import os from "node:os";
import path from "node:path";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { IdentityType, Role } from "../generated/prisma/enums";
import { decrypt, encrypt, type Keys } from "../lib/crypto";
import { keyCheckValue } from "../db/key-check";
import { identityIndex, protectIdentity, revealIdentity } from "../modules/identity/protect";
import { storageKeyOf, withStoredFiles, type FileStorage } from "../modules/files/store";
import { ArchiveError, checkPassphrase, extractOfficeArchive, writeOfficeArchive } from "./office-archive";
import { EXPORTED, NOT_EXPORTED, PEOPLE } from "./office-tables";

export const ARCHIVE_FORMAT = "loket-instansi";
export const ARCHIVE_VERSION = 1;

/** An expected refusal (unknown kode, existing kode, id collision, bad archive): shown to the operator as is. */
export class OfficeMoveError extends ArchiveError {}

export interface OfficeDeps {
  prisma: PrismaClient;
  keys: Keys;
  storage: FileStorage;
}

type Row = Record<string, unknown>;

export interface Person {
  id: string;
  role: Role;
  /** staff of the exported office (keeps its role there) */
  staff: boolean;
  /** staff of another office or SUPERADMIN, named only in histories: created suspended, without password */
  historyOnly: boolean;
  identityType: IdentityType;
  /** in clear: the archive is encrypted */
  identity: string;
  namaLengkap: string;
  email: string;
  telepon: string;
  passwordHash: string | null;
  passwordChangedAt: string;
  status: string;
  statusReason: string | null;
  emailVerifiedAt: string | null;
  consentTermsVersion: string;
  consentPrivacyVersion: string;
  consentAt: string;
  createdAt: string;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  instansi: { id: string; kode: string; nama: string };
  /** the source install's key check value (never the key): tells which install an archive came from */
  sourceKeyCheck: string;
  /** the last migration applied at the source: rows are inserted column for column, so both must be at the same one */
  schema: string | null;
  counts: Record<string, number>;
  /** JSON-lines parts of each table (and of "people"), in order, with the SHA-256 of their lines */
  parts: Record<string, { parts: string[]; rows: number; sha256: string }>;
  people: { staff: number; citizensAndOthers: number; historyOnly: number };
  files: Array<{ sha256: string; size: number }>;
  toRecreate: {
    apiClients: Array<{ id: string; nama: string; scopes: string[] }>;
    webhooks: Array<{ id: string; clientId: string; url: string; events: string[] }>;
  };
  notExported: Array<{ model: string; because: string }>;
}

type Delegate = {
  findMany(a: unknown): Promise<Row[]>;
  createMany(a: unknown): Promise<unknown>;
};
const delegate = (db: unknown, model: string) => (db as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

const pelaporAad = (id: string, what: "nama" | "kontak") => `pengaduan:${id}:${what}`;

/** Rows are read and written in pages: an office of a province holds 100k cases and more. */
const PAGE = 2000;
const CHUNK = 500;

// ---------------------------------------------------------------------------------------------------
// Export

export async function exportInstansi(
  deps: OfficeDeps,
  opts: { kode: string; file: string; passphrase: string; progress?: (done: number, total: number) => void },
): Promise<Manifest> {
  checkPassphrase(opts.passphrase);
  const { prisma, keys } = deps;
  const instansi = await prisma.instansi.findUnique({ where: { kode: opts.kode } });
  if (!instansi) throw new OfficeMoveError(`No instansi with kode "${opts.kode}" in this install.`);

  const now = new Date();
  const schema = await lastMigration(prisma);
  const counts: Record<string, number> = {};
  const parts: Manifest["parts"] = {};
  const files = new Map<string, { size: number; key: string }>();
  const apiClients: Manifest["toRecreate"]["apiClients"] = [];
  let webhooks: Manifest["toRecreate"]["webhooks"] = [];
  const people = { staff: 0, citizensAndOthers: 0, historyOnly: 0 };

  // secrets that are not carried over, and personal data sealed under the source key
  const forArchive = (model: string, r: Row): Row => {
    if (model === "ApiClient") {
      apiClients.push({ id: r.id as string, nama: r.nama as string, scopes: r.scopes as string[] });
      return { ...r, secretHash: createHash("sha256").update(randomBytes(32)).digest("hex"), dicabutAt: r.dicabutAt ?? now };
    }
    if (model === "Pengaduan") {
      return {
        ...r,
        namaPelapor: r.namaPelapor ? decrypt(keys, r.namaPelapor as string, pelaporAad(r.id as string, "nama")) : null,
        kontakPelapor: r.kontakPelapor ? decrypt(keys, r.kontakPelapor as string, pelaporAad(r.id as string, "kontak")) : null,
      };
    }
    if (model === "StoredFile") files.set(r.sha256 as string, { size: r.ukuran as number, key: r.storageKey as string });
    return r;
  };

  await writeOfficeArchive(opts.file, opts.passphrase, async (w) => {
    // one snapshot: a case written while the export reads must not appear without its history
    await prisma.$transaction(
      async (tx) => {
        const named = new Set<string>();
        for (const t of EXPORTED) {
          const key = t.key ?? "id";
          const sink = w.lines(`tables/${t.model}`);
          let cursor: unknown;
          for (;;) {
            const page = await delegate(tx, t.model).findMany({
              where: t.where(instansi.id),
              orderBy: [...(t.orderBy ? [t.orderBy] : []), { [key]: "asc" }],
              take: PAGE,
              ...(cursor === undefined ? {} : { cursor: { [key]: cursor }, skip: 1 }),
            });
            for (const row of page) {
              for (const f of t.userFields ?? []) if (typeof row[f] === "string") named.add(row[f] as string);
              await sink.write(JSON.stringify(forArchive(t.model, row)));
            }
            if (page.length < PAGE) break;
            cursor = page[page.length - 1]![key];
          }
          const result = await sink.end();
          parts[t.model] = { parts: result.parts, rows: result.rows, sha256: result.sha256 };
          counts[t.model] = result.rows;
        }
        webhooks = await tx.webhookSubscription.findMany({
          where: { client: { instansiId: instansi.id } },
          select: { id: true, clientId: true, url: true, events: true },
        });

        const sink = w.lines("people");
        const writePeople = async (users: Awaited<ReturnType<typeof tx.user.findMany>>) => {
          for (const u of users) {
            const staff = u.instansiId === instansi.id;
            const historyOnly = !staff && u.role !== "PEMOHON";
            people[staff ? "staff" : historyOnly ? "historyOnly" : "citizensAndOthers"]++;
            const person: Person = {
              id: u.id,
              role: staff ? u.role : "PEMOHON",
              staff,
              historyOnly,
              identityType: u.identityType,
              identity: revealIdentity(keys, u),
              namaLengkap: u.namaLengkap,
              email: u.email,
              telepon: u.telepon,
              passwordHash: historyOnly ? null : u.passwordHash,
              passwordChangedAt: u.passwordChangedAt.toISOString(),
              status: u.status,
              statusReason: u.statusReason,
              emailVerifiedAt: u.emailVerifiedAt?.toISOString() ?? null,
              consentTermsVersion: u.consentTermsVersion,
              consentPrivacyVersion: u.consentPrivacyVersion,
              consentAt: u.consentAt.toISOString(),
              createdAt: u.createdAt.toISOString(),
            };
            await sink.write(JSON.stringify(person));
          }
        };
        const staffRows = await tx.user.findMany({ where: { instansiId: instansi.id } });
        await writePeople(staffRows);
        for (const u of staffRows) named.delete(u.id);
        const others = [...named];
        for (let i = 0; i < others.length; i += PAGE) await writePeople(await tx.user.findMany({ where: { id: { in: others.slice(i, i + PAGE) } } }));
        const result = await sink.end();
        parts.people = { parts: result.parts, rows: result.rows, sha256: result.sha256 };
        counts[PEOPLE.model] = result.rows;
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60 * 60_000, maxWait: 60_000 },
    );

    // files are content-addressed and never change: read after the snapshot
    let done = 0;
    opts.progress?.(0, files.size);
    for (const [sha256, f] of files) {
      await w.file(`files/${sha256}`, f.size, await deps.storage.open(f.key));
      opts.progress?.(++done, files.size);
    }
    // last: it holds the counts and the parts' hashes (the reader unpacks everything before reading it)
    await w.json("manifest.json", manifest());
  });

  function manifest(): Manifest {
    return {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: now.toISOString(),
      instansi: { id: instansi!.id, kode: instansi!.kode, nama: instansi!.nama },
      sourceKeyCheck: keyCheckValue(keys),
      schema,
      counts,
      parts,
      people,
      files: [...files].map(([sha256, f]) => ({ sha256, size: f.size })),
      toRecreate: { apiClients, webhooks },
      notExported: NOT_EXPORTED.map((n) => ({ ...n })),
    };
  }
  return manifest();
}

// ---------------------------------------------------------------------------------------------------
// Import

export interface ImportSummary {
  instansi: { id: string; kode: string; nama: string };
  counts: Record<string, number>;
  users: { created: number; matchedByIdentity: number; matchedByEmail: number };
  files: number;
  /** things the operator has to do by hand */
  warnings: string[];
}

/** Reads only the manifest (needs the passphrase: the whole archive is encrypted). */
export async function readOfficeManifest(file: string, passphrase: string): Promise<Manifest> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "loket-instansi-"));
  try {
    await extractOfficeArchive(file, passphrase, dir);
    return JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8"));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The rows of one table (or of "people") from the unpacked parts, in chunks. */
async function* chunksOf<T>(dir: string, entry: Manifest["parts"][string] | undefined): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for (const part of entry?.parts ?? []) {
    for await (const line of readline.createInterface({ input: createReadStream(path.join(dir, part)), crlfDelay: Infinity })) {
      if (!line) continue;
      chunk.push(JSON.parse(line) as T);
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length) yield chunk;
}

export async function importInstansi(
  deps: OfficeDeps,
  opts: { file: string; passphrase: string; tmpDir?: string; progress?: (done: number, total: number) => void },
): Promise<ImportSummary> {
  const { prisma, keys, storage } = deps;
  if (opts.tmpDir) await fs.mkdir(opts.tmpDir, { recursive: true });
  const dir = await fs.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), "loket-instansi-"));
  try {
    await extractOfficeArchive(opts.file, opts.passphrase, dir);
    const manifest: Manifest = JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8").catch(() => "{}"));
    if (manifest.format !== ARCHIVE_FORMAT || manifest.version !== ARCHIVE_VERSION) {
      throw new OfficeMoveError(`Unsupported archive (${manifest.format} v${manifest.version}); this version reads ${ARCHIVE_FORMAT} v${ARCHIVE_VERSION}.`);
    }
    const here = await lastMigration(prisma);
    if (manifest.schema !== here) {
      throw new OfficeMoveError(
        `The archive was written at database migration ${manifest.schema ?? "(none)"}, this install is at ${here ?? "(none)"}: ` +
          "bring both installs to the same Loket version first (npm run db -- deploy), then export again.",
      );
    }
    const known = new Set(EXPORTED.map((t) => t.model));
    for (const model of Object.keys(manifest.parts)) {
      if (model !== "people" && !known.has(model))
        throw new OfficeMoveError(`The archive holds table ${model}, which this version does not know: upgrade first.`);
    }

    // the bytes are what the manifest says (the GCM tag already covers the archive as a whole)
    for (const f of manifest.files) {
      const actual = await sha256File(path.join(dir, "files", f.sha256)).catch(() => null);
      if (actual !== f.sha256) throw new OfficeMoveError(`File ${f.sha256} in the archive is missing or damaged.`);
    }
    if (await prisma.instansi.findUnique({ where: { kode: manifest.instansi.kode }, select: { id: true } })) throw instansiExists(manifest);

    const warnings: string[] = [];
    const users = { created: 0, matchedByIdentity: 0, matchedByEmail: 0 };
    const counts: Record<string, number> = {};

    await withStoredFiles(storage, async (track) => {
      // files first, outside the transaction (no disk or network I/O while it holds locks); removed again if it fails
      const keyOf = new Map<string, string>();
      let done = 0;
      opts.progress?.(0, manifest.files.length);
      for (const f of manifest.files) {
        keyOf.set(f.sha256, await track({ tempPath: path.join(dir, "files", f.sha256), sha256: f.sha256 }));
        opts.progress?.(++done, manifest.files.length);
      }

      await prisma
        .$transaction(
          async (tx) => {
            // the check again inside the transaction: another import may have committed since
            if (await tx.instansi.findUnique({ where: { kode: manifest.instansi.kode }, select: { id: true } })) throw instansiExists(manifest);

            const userId = new Map<string, string>();
            const createdStaff: string[] = [];
            // a chunk of people at a time: four statements per chunk, not four per person
            for await (const chunk of chunksOf<Person>(dir, manifest.parts.people)) {
              const index = new Map(chunk.map((p) => [p.id, identityIndex(keys, p.identityType, p.identity)]));
              const byIndex = new Map(
                (await tx.user.findMany({ where: { identityIndex: { in: [...index.values()] } }, select: { id: true, role: true, identityIndex: true } })).map(
                  (u) => [u.identityIndex, u],
                ),
              );
              const rest = chunk.filter((p) => !byIndex.has(index.get(p.id)!));
              const emailRows = await tx.user.findMany({
                where: { email: { in: rest.map((p) => p.email.toLowerCase()) } },
                select: { id: true, role: true, email: true },
              });
              const byEmail = new Map<string, typeof emailRows>();
              for (const u of emailRows) byEmail.set(u.email, [...(byEmail.get(u.email) ?? []), u]);
              const taken = new Set((await tx.user.findMany({ where: { id: { in: rest.map((p) => p.id) } }, select: { id: true } })).map((u) => u.id));
              const create: Prisma.UserCreateManyInput[] = [];
              for (const p of chunk) {
                const match = byIndex.get(index.get(p.id)!);
                if (match) {
                  userId.set(p.id, match.id);
                  users.matchedByIdentity++;
                  if (p.staff) warnings.push(staffWarning(p, match.role));
                  continue;
                }
                const sameEmail = byEmail.get(p.email.toLowerCase()) ?? [];
                if (sameEmail.length === 1) {
                  userId.set(p.id, sameEmail[0]!.id);
                  users.matchedByEmail++;
                  warnings.push(`${masked(p)} linked to the existing account with the same email (its identity number differs): check it is the same person.`);
                  if (p.staff) warnings.push(staffWarning(p, sameEmail[0]!.role));
                  continue;
                }
                const id = taken.has(p.id) ? randomUUID() : p.id;
                create.push({
                  id,
                  ...protectIdentity(keys, id, p.identityType, p.identity),
                  role: p.role,
                  status: p.historyOnly ? "DITANGGUHKAN" : (p.status as never),
                  statusReason: p.historyOnly ? "Dipindahkan bersama riwayat instansi lain; bukan akun aktif di instalasi ini." : p.statusReason,
                  namaLengkap: p.namaLengkap,
                  email: p.email,
                  telepon: p.telepon,
                  // "!" verifies against no password: such an account needs a reset (historyOnly: suspended anyway)
                  passwordHash: p.passwordHash ?? "!",
                  passwordChangedAt: p.passwordChangedAt,
                  instansiId: null, // set below, once the instansi row exists
                  emailVerifiedAt: p.emailVerifiedAt,
                  consentTermsVersion: p.consentTermsVersion,
                  consentPrivacyVersion: p.consentPrivacyVersion,
                  consentAt: p.consentAt,
                  createdAt: p.createdAt,
                });
                userId.set(p.id, id);
                if (p.staff) createdStaff.push(id);
                users.created++;
              }
              if (create.length) await tx.user.createMany({ data: create });
            }

            for (const t of EXPORTED) {
              counts[t.model] = 0;
              for await (const chunk of chunksOf<Row>(dir, manifest.parts[t.model])) {
                const rows = chunk.map((r) => forInstall(keys, t.model, r, t.userFields ?? [], userId, keyOf));
                counts[t.model] += rows.length;
                if (t.model === "NomorUrut") {
                  for (const r of rows) {
                    const terakhir = r.terakhir as number;
                    const cur = await tx.nomorUrut.findUnique({ where: { kunci: r.kunci as string } });
                    if (!cur) await tx.nomorUrut.create({ data: { kunci: r.kunci as string, terakhir } });
                    else if (cur.terakhir < terakhir) await tx.nomorUrut.update({ where: { kunci: cur.kunci }, data: { terakhir } });
                  }
                  continue;
                }
                // ids are kept: one that exists here already means this office (or its install) came here before
                const clash = await delegate(tx, t.model).findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } });
                if (clash.length) {
                  throw new OfficeMoveError(
                    `Import refused, nothing was written: ${t.model} rows with the archive's ids already exist here (${clash.length}). ` +
                      "Was this office (or a backup of its install) imported before?",
                  );
                }
                // PostgreSQL reads the chunk as JSON (one statement, types from the table): Prisma's createMany spent ~4/5
                // of a 20k-case import building its statements. The model names come from the declaration, never input.
                await tx.$executeRawUnsafe(
                  `INSERT INTO "${t.model}" SELECT * FROM json_populate_recordset(NULL::"${t.model}", $1::json)`,
                  JSON.stringify(rows),
                );
              }
              const expected = manifest.counts[t.model] ?? 0;
              if (counts[t.model] !== expected)
                throw new OfficeMoveError(`The archive's ${t.model} holds ${counts[t.model]} rows, its manifest says ${expected}.`);
            }

            // only accounts this import created: a matched account is not moved between offices
            if (createdStaff.length) await tx.user.updateMany({ where: { id: { in: createdStaff } }, data: { instansiId: manifest.instansi.id } });
          },
          { timeout: 60 * 60_000, maxWait: 60_000 },
        )
        .catch((err) => {
          if (err instanceof Prisma.PrismaClientKnownRequestError && isUniqueViolation(err)) {
            throw new OfficeMoveError(
              `Import refused, nothing was written: a value that must be unique already exists in this install (${describeUnique(err)}). ` +
                "Usually a registration number, tracking code or verification code of another office uses the same prefix.",
            );
          }
          throw err;
        });
    });
    counts.User = manifest.counts.User ?? 0;
    return { instansi: manifest.instansi, counts, users, files: manifest.files.length, warnings };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A row from the archive as this install stores it: accounts remapped, files at their keys here, re-encrypted. */
function forInstall(keys: Keys, model: string, r: Row, userFields: readonly string[], userId: Map<string, string>, keyOf: Map<string, string>): Row {
  const out: Row = { ...r };
  for (const f of userFields) if (typeof out[f] === "string") out[f] = userId.get(out[f] as string) ?? null;
  if (model === "StoredFile") out.storageKey = keyOf.get(r.sha256 as string) ?? storageKeyOf(r.sha256 as string);
  if (model === "Pengaduan") {
    out.namaPelapor = r.namaPelapor ? encrypt(keys, r.namaPelapor as string, pelaporAad(r.id as string, "nama")) : null;
    out.kontakPelapor = r.kontakPelapor ? encrypt(keys, r.kontakPelapor as string, pelaporAad(r.id as string, "kontak")) : null;
  }
  return out;
}

async function lastMigration(prisma: PrismaClient): Promise<string | null> {
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? null;
}

function instansiExists(m: Manifest) {
  return new OfficeMoveError(`Import refused, nothing was written: an instansi with kode "${m.instansi.kode}" already exists in this install.`);
}

function masked(p: Person): string {
  return `${p.identityType} ${p.identity.slice(0, 4)}${"*".repeat(Math.max(0, p.identity.length - 8))}${p.identity.slice(-4)}`;
}

function staffWarning(p: Person, existingRole: string): string {
  return `Staff ${masked(p)} (${p.role} of the office) matched an existing account here with role ${existingRole}: its role was not changed; assign it in the admin pages.`;
}

type UniqueMeta = {
  modelName?: string;
  target?: unknown;
  driverAdapterError?: { cause?: { kind?: string; originalMessage?: string; constraint?: { fields?: string[] } } };
};

/** P2002 from Prisma's own statements, P2010 with the driver's unique violation from the raw chunk inserts. */
function isUniqueViolation(err: Prisma.PrismaClientKnownRequestError): boolean {
  const cause = (err.meta as UniqueMeta | undefined)?.driverAdapterError?.cause;
  return err.code === "P2002" || (err.code === "P2010" && cause?.kind === "UniqueConstraintViolation");
}

/** The constraint's name and columns (never the clashing value: it may be personal data). */
function describeUnique(err: Prisma.PrismaClientKnownRequestError): string {
  const meta = err.meta as UniqueMeta | undefined;
  const cause = meta?.driverAdapterError?.cause;
  const constraint = /unique constraint "([^"]+)"/.exec(cause?.originalMessage ?? "")?.[1];
  const fields = cause?.constraint?.fields ?? meta?.target;
  return [constraint ?? meta?.modelName, fields ? JSON.stringify(fields) : null].filter(Boolean).join(" ") || "unique constraint";
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
