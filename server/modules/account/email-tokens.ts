import type { Context } from "../../context";
import type { Prisma, User } from "../../generated/prisma/client";
import type { EmailTokenKind } from "../../generated/prisma/enums";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { InvalidStateError, ValidationError } from "../../lib/errors";
import { enqueueEmail } from "../mail/outbox";
import { resetPassword as resetPasswordMail, verifikasiEmail } from "../mail/templates";
import { checkPasswordStrength, hashPassword } from "../auth/password";
import { identityIndex, identityTypeOf, revealIdentity } from "../identity/protect";
import { normalizeEmail } from "./rules";

type Tx = Prisma.TransactionClient;

export const VERIFY_TTL_MS = 48 * 3600_000;
export const RESET_TTL_MS = 60 * 60_000;
const RESET_PER_HOUR = 3;

/**
 * One-time links sent by email: address verification at registration (and after an address change) and
 * password reset. Only a SHA-256 of the token is stored; a token works once, until it expires.
 */
async function issue(tx: Tx, ctx: Context, user: Pick<User, "id" | "email" | "namaLengkap">, kind: EmailTokenKind) {
  const token = randomToken(32);
  const ttl = kind === "VERIFIKASI_EMAIL" ? VERIFY_TTL_MS : RESET_TTL_MS;
  const expiresAt = new Date(Date.now() + ttl);
  // an older unused link of the same kind stops working: only the newest one counts
  await tx.emailToken.updateMany({ where: { userId: user.id, kind, usedAt: null }, data: { usedAt: new Date() } });
  await tx.emailToken.create({ data: { userId: user.id, kind, tokenHash: sha256Hex(token), email: user.email, expiresAt } });
  const common = { nama: user.namaLengkap, pengirim: "Loket", berlakuSampai: expiresAt };
  const mail =
    kind === "VERIFIKASI_EMAIL"
      ? verifikasiEmail({ ...common, tautan: `${ctx.config.publicUrl}/verifikasi-email?token=${token}` })
      : resetPasswordMail({ ...common, tautan: `${ctx.config.publicUrl}/atur-ulang-sandi?token=${token}` });
  // the link is a credential: the body is stored encrypted and erased once sent (mail/outbox.ts)
  await enqueueEmail(tx, { to: user.email, ...mail, kategori: kind === "VERIFIKASI_EMAIL" ? "VERIFIKASI_EMAIL" : "RESET_PASSWORD" }, { seal: ctx.keys });
}

export function issueVerification(tx: Tx, ctx: Context, user: Pick<User, "id" | "email" | "namaLengkap">) {
  return issue(tx, ctx, user, "VERIFIKASI_EMAIL");
}

async function consume(tx: Tx, token: string, kind: EmailTokenKind) {
  const row = await tx.emailToken.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  const invalid = () =>
    new ValidationError(
      "TOKEN_INVALID",
      kind === "VERIFIKASI_EMAIL"
        ? "Tautan verifikasi tidak valid atau sudah dipakai. Minta tautan baru dari halaman profil."
        : "Tautan atur ulang kata sandi tidak valid atau sudah dipakai. Minta tautan baru.",
      "token",
    );
  if (!row || row.kind !== kind || row.usedAt) throw invalid();
  if (row.expiresAt.getTime() <= Date.now()) {
    throw new ValidationError("TOKEN_EXPIRED", "Tautan sudah kedaluwarsa. Minta tautan baru.", "token");
  }
  // conditional, so two clicks at once cannot both use it
  const { count } = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count === 0) throw invalid();
  return row;
}

export async function verifyEmail(ctx: Context, token: string): Promise<User> {
  const user = await ctx.prisma.$transaction(async (tx) => {
    const row = await consume(tx, token, "VERIFIKASI_EMAIL");
    if (row.email !== row.user.email)
      throw new InvalidStateError("EMAIL_CHANGED", "Alamat email akun sudah diganti sejak tautan ini dikirim. Gunakan tautan terbaru.");
    return tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() } });
  });
  ctx.sessions.invalidateUser(user.id);
  return user;
}

export async function resendVerification(ctx: Context): Promise<boolean> {
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.viewer!.id } });
  if (user.emailVerifiedAt) throw new InvalidStateError("EMAIL_ALREADY_VERIFIED", "Alamat email Anda sudah terverifikasi.");
  await ctx.prisma.$transaction((tx) => issueVerification(tx, ctx, user));
  ctx.mail?.kick();
  return true;
}

/**
 * Always answers the same, whether or not the account exists (no enumeration of NIKs or addresses);
 * sends a link only to an active account's own address, at most three an hour.
 */
export async function requestPasswordReset(ctx: Context, identifier: string): Promise<boolean> {
  const raw = identifier.trim();
  const type = identityTypeOf(raw);
  let user: User | null = null;
  if (type) user = await ctx.prisma.user.findUnique({ where: { identityIndex: identityIndex(ctx.keys, type, raw.replace(/\s+/g, "")) } });
  else {
    const email = normalizeEmail(raw);
    if (!email) throw new ValidationError("IDENTIFIER_INVALID", "Masukkan NIK/NIP atau alamat email akun Anda.", "nomorIdentitasAtauEmail");
    const matches = await ctx.prisma.user.findMany({ where: { email }, take: 2 });
    user = matches.length === 1 ? matches[0]! : null; // an address shared by several accounts needs the NIK/NIP
  }
  if (user?.status !== "AKTIF") return true;
  const recent = await ctx.prisma.emailToken.count({ where: { userId: user.id, kind: "RESET_PASSWORD", createdAt: { gt: new Date(Date.now() - 3600_000) } } });
  if (recent >= RESET_PER_HOUR) return true;
  await ctx.prisma.$transaction((tx) => issue(tx, ctx, user!, "RESET_PASSWORD"));
  ctx.mail?.kick();
  return true;
}

export async function resetPassword(ctx: Context, token: string, passwordBaru: string): Promise<boolean> {
  // check the token before the password so a bad link is reported as such
  const peek = await ctx.prisma.emailToken.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  if (peek && peek.kind === "RESET_PASSWORD" && !peek.usedAt && peek.expiresAt > new Date()) {
    const weak = checkPasswordStrength(passwordBaru, [
      revealIdentity(ctx.keys, peek.user),
      peek.user.email.split("@")[0]!,
      ...peek.user.namaLengkap.split(" "),
    ]);
    if (weak) throw new ValidationError(weak.code, weak.message, "passwordBaru");
  }
  const passwordHash = await hashPassword(passwordBaru);
  const userId = await ctx.prisma.$transaction(async (tx) => {
    const row = await consume(tx, token, "RESET_PASSWORD");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null } });
    // whoever knew the old password is logged out everywhere
    await tx.session.updateMany({ where: { userId: row.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return row.userId;
  });
  ctx.sessions.invalidateUser(userId);
  return true;
}
