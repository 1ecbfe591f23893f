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
  counts: Record<string, number>;
  people: { staff: number; citizensAndOthers: number; historyOnly: number };
  files: Array<{ sha256: string; size: number }>;
  toRecreate: {
    apiClients: Array<{ id: string; nama: string; scopes: string[] }>;
    webhooks: Array<{ id: string; clientId: string; url: string; events: string[] }>;
  };
  notExported: Array<{ model: string; because: string }>;
}

interface Data {
  tables: Record<string, Row[]>;
  people: Person[];
}

const delegate = (db: unknown, model: string) =>
  (db as Record<string, { findMany(a: unknown): Promise<Row[]>; createMany(a: unknown): Promise<unknown> }>)[
    model[0]!.toLowerCase() + model.slice(1)
  ]!;

const pelaporAad = (id: string, what: "nama" | "kontak") => `pengaduan:${id}:${what}`;

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
  // one snapshot: a case written while the export reads must not appear without its history
  const { tables, people, webhooks } = await prisma.$transaction(
    async (tx) => {
      const tables: Record<string, Row[]> = {};
      for (const t of EXPORTED) {
        tables[t.model] = await delegate(tx, t.model).findMany({ where: t.where(instansi.id), ...(t.orderBy ? { orderBy: t.orderBy } : {}) });
      }
      const webhooks = await tx.webhookSubscription.findMany({
        where: { client: { instansiId: instansi.id } },
        select: { id: true, clientId: true, url: true, events: true },
      });
      const named = new Set<string>();
      for (const t of EXPORTED) {
        for (const row of tables[t.model]!) for (const f of t.userFields ?? []) if (typeof row[f] === "string") named.add(row[f] as string);
      }
      const users = await tx.user.findMany({ where: { OR: [{ instansiId: instansi.id }, { id: { in: [...named] } }] }, orderBy: { createdAt: "asc" } });
      const people = users.map((u): Person => {
        const staff = u.instansiId === instansi.id;
        const historyOnly = !staff && u.role !== "PEMOHON";
        return {
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
      });
      return { tables, people, webhooks };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 10 * 60_000, maxWait: 60_000 },
  );

  // secrets that are not carried over, and personal data sealed under the source key
  const apiClients = tables.ApiClient!.map((c) => ({ id: c.id as string, nama: c.nama as string, scopes: c.scopes as string[] }));
  tables.ApiClient = tables.ApiClient!.map((c) => ({
    ...c,
    secretHash: createHash("sha256").update(randomBytes(32)).digest("hex"), // matches no token
    dicabutAt: c.dicabutAt ?? now,
  }));
  tables.Pengaduan = tables.Pengaduan!.map((p) => ({
    ...p,
    namaPelapor: p.namaPelapor ? decrypt(keys, p.namaPelapor as string, pelaporAad(p.id as string, "nama")) : null,
    kontakPelapor: p.kontakPelapor ? decrypt(keys, p.kontakPelapor as string, pelaporAad(p.id as string, "kontak")) : null,
  }));

  const files = new Map<string, number>();
  for (const f of tables.StoredFile!) files.set(f.sha256 as string, f.ukuran as number);
  const keyOf = new Map(tables.StoredFile!.map((f) => [f.sha256 as string, f.storageKey as string]));

  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: now.toISOString(),
    instansi: { id: instansi.id, kode: instansi.kode, nama: instansi.nama },
    sourceKeyCheck: keyCheckValue(keys),
    counts: { ...Object.fromEntries(EXPORTED.map((t) => [t.model, tables[t.model]!.length])), [PEOPLE.model]: people.length },
    people: {
      staff: people.filter((p) => p.staff).length,
      citizensAndOthers: people.filter((p) => !p.staff && !p.historyOnly).length,
      historyOnly: people.filter((p) => p.historyOnly).length,
    },
    files: [...files].map(([sha256, size]) => ({ sha256, size })),
    toRecreate: { apiClients, webhooks },
    notExported: NOT_EXPORTED.map((n) => ({ ...n })),
  };

  await writeOfficeArchive(opts.file, opts.passphrase, async (w) => {
    await w.json("manifest.json", manifest);
    await w.json("data.json", { tables, people } satisfies Data);
    let done = 0;
    opts.progress?.(0, files.size);
    for (const [sha256, size] of files) {
      await w.file(`files/${sha256}`, size, await deps.storage.open(keyOf.get(sha256)!));
      opts.progress?.(++done, files.size);
    }
  });
  return manifest;
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

export async function importInstansi(
  deps: OfficeDeps,
  opts: { file: string; passphrase: string; tmpDir?: string; progress?: (done: number, total: number) => void },
): Promise<ImportSummary> {
  const { prisma, keys, storage } = deps;
  if (opts.tmpDir) await fs.mkdir(opts.tmpDir, { recursive: true });
  const dir = await fs.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), "loket-instansi-"));
  try {
    await extractOfficeArchive(opts.file, opts.passphrase, dir);
    const manifest: Manifest = JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8"));
    if (manifest.format !== ARCHIVE_FORMAT || manifest.version !== ARCHIVE_VERSION) {
      throw new OfficeMoveError(`Unsupported archive (${manifest.format} v${manifest.version}); this version reads ${ARCHIVE_FORMAT} v${ARCHIVE_VERSION}.`);
    }
    const data: Data = JSON.parse(await fs.readFile(path.join(dir, "data.json"), "utf8"));
    const known = new Set(EXPORTED.map((t) => t.model));
    for (const model of Object.keys(data.tables)) if (!known.has(model)) throw new OfficeMoveError(`The archive holds table ${model}, which this version does not know: upgrade first.`);

    // the bytes are what the manifest says (the GCM tag already covers the archive as a whole)
    for (const f of manifest.files) {
      const actual = await sha256File(path.join(dir, "files", f.sha256)).catch(() => null);
      if (actual !== f.sha256) throw new OfficeMoveError(`File ${f.sha256} in the archive is missing or damaged.`);
    }

    await refuseCollisions(prisma, manifest, data);

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

      await prisma.$transaction(
        async (tx) => {
          // the check again inside the transaction: another import may have committed since
          if (await tx.instansi.findUnique({ where: { kode: manifest.instansi.kode }, select: { id: true } })) throw instansiExists(manifest);

          const userId = new Map<string, string>();
          const createdStaff: string[] = [];
          for (const p of data.people) {
            const match = await tx.user.findUnique({ where: { identityIndex: identityIndex(keys, p.identityType, p.identity) }, select: { id: true, role: true, instansiId: true } });
            if (match) {
              userId.set(p.id, match.id);
              users.matchedByIdentity++;
              if (p.staff && (match.role !== p.role || match.instansiId !== manifest.instansi.id)) warnings.push(staffWarning(p, match.role));
              continue;
            }
            const byEmail = await tx.user.findMany({ where: { email: p.email.toLowerCase() }, select: { id: true, role: true, instansiId: true }, take: 2 });
            if (byEmail.length === 1) {
              userId.set(p.id, byEmail[0]!.id);
              users.matchedByEmail++;
              warnings.push(`${masked(p)} linked to the existing account with the same email (its identity number differs): check it is the same person.`);
              if (p.staff) warnings.push(staffWarning(p, byEmail[0]!.role));
              continue;
            }
            const id = (await tx.user.findUnique({ where: { id: p.id }, select: { id: true } })) ? randomUUID() : p.id;
            await tx.user.create({
              data: {
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
              },
            });
            userId.set(p.id, id);
            if (p.staff) createdStaff.push(id);
            users.created++;
          }

          for (const t of EXPORTED) {
            let rows = data.tables[t.model] ?? [];
            rows = rows.map((r) => {
              const out: Row = { ...r };
              for (const f of t.userFields ?? []) if (typeof out[f] === "string") out[f] = userId.get(out[f] as string) ?? null;
              return out;
            });
            if (t.model === "StoredFile") rows = rows.map((r) => ({ ...r, storageKey: keyOf.get(r.sha256 as string) ?? storageKeyOf(r.sha256 as string) }));
            if (t.model === "Pengaduan") {
              rows = rows.map((r) => ({
                ...r,
                namaPelapor: r.namaPelapor ? encrypt(keys, r.namaPelapor as string, pelaporAad(r.id as string, "nama")) : null,
                kontakPelapor: r.kontakPelapor ? encrypt(keys, r.kontakPelapor as string, pelaporAad(r.id as string, "kontak")) : null,
              }));
            }
            if (t.model === "NomorUrut") {
              for (const r of rows) {
                const terakhir = r.terakhir as number;
                const cur = await tx.nomorUrut.findUnique({ where: { kunci: r.kunci as string } });
                if (!cur) await tx.nomorUrut.create({ data: { kunci: r.kunci as string, terakhir } });
                else if (cur.terakhir < terakhir) await tx.nomorUrut.update({ where: { kunci: cur.kunci }, data: { terakhir } });
              }
            } else {
              for (let i = 0; i < rows.length; i += 500) await delegate(tx, t.model).createMany({ data: rows.slice(i, i + 500) });
            }
            counts[t.model] = rows.length;
          }

          // only accounts this import created: a matched account is not moved between offices
          if (createdStaff.length) await tx.user.updateMany({ where: { id: { in: createdStaff } }, data: { instansiId: manifest.instansi.id } });
        },
        { timeout: 10 * 60_000, maxWait: 60_000 },
      ).catch((err) => {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
          throw new OfficeMoveError(
            `Import refused, nothing was written: a value that must be unique already exists in this install (${describeUnique(err)}). ` +
              "Usually a registration number, tracking code or verification code of another office uses the same prefix.",
          );
        }
        throw err;
      });
    });
    counts.User = data.people.length;
    return { instansi: manifest.instansi, counts, users, files: manifest.files.length, warnings };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function refuseCollisions(prisma: PrismaClient, manifest: Manifest, data: Data) {
  if (await prisma.instansi.findUnique({ where: { kode: manifest.instansi.kode }, select: { id: true } })) throw instansiExists(manifest);
  const clashes: string[] = [];
  for (const t of EXPORTED) {
    const ids = (data.tables[t.model] ?? []).map((r) => r.id).filter((id): id is string => typeof id === "string");
    if (!ids.length) continue;
    const found = await delegate(prisma, t.model).findMany({ where: { id: { in: ids } }, select: { id: true } });
    if (found.length) clashes.push(`${t.model}: ${found.length}`);
  }
  if (clashes.length) {
    throw new OfficeMoveError(
      `Import refused, nothing was written: rows with the archive's ids already exist here (${clashes.join(", ")}). ` +
        "Was this office (or a backup of its install) imported before?",
    );
  }
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

function describeUnique(err: Prisma.PrismaClientKnownRequestError): string {
  const meta = err.meta as { modelName?: string; target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  return [meta?.modelName, fields ? JSON.stringify(fields) : null].filter(Boolean).join(" ") || "unique constraint";
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
