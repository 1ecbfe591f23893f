import { randomUUID } from "node:crypto";
import type { Context } from "../../context";
import type { AccountStatus } from "../../generated/prisma/enums";
import type { IdentityType, Role } from "../../generated/prisma/enums";
import { Prisma, type User } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, LoginError, NotFoundError, ValidationError, forbidden } from "../../lib/errors";
import { checkPasswordStrength, dummyVerify, hashPassword, verifyPassword } from "../auth/password";
import { personalParts } from "../../shared/password";
import { clearSessionCookie, sessionCookie } from "../auth/session";
import {
  addressAfterFailure,
  addressAfterRefund,
  secondsUntil,
  waitMessage,
  ACCOUNT_LOCK_AFTER,
  ACCOUNT_LOCK_MS,
  ACCOUNT_SLOW_AFTER,
  type AddressState,
} from "../auth/throttle";
import { identityIndex, identityTypeOf, parseIdentity, protectIdentity, revealIdentity } from "../identity/protect";
import { createNotifications, publishNotifications } from "../notification/service";
import { enqueueEmail } from "../mail/outbox";
import { akunDiaktifkan, akunDitangguhkan, akunDitolak } from "../mail/templates";
import { issueVerification } from "./email-tokens";
import { audit, auditRead } from "../audit/service";
import { onlyScalars, q } from "../../lib/query";
import { ACCOUNT_TRANSITIONS, type AccountTransition, STATUS_LABEL, alasanSchema, kontakSchema, nextAccountStatus, persetujuanSchema } from "./rules";
import { administeredAccounts, mayAdminister, mayAssignRole, roleHasInstansi } from "./policy";
import { ANY, assertCan } from "../../policy";
import type { Caller } from "../../lib/policy";
import type { UploadedFile } from "../files/store";
import { berkasUtama, fotoWajib, withRegistrationUploads } from "./berkas-identitas";
import { ALASAN_PENOLAKAN, kalimatAlasan, type KodeAlasanPenolakan } from "../../shared/berkas-identitas";
import { Problems, parseInput } from "../../lib/validate";

export type AccountTransitionName = AccountTransition;

async function findSubject(ctx: Context, userId: string): Promise<User> {
  const subject = await ctx.prisma.user.findUnique({ where: { id: userId } });
  if (!subject) throw new NotFoundError("USER_NOT_FOUND", "Akun tidak ditemukan.", "userId");
  return subject;
}

/** The signed-in account, or null: the row the session lookup already loaded, unless relations are asked for. */
/** What plugin-prisma asks of a User row (the relations and fields the client selected). */
export type UserQuery = Pick<Prisma.UserFindUniqueArgs, "include" | "select">;
/** …of a page of User rows. */
export type UsersQuery = Pick<Prisma.UserFindManyArgs, "include" | "select" | "cursor" | "take" | "skip">;

export async function me(ctx: Context, query: UserQuery): Promise<User | null> {
  if (!ctx.viewer) return null;
  if (ctx.viewerUser && onlyScalars(query)) return ctx.viewerUser;
  return ctx.prisma.user.findUnique({ ...q(query), where: { id: ctx.viewer.id } });
}

export interface UserFilter {
  status?: AccountStatus | null;
  role?: Role | null;
  search?: string | null;
  instansiId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The accounts the caller administers (policy.ts), narrowed by the filter; never the caller's own. */
function administeredUsers(ctx: Context, filter: UserFilter | null | undefined): Prisma.UserWhereInput {
  assertCan(ctx, "akun:lihatDaftar", ANY);
  const scope = administeredAccounts(ctx);
  const search = filter?.search?.trim();
  return {
    ...("all" in scope ? {} : { OR: [{ role: "PEMOHON" }, { instansiId: scope.citizensAndStaffOf, role: { not: "SUPERADMIN" } }] }),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.role ? { role: filter.role } : {}),
    // a malformed id names no instansi (and must not reach the uuid column)
    ...(filter?.instansiId ? (UUID.test(filter.instansiId) ? { instansiId: filter.instansiId } : { id: { in: [] } }) : {}),
    ...(search ? { AND: [{ OR: [{ namaLengkap: { contains: search, mode: "insensitive" } }, { email: { contains: search.toLowerCase() } }] }] } : {}),
    NOT: { id: ctx.viewer!.id },
  };
}

export function listUsers(ctx: Context, query: UsersQuery, filter: UserFilter | null | undefined) {
  return ctx.prisma.user.findMany({ ...q(query), where: administeredUsers(ctx, filter), orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export function countUsers(ctx: Context, filter: UserFilter | null | undefined): Promise<number> {
  return ctx.prisma.user.count({ where: administeredUsers(ctx, filter) });
}

/** The signed-in account's status now, as `myAccountStatus` sends it. */
export async function currentStatus(ctx: Context): Promise<{ status: AccountStatus; reason: string | null; at: string }> {
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.viewer!.id }, select: { status: true, statusReason: true, updatedAt: true } });
  return { status: user.status, reason: user.statusReason, at: user.updatedAt.toISOString() };
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

interface ContactInput {
  namaLengkap: string;
  email: string;
  telepon: string;
}

function parseContact(input: ContactInput) {
  const { namaLengkap, email, telepon } = parseInput(kontakSchema, input);
  return { namaLengkap, email, telepon };
}

export interface RegisterInput extends ContactInput {
  identityType: IdentityType;
  nomorIdentitas: string;
  password: string;
  setujuSyaratKetentuan: boolean;
  setujuKebijakanPrivasi: boolean;
  versiSyaratKetentuan: string;
  versiKebijakanPrivasi: string;
  /** the KTP photo (KK for a minor): required */
  fotoIdentitas?: UploadedFile | null;
  /** an ASN's SK, optional, only with a NIP */
  skAsn?: UploadedFile | null;
}

/**
 * The checks of a registration that need no database, every problem at once in the form's order (the browser runs
 * the same rules before sending: client/src/lib/account-checks.ts, compared in tests/client/form-parity.test.ts).
 */
export function registrationChecks(input: RegisterInput, versions: { termsVersion: string; privacyVersion: string }) {
  const problems = new Problems();
  const number = problems.check(() => parseIdentity(input.identityType, input.nomorIdentitas));
  const contact = problems.parse(kontakSchema, input);
  const weak = checkPasswordStrength(input.password, personalParts(number ?? input.nomorIdentitas, contact ?? input));
  if (weak) problems.add(weak.code, weak.message, "password");
  problems.parse(persetujuanSchema(versions), input);
  return { problems, number, contact };
}

export async function register(ctx: Context, input: RegisterInput): Promise<{ user: User; token: string }> {
  // the identity number's uniqueness last, beside the other problems (it needs a valid number)
  const { problems, number, contact } = registrationChecks(input, ctx.config);
  const duplicate = () =>
    new ConflictError(
      "IDENTITY_TAKEN",
      `${input.identityType} ini sudah terdaftar. Satu ${input.identityType} hanya untuk satu akun; gunakan menu masuk atau hubungi kantor.`,
      "nomorIdentitas",
    );
  const index = number === undefined ? null : identityIndex(ctx.keys, input.identityType, number);
  const existing = index ? await ctx.prisma.user.findUnique({ where: { identityIndex: index }, select: { id: true, status: true } }) : null;
  // a person served at the counter without an account (pengajuan/walk-in.ts) registers into that record: it
  // keeps its cases, which the person sees once the admin has checked the registration and activated it
  const tamu = existing?.status === "TAMU" ? existing : null;
  if (existing && !tamu) problems.report(duplicate());
  if (!input.fotoIdentitas) problems.report(fotoWajib(number === undefined ? "KTP" : berkasUtama(input.identityType, number)));
  problems.throwIfAny();
  if (number === undefined || contact === undefined) throw new Error("register: checked input missing"); // unreachable: throwIfAny threw

  const id = tamu?.id ?? randomUUID();
  const now = new Date();
  try {
    const { user, token, sessionId } = await withRegistrationUploads(ctx, input.identityType, number, input, async (fileThem) => {
      const passwordHash = await hashPassword(input.password);
      return ctx.prisma.$transaction(async (tx) => {
        const account = {
          ...contact,
          passwordHash,
          status: "MENUNGGU_AKTIVASI",
          consentTermsVersion: ctx.config.termsVersion,
          consentPrivacyVersion: ctx.config.privacyVersion,
          consentAt: now,
        } as const;
        const user = tamu
          ? // only while it still is a counter record: a registration racing this one gets IDENTITY_TAKEN (P2025 below)
            await tx.user.update({ where: { id, status: "TAMU" }, data: { ...account, teleponTerverifikasi: null, failedLogins: 0, lockedUntil: null } })
          : await tx.user.create({ data: { id, ...protectIdentity(ctx.keys, id, input.identityType, number), ...account, role: "PEMOHON" } });
        const kasus = tamu ? await tx.pengajuan.count({ where: { pemohonId: id } }) : 0;
        await tx.accountAction.create({
          data: { userId: id, kind: "DAFTAR", reason: tamu ? `${TAKE_OVER_REASON} (${kasus} pengajuan di loket)` : null },
        });
        await fileThem(tx, id);
        await issueVerification(tx, ctx, user);
        const { token, sessionId } = await ctx.sessions.create(tx, id, ctx.request);
        return { user, token, sessionId };
      });
    });
    signIn(ctx, user, token, sessionId);
    ctx.mail?.kick();
    if (tamu) await audit(ctx, { jenis: "UBAH", aksi: "Akun.ambilAlihDataLoket", subjekId: id, objekJenis: "User", objekId: id });
    return { user, token };
  } catch (err) {
    if (isUniqueViolation(err) || isRecordMissing(err)) throw duplicate();
    throw err;
  }
}

/** The reason recorded with the registration that took over a counter record (the account's history shows it). */
export const TAKE_OVER_REASON = "Mendaftar dengan NIK yang sebelumnya dicatat petugas di loket; pengajuan dari loket ikut ke akun ini";

function isRecordMissing(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2025";
}

/** The rest of this request (the fields of the returned payload) runs as the newly signed-in user. */
function signIn(ctx: Context, user: User, token: string, sessionId: string) {
  ctx.request.setCookies.push(sessionCookie(token, ctx.config.sessionTtlHours * 3600, ctx.config.cookieSecure));
  ctx.viewer = { id: user.id, role: user.role, status: user.status, instansiId: user.instansiId, sessionId };
  ctx.viewerUser = user;
}

const INVALID_CREDENTIALS = "NIK/NIP atau kata sandi salah.";

/**
 * Counts a login attempt against its client address before any password is checked, with a compare-and-set on
 * the address row: a flood of parallel attempts cannot all read "not locked yet" and each get a guess; once
 * ADDRESS_LOCK_AFTER attempts are counted the others are refused without one. An attempt that turns out not to
 * be a failure (a success, a malformed identifier, an account that is only slowed) gives its count back.
 */
async function countAddressAttempt(ctx: Context, key: string, now: Date): Promise<{ lockedUntil: Date } | { refund(): Promise<void> }> {
  const prisma = ctx.prisma;
  const swap = async (row: AddressState & { key: string }, next: AddressState) =>
    (await prisma.loginThrottle.updateMany({ where: { key, failures: row.failures, windowStart: row.windowStart }, data: next })).count === 1;
  for (let round = 0; round < 200; round++) {
    const row = await prisma.loginThrottle.findUnique({ where: { key } });
    if (row?.lockedUntil && row.lockedUntil > now) return { lockedUntil: row.lockedUntil };
    const next = addressAfterFailure(row, now);
    const counted = row ? await swap(row, next) : (await prisma.loginThrottle.createMany({ data: [{ key, ...next }], skipDuplicates: true })).count === 1;
    if (!counted) continue; // another attempt of this address got there first: read again
    return {
      refund: async () => {
        for (let r = 0; r < 200; r++) {
          const current = await prisma.loginThrottle.findUnique({ where: { key } });
          if (!current || current.failures === 0 || current.windowStart.getTime() !== next.windowStart.getTime()) return;
          if (await swap(current, addressAfterRefund(current))) return;
        }
      },
    };
  }
  throw new Error("login throttle: the address row stayed contended");
}

/**
 * Counts one password guess against the account, atomically, if it may guess now: one UPDATE … RETURNING that
 * matches only while the account is neither slowed nor locked, and sets the count and the next allowed moment
 * from the row's own current values (accountRetryAt in SQL: from the 3rd failure 2^(n−3) s, at the 10th 15
 * minutes; after an expired lock the count starts again at 1). Null when the account must wait.
 */
async function reserveGuess(ctx: Context, userId: string, now: Date): Promise<{ failedLogins: number; lockedUntil: Date | null } | null> {
  const n = Prisma.sql`(CASE WHEN "failedLogins" >= ${ACCOUNT_LOCK_AFTER} THEN 1 ELSE "failedLogins" + 1 END)`;
  const at = Prisma.sql`${now.toISOString().replace("Z", "")}::timestamp(3)`; // Prisma keeps DateTime as UTC without a zone
  const [row] = await ctx.prisma.$queryRaw<Array<{ failedLogins: number; lockedUntil: Date | null }>>`
    UPDATE "public"."User" SET
      "failedLogins" = ${n},
      "lockedUntil" = ${at} + (CASE WHEN ${n} >= ${ACCOUNT_LOCK_AFTER} THEN ${ACCOUNT_LOCK_MS}::float8
                                    WHEN ${n} >= ${ACCOUNT_SLOW_AFTER} THEN 1000 * power(2, ${n} - ${ACCOUNT_SLOW_AFTER})
                                    ELSE NULL END) * interval '1 millisecond'
    WHERE "id" = ${userId}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${at})
    RETURNING "failedLogins", "lockedUntil"`;
  return row ?? null;
}

export async function login(ctx: Context, input: { nomorIdentitas: string; password: string }): Promise<{ user: User; token: string }> {
  const now = new Date();
  const attempt = await countAddressAttempt(ctx, `ip:${ctx.request.ip}`, now);
  if ("lockedUntil" in attempt) {
    const s = secondsUntil(attempt.lockedUntil, now);
    throw new LoginError("LOGIN_RATE_LIMITED", `Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam ${waitMessage(s)}.`, s);
  }
  // only wrong credentials count against the address; whatever else this attempt ends in gives its count back
  let failed = false;
  try {
    return await checkCredentials(ctx, input, now, () => {
      failed = true;
    });
  } finally {
    if (!failed) await attempt.refund().catch(() => {});
  }
}

async function checkCredentials(
  ctx: Context,
  input: { nomorIdentitas: string; password: string },
  now: Date,
  recordAddressFailure: () => void,
): Promise<{ user: User; token: string }> {
  const type = identityTypeOf(input.nomorIdentitas);
  if (!type) throw new ValidationError("IDENTITY_FORMAT", "Masukkan NIK (16 angka) atau NIP (18 angka).", "nomorIdentitas");
  const number = input.nomorIdentitas.replace(/\s+/g, "");

  const user = await ctx.prisma.user.findUnique({ where: { identityIndex: identityIndex(ctx.keys, type, number) } });
  if (!user) {
    await dummyVerify(input.password);
    recordAddressFailure();
    throw new LoginError("INVALID_CREDENTIALS", INVALID_CREDENTIALS);
  }
  if (user.status === "TAMU") {
    // recorded at the counter, with no password to check: counted like a wrong guess (no probing NIKs for free)
    await dummyVerify(input.password);
    recordAddressFailure();
    throw new LoginError(
      "ACCOUNT_NOT_REGISTERED",
      "NIK ini belum memiliki akun Loket: data Anda hanya dicatat petugas saat dilayani di loket kantor. Daftar dengan NIK ini untuk membuat akun; pengajuan Anda dari loket akan tampil setelah akun diaktifkan admin.",
    );
  }
  // One guess is reserved (counted as a failure) BEFORE the password is checked, in one atomic statement that
  // only matches while the account is neither slowed nor locked: parallel attempts cannot all read "not locked
  // yet" and each get a guess; ten parallel wrong passwords get exactly the guesses ten sequential ones get.
  const reserved = await reserveGuess(ctx, user.id, now);
  if (!reserved) {
    const current = await ctx.prisma.user.findUnique({ where: { id: user.id }, select: { failedLogins: true, lockedUntil: true } });
    const until = current?.lockedUntil && current.lockedUntil > now ? current.lockedUntil : new Date(now.getTime() + 1000);
    const s = secondsUntil(until, now);
    if ((current?.failedLogins ?? 0) >= ACCOUNT_LOCK_AFTER) {
      throw new LoginError("ACCOUNT_LOCKED", `Akun dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi dalam ${waitMessage(s)}.`, s);
    }
    throw new LoginError("LOGIN_TOO_FAST", `Tunggu ${waitMessage(s)} sebelum mencoba lagi.`, s);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    recordAddressFailure();
    const retryAt = reserved.lockedUntil;
    if (reserved.failedLogins >= ACCOUNT_LOCK_AFTER) {
      throw new LoginError("ACCOUNT_LOCKED", `${INVALID_CREDENTIALS} Akun dikunci sementara selama 15 menit.`, secondsUntil(retryAt!, now));
    }
    const left = ACCOUNT_LOCK_AFTER - reserved.failedLogins;
    const extra = left <= 5 ? ` Sisa ${left} percobaan sebelum akun dikunci sementara.` : "";
    throw new LoginError("INVALID_CREDENTIALS", INVALID_CREDENTIALS + extra, retryAt ? secondsUntil(retryAt, now) : null);
  }
  // the right password: the reserved failure and any before it are cleared
  await ctx.prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  switch (user.status) {
    case "MENUNGGU_AKTIVASI":
      throw new LoginError(
        "ACCOUNT_PENDING",
        "Akun Anda belum diaktifkan. Admin sedang memeriksa data pendaftaran Anda; Anda akan menerima notifikasi setelah akun diaktifkan.",
      );
    case "DITOLAK":
      // signed in like a pending registration (own account only): the status page shows why, and lets the
      // person correct the data or the photo and ask again
      break;
    case "DITANGGUHKAN":
      throw new LoginError(
        "ACCOUNT_SUSPENDED",
        `Akun Anda ditangguhkan${user.statusReason ? `: ${user.statusReason}` : "."} Hubungi kantor untuk keterangan lebih lanjut.`,
      );
    case "AKTIF":
      break;
  }
  const { token, sessionId } = await ctx.sessions.create(ctx.prisma, user.id, ctx.request);
  signIn(ctx, user, token, sessionId);
  return { user, token };
}

export async function logout(ctx: Context, everywhere: boolean): Promise<number> {
  const v = ctx.viewer!;
  const where = everywhere ? { userId: v.id, revokedAt: null } : { id: v.sessionId, revokedAt: null };
  const { count } = await ctx.prisma.session.updateMany({ where, data: { revokedAt: new Date() } });
  ctx.sessions.invalidateUser(v.id);
  ctx.request.setCookies.push(clearSessionCookie(ctx.config.cookieSecure));
  return count;
}

export async function changePassword(ctx: Context, input: { passwordLama: string; passwordBaru: string }): Promise<User> {
  const v = ctx.viewer!;
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: v.id } });
  const problems = new Problems();
  if (!(await verifyPassword(user.passwordHash, input.passwordLama))) problems.add("PASSWORD_WRONG", "Kata sandi lama salah.", "passwordLama");
  const weak = checkPasswordStrength(input.passwordBaru, personalParts(revealIdentity(ctx.keys, user), user));
  if (weak) problems.add(weak.code, weak.message, "passwordBaru");
  else if (input.passwordBaru === input.passwordLama) problems.add("PASSWORD_REUSED", "Kata sandi baru harus berbeda dari kata sandi lama.", "passwordBaru");
  problems.throwIfAny();
  const passwordHash = await hashPassword(input.passwordBaru);
  const updated = await ctx.prisma.$transaction(async (tx) => {
    // every other session ends: a changed password is how a user shuts out whoever learned the old one
    await tx.session.updateMany({ where: { userId: v.id, revokedAt: null, NOT: { id: v.sessionId } }, data: { revokedAt: new Date() } });
    return tx.user.update({ where: { id: v.id }, data: { passwordHash, passwordChangedAt: new Date() } });
  });
  ctx.sessions.invalidateUser(v.id);
  return updated;
}

export async function updateProfile(ctx: Context, input: Partial<ContactInput>): Promise<User> {
  const v = ctx.viewer!;
  const current = await ctx.prisma.user.findUniqueOrThrow({ where: { id: v.id } });
  const contact = parseContact({
    namaLengkap: input.namaLengkap ?? current.namaLengkap,
    email: input.email ?? current.email,
    telepon: input.telepon ?? current.telepon,
  });
  const emailChanged = contact.email !== current.email;
  const user = await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: v.id }, data: { ...contact, ...(emailChanged ? { emailVerifiedAt: null } : {}) } });
    if (emailChanged) await issueVerification(tx, ctx, user);
    return user;
  });
  ctx.sessions.invalidateUser(v.id);
  if (emailChanged) ctx.mail?.kick();
  return user;
}

const NOTIFY_TEXT: Record<AccountTransition, (reason: string | null) => { judul: string; isi: string }> = {
  AKTIVASI: () => ({ judul: "Akun Anda telah aktif", isi: "Akun Loket Anda telah diaktifkan. Anda sekarang dapat masuk dan mengajukan layanan." }),
  TOLAK: (r) => ({ judul: "Pendaftaran akun ditolak", isi: `Pendaftaran akun Anda ditolak. Alasan: ${r}` }),
  TANGGUHKAN: (r) => ({ judul: "Akun Anda ditangguhkan", isi: `Akun Anda ditangguhkan. Alasan: ${r}` }),
  PULIHKAN: () => ({ judul: "Akun Anda dipulihkan", isi: "Penangguhan akun Anda telah dicabut. Anda dapat masuk kembali." }),
};

export async function administerAccount(
  ctx: Context,
  action: AccountTransition,
  userId: string,
  reasonRaw: string | null | undefined,
  reasonCode: KodeAlasanPenolakan | null = null,
): Promise<User> {
  assertCan(ctx, "akun:kelola", ANY);
  const actor = ctx.viewer!;
  const subject = await findSubject(ctx, userId);
  if (!mayAdminister(ctx, subject)) throw forbidden("Anda tidak berwenang mengelola akun ini.");
  const code = action === "TOLAK" ? reasonCode : null;
  // a chosen reason speaks for itself; the admin's words are then optional, except for "Alasan lain"
  const { alasan: words } = parseInput(alasanSchema(code ? code === "LAINNYA" : ACCOUNT_TRANSITIONS[action].reasonRequired), { alasan: reasonRaw });
  const reason = code ? kalimatAlasan(code, words) : words;
  const to = nextAccountStatus(action, subject.status);
  if (!to) {
    throw new InvalidStateError("INVALID_ACCOUNT_STATE", `Tindakan ini tidak dapat dilakukan pada akun yang berstatus ${STATUS_LABEL[subject.status]}.`);
  }
  const text = NOTIFY_TEXT[action](reason);
  const { user, events } = await ctx.prisma.$transaction(async (tx) => {
    // conditional on the status we read, so two admins acting at once cannot both succeed
    const { count } = await tx.user.updateMany({
      where: { id: subject.id, status: subject.status },
      data: {
        status: to,
        statusReason: reason,
        statusReasonCode: code,
        ...(action === "PULIHKAN" || action === "AKTIVASI" ? { failedLogins: 0, lockedUntil: null } : {}),
      },
    });
    if (count === 0) throw new ConflictError("STALE_STATE", "Status akun baru saja diubah oleh admin lain. Muat ulang dan periksa kembali.");
    if (action === "TANGGUHKAN") {
      await tx.session.updateMany({ where: { userId: subject.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await tx.accountAction.create({ data: { userId: subject.id, actorId: actor.id, kind: action, reason, reasonCode: code } });
    const events = await createNotifications(tx, [{ userId: subject.id, kind: `AKUN_${action}`, ...text, data: { status: to } }]);
    const user = await tx.user.findUniqueOrThrow({ where: { id: subject.id } });
    const common = { nama: user.namaLengkap, pengirim: "Loket" };
    const mail =
      action === "TOLAK"
        ? akunDitolak({
            ...common,
            alasan: reason ?? "",
            perbaiki: code ? ALASAN_PENOLAKAN[code].perbaiki : null,
            tautan: `${ctx.config.publicUrl}/status-akun`,
          })
        : action === "TANGGUHKAN"
          ? akunDitangguhkan({ ...common, alasan: reason })
          : akunDiaktifkan({ ...common, tautan: `${ctx.config.publicUrl}/masuk` });
    await enqueueEmail(tx, { to: user.email, ...mail, kategori: "STATUS_AKUN" });
    return { user, events };
  });
  ctx.sessions.invalidateUser(user.id);
  ctx.pubsub.publish("account:status", user.id, { userId: user.id, status: user.status, reason, at: new Date().toISOString() });
  publishNotifications(ctx.pubsub, events);
  ctx.mail?.kick();
  return user;
}

export interface CreateStaffInput extends ContactInput {
  identityType: IdentityType;
  nomorIdentitas: string;
  password: string;
  role: Role;
  instansiId: string | null;
}

const ROLE_REFUSED = "Anda tidak berwenang memberikan peran ini.";

/** Staff and superadmin accounts are created active by an authorised person (or the CLI: no caller), not self-registered. */
export async function createStaffAccount(
  prisma: Context["prisma"],
  keys: Context["keys"],
  config: Context["config"],
  caller: Caller | null,
  input: CreateStaffInput,
): Promise<User> {
  if (caller) {
    assertCan(caller, "akun:beriPeran", ANY, undefined, ROLE_REFUSED);
    if (!mayAssignRole(caller, input.role, input.instansiId)) throw forbidden(ROLE_REFUSED);
  }
  const actor = caller?.viewer ?? null;
  const problems = new Problems();
  if (roleHasInstansi(input.role) && !input.instansiId) {
    problems.add("INSTANSI_REQUIRED", "Petugas dan admin harus terdaftar pada sebuah instansi.", "instansiId");
  }
  const number = problems.check(() => parseIdentity(input.identityType, input.nomorIdentitas));
  const contact = problems.parse(kontakSchema, input);
  const weak = checkPasswordStrength(input.password, [number ?? input.nomorIdentitas.replace(/\s+/g, "")]);
  if (weak) problems.add(weak.code, weak.message, "password");
  if (input.instansiId && !(await prisma.instansi.findUnique({ where: { id: input.instansiId }, select: { id: true } }))) {
    problems.report(new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId"));
  }
  problems.throwIfAny();
  if (number === undefined || contact === undefined) throw new Error("createStaffAccount: checked input missing"); // unreachable
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          id,
          ...protectIdentity(keys, id, input.identityType, number),
          ...contact,
          passwordHash,
          role: input.role,
          instansiId: roleHasInstansi(input.role) ? input.instansiId : null,
          status: "AKTIF",
          consentTermsVersion: config.termsVersion,
          consentPrivacyVersion: config.privacyVersion,
          consentAt: new Date(),
        },
      });
      await tx.accountAction.create({ data: { userId: id, actorId: actor?.id ?? null, kind: "AKTIVASI", reason: `Dibuat sebagai ${input.role}` } });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("IDENTITY_TAKEN", `${input.identityType} ini sudah terdaftar.`, "nomorIdentitas");
    throw err;
  }
}

export async function setRole(ctx: Context, userId: string, role: Role, instansiId: string | null): Promise<User> {
  assertCan(ctx, "akun:beriPeran", ANY, undefined, ROLE_REFUSED);
  const actor = ctx.viewer!;
  const subject = await findSubject(ctx, userId);
  if (!mayAdminister(ctx, subject) || !mayAssignRole(ctx, role, instansiId)) throw forbidden(ROLE_REFUSED);
  if (subject.status !== "AKTIF") throw new InvalidStateError("INVALID_ACCOUNT_STATE", "Peran hanya dapat diubah pada akun yang aktif.");
  if (instansiId && !(await ctx.prisma.instansi.findUnique({ where: { id: instansiId }, select: { id: true } }))) {
    throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
  }
  const user = await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { role, instansiId: roleHasInstansi(role) ? instansiId : null } });
    await tx.accountAction.create({ data: { userId, actorId: actor.id, kind: "UBAH_PERAN", reason: `${subject.role} → ${role}` } });
    return user;
  });
  ctx.sessions.invalidateUser(userId);
  return user;
}

/** The full NIK/NIP of an account the caller may see (the field's scope checked it); a read of another's is audited. */
export async function revealNomorIdentitas(ctx: Context, user: User): Promise<string> {
  await auditRead(ctx, "User.nomorIdentitas", user.id, { jenis: "User", id: user.id });
  return revealIdentity(ctx.keys, user);
}

/** Everything Loket holds about the signed-in person (UU 27/2022 right of access), as plain JSON. */
export async function exportMyData(ctx: Context): Promise<Record<string, unknown>> {
  const v = ctx.viewer!;
  const user = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: v.id },
    include: {
      instansi: { select: { kode: true, nama: true } },
      sessions: { orderBy: { createdAt: "desc" } },
      notifications: { orderBy: { createdAt: "desc" } },
      accountActions: { orderBy: { createdAt: "asc" } },
      berkasIdentitas: { orderBy: { createdAt: "asc" }, include: { file: { select: { namaAsli: true, mime: true, ukuran: true } } } },
    },
  });
  return {
    dibuatPada: new Date().toISOString(),
    keterangan:
      "Salinan seluruh data pribadi Anda yang disimpan Loket (hak akses subjek data, UU 27/2022). Kata sandi disimpan sebagai hash dan tidak dapat ditampilkan.",
    akun: {
      id: user.id,
      jenisIdentitas: user.identityType,
      nomorIdentitas: revealIdentity(ctx.keys, user),
      namaLengkap: user.namaLengkap,
      email: user.email,
      emailTerverifikasi: user.emailVerifiedAt?.toISOString() ?? null,
      telepon: user.telepon,
      peran: user.role,
      status: user.status,
      alasanStatus: user.statusReason,
      instansi: user.instansi,
      dibuat: user.createdAt.toISOString(),
      diperbarui: user.updatedAt.toISOString(),
      kataSandiTerakhirDiubah: user.passwordChangedAt.toISOString(),
    },
    persetujuan: {
      versiSyaratKetentuan: user.consentTermsVersion,
      versiKebijakanPrivasi: user.consentPrivacyVersion,
      waktu: user.consentAt.toISOString(),
    },
    berkasIdentitas: user.berkasIdentitas.map((b) => ({
      jenis: b.jenis,
      namaFile: b.file.namaAsli,
      jenisFile: b.file.mime,
      ukuran: b.file.ukuran,
      diganti: b.diganti,
      diunggah: b.createdAt.toISOString(),
      unduh: `${ctx.config.publicUrl}/unduh/identitas/${b.id}`,
    })),
    riwayatAkun: user.accountActions.map((a) => ({ tindakan: a.kind, alasan: a.reason, waktu: a.createdAt.toISOString() })),
    sesi: user.sessions.map((s) => ({
      dibuat: s.createdAt.toISOString(),
      terakhirAktif: s.lastSeenAt.toISOString(),
      berakhir: s.expiresAt.toISOString(),
      dicabut: s.revokedAt?.toISOString() ?? null,
      alamatIp: s.ipAddress,
      perangkat: s.userAgent,
    })),
    notifikasi: user.notifications.map((n) => ({
      jenis: n.kind,
      judul: n.judul,
      isi: n.isi,
      dibaca: n.readAt?.toISOString() ?? null,
      waktu: n.createdAt.toISOString(),
    })),
  };
}
