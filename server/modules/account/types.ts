import { builder } from "../../schema/builder";
import { secret, identifier, personal, safe } from "../../schema/sensitivity";
import { follow as followBus, isResync } from "../../pubsub";
import { q, onlyScalars } from "../../lib/query";
import type { Prisma, User } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, LoginError, NotFoundError, ValidationError } from "../../lib/errors";
import { AccountStatus, IdentityType, Role } from "../../schema/enums";
import { revealIdentity } from "../identity/protect";
import { canAdminister } from "./rules";
import * as service from "./service";
import * as emailTokens from "./email-tokens";
import { auditRead } from "../audit/service";
import type { Context } from "../../context";

function isSelf(user: { id: string }, ctx: Context) {
  return ctx.viewer?.id === user.id;
}
function administers(user: User, ctx: Context) {
  return !!ctx.viewer && ctx.viewer.status === "AKTIF" && canAdminister(ctx.viewer, user);
}

export const AccountActionRef = builder.prismaObject("AccountAction", {
  description: "One recorded change to an account (who, when, why)",
  fields: (t) => ({
    kind: t.expose("kind", { type: builder.enumType("AccountActionKind", { values: ["DAFTAR", "AKTIVASI", "TOLAK", "TANGGUHKAN", "PULIHKAN", "UBAH_PERAN"] as const }) }),
    reason: t.exposeString("reason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    actorName: t.string({
      nullable: true,
      description: "Name of the admin who acted (null for the applicant's own registration)",
      select: { actor: { select: { namaLengkap: true } } },
      resolve: (a) => a.actor?.namaLengkap ?? null,
    }),
  }),
});

export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  description: "An account. Visible to its owner and to the admins who may administer it.",
  authScopes: (user, ctx) => isSelf(user, ctx) || administers(user, ctx),
  fields: (t) => ({
    role: t.expose("role", { type: Role }),
    status: t.expose("status", { type: AccountStatus }),
    statusReason: t.exposeString("statusReason", { nullable: true, description: "Why the account was rejected or suspended" }),
    identityType: t.expose("identityType", { type: IdentityType }),
    nomorIdentitasMasked: t.exposeString("identityMasked", { description: "NIK/NIP masked for display, e.g. 3519********0001" }),
    nomorIdentitas: t.string({
      description: "The full NIK/NIP: only for the owner and the admins who administer the account",
      authScopes: (user, _args, ctx) => isSelf(user, ctx) || administers(user, ctx),
      resolve: async (user, _args, ctx) => {
        await auditRead(ctx, "User.nomorIdentitas", user.id, { jenis: "User", id: user.id });
        return revealIdentity(ctx.keys, user);
      },
    }),
    namaLengkap: t.exposeString("namaLengkap"),
    email: t.exposeString("email"),
    emailVerified: t.boolean({ resolve: (u) => u.emailVerifiedAt !== null }),
    telepon: t.exposeString("telepon"),
    instansi: t.relation("instansi", { nullable: true }),
    consentTermsVersion: t.exposeString("consentTermsVersion"),
    consentPrivacyVersion: t.exposeString("consentPrivacyVersion"),
    consentAt: t.expose("consentAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    history: t.relation("accountActions", { query: { orderBy: { createdAt: "asc" } }, description: "Account history, oldest first" }),
  }),
});

const AuthPayload = builder.objectRef<{ token: string; user: User }>("AuthPayload").implement({
  description: "A new session. Browsers also get it as an HttpOnly cookie; integrations send it as `Authorization: Bearer <token>`.",
  fields: (t) => ({
    token: t.exposeString("token"),
    user: t.field({ type: UserRef, resolve: (p) => p.user }),
  }),
});

const RegisterInput = builder.inputType("RegisterInput", {
  fields: (t) => ({
    identityType: t.field({ type: IdentityType, required: true, description: "NIK for citizens, NIP for civil servants" }),
    nomorIdentitas: t.string({ required: true, ...identifier }),
    namaLengkap: t.string({ required: true, ...personal }),
    email: t.string({ required: true, ...personal }),
    telepon: t.string({ required: true, ...personal }),
    password: t.string({ required: true, ...secret }),
    setujuSyaratKetentuan: t.boolean({ required: true }),
    setujuKebijakanPrivasi: t.boolean({ required: true }),
    versiSyaratKetentuan: t.string({ required: true, ...safe, description: "The version of the terms the person was shown (Query.legalVersions)" }),
    versiKebijakanPrivasi: t.string({ required: true, ...safe }),
  }),
});

const LegalVersions = builder.objectRef<{ syaratKetentuan: string; kebijakanPrivasi: string }>("LegalVersions").implement({
  fields: (t) => ({ syaratKetentuan: t.exposeString("syaratKetentuan"), kebijakanPrivasi: t.exposeString("kebijakanPrivasi") }),
});

const UserFilter = builder.inputType("UserFilter", {
  fields: (t) => ({
    status: t.field({ type: AccountStatus, required: false }),
    role: t.field({ type: Role, required: false }),
    search: t.string({ required: false, ...personal, description: "Part of the name or email" }),
    instansiId: t.globalID({ required: false, description: "Only the staff of this instansi (citizens and SUPERADMINs belong to none)" }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: "User",
    nullable: true,
    authScopes: { public: true },
    description: "The signed-in account, or null",
    resolve: (query, _root, _args, ctx) => {
      if (!ctx.viewer) return null;
      // the session lookup already loaded the row: reuse it unless relations were asked for
      if (ctx.viewerUser && onlyScalars(query)) return ctx.viewerUser;
      return ctx.prisma.user.findUnique({ ...q(query), where: { id: ctx.viewer.id } });
    },
  }),
  legalVersions: t.field({
    type: LegalVersions,
    description: "Current versions of the terms of use and the privacy policy, to which registration consents",
    resolve: (_r, _a, ctx) => ({ syaratKetentuan: ctx.config.termsVersion, kebijakanPrivasi: ctx.config.privacyVersion }),
  }),
  users: t.prismaConnection({
    type: "User",
    cursor: "id",
    totalCount: (_parent, args, ctx) => ctx.prisma.user.count({ where: administeredUsers(ctx, args.filter) }),
    authScopes: { role: ["ADMIN", "SUPERADMIN"] },
    description: "Accounts the caller administers: citizens, and the staff of the caller's instansi (all for SUPERADMIN). Oldest first.",
    args: { filter: t.arg({ type: UserFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.user.findMany({ ...q(query), where: administeredUsers(ctx, args.filter), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  }),
  myData: t.field({
    type: "JSON",
    authScopes: { authenticated: true },
    description: "Everything Loket holds about me, as JSON (right of access, UU 27/2022)",
    resolve: (_r, _a, ctx) => service.exportMyData(ctx),
  }),
}));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function administeredUsers(
  ctx: Context,
  filter: { status?: User["status"] | null; role?: User["role"] | null; search?: string | null; instansiId?: { id: string } | null } | null | undefined,
): Prisma.UserWhereInput {
  const v = ctx.viewer!;
  const search = filter?.search?.trim();
  return {
    ...(v.role === "SUPERADMIN" ? {} : { OR: [{ role: "PEMOHON" }, { instansiId: v.instansiId, role: { not: "SUPERADMIN" } }] }),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.role ? { role: filter.role } : {}),
    // a malformed id names no instansi (and must not reach the uuid column)
    ...(filter?.instansiId ? (UUID.test(String(filter.instansiId.id)) ? { instansiId: String(filter.instansiId.id) } : { id: { in: [] } }) : {}),
    ...(search
      ? { AND: [{ OR: [{ namaLengkap: { contains: search, mode: "insensitive" } }, { email: { contains: search.toLowerCase() } }] }] }
      : {}),
    NOT: { id: v.id },
  };
}

const reasonArg = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => t.arg.string({ required: false, ...safe });

builder.mutationFields((t) => {
  const adminAction = (action: service.AccountTransitionName, description: string, withReason: boolean) =>
    t.prismaField({
      type: "User",
      description,
      authScopes: { role: ["ADMIN", "SUPERADMIN"] },
      errors: { types: [ValidationError, NotFoundError, InvalidStateError, ConflictError] },
      args: {
        userId: t.arg.globalID({ required: true, for: UserRef }),
        ...(withReason ? { alasan: reasonArg(t) } : {}),
      },
      resolve: async (_query, _root, args, ctx) => {
        return service.administerAccount(ctx, action, args.userId.id, (args as { alasan?: string | null }).alasan);
      },
    });
  return {
    register: t.field({
      type: AuthPayload,
      description: "Citizen self-registration. The account waits for an admin's activation (status MENUNGGU_AKTIVASI); the returned session can only read its own account and watch its activation.",
      errors: { types: [ValidationError, ConflictError] },
      args: { input: t.arg({ type: RegisterInput, required: true }) },
      resolve: (_root, args, ctx) => service.register(ctx, args.input),
    }),
    login: t.field({
      type: AuthPayload,
      description: "Log in with NIK/NIP and password",
      errors: { types: [ValidationError, LoginError] },
      args: { nomorIdentitas: t.arg.string({ required: true, ...identifier }), password: t.arg.string({ required: true, ...secret }) },
      resolve: (_root, args, ctx) => service.login(ctx, args),
    }),
    logout: t.int({
      authScopes: { authenticated: true },
      description: "End this session (returns sessions ended)",
      resolve: (_r, _a, ctx) => service.logout(ctx, false),
    }),
    logoutEverywhere: t.int({
      authScopes: { authenticated: true },
      description: "End every session of my account on every device (returns sessions ended)",
      resolve: (_r, _a, ctx) => service.logout(ctx, true),
    }),
    changePassword: t.prismaField({
      type: "User",
      authScopes: { active: true },
      description: "Change my password; every other session of mine ends",
      errors: { types: [ValidationError] },
      args: { passwordLama: t.arg.string({ required: true, ...secret }), passwordBaru: t.arg.string({ required: true, ...secret }) },
      resolve: async (_query, _r, args, ctx) => {
        return service.changePassword(ctx, args);
      },
    }),
    updateProfile: t.prismaField({
      type: "User",
      authScopes: { authenticated: true },
      description: "Correct my name, email or phone (the NIK/NIP is corrected only by an admin)",
      errors: { types: [ValidationError] },
      args: {
        namaLengkap: t.arg.string({ required: false, ...personal }),
        email: t.arg.string({ required: false, ...personal }),
        telepon: t.arg.string({ required: false, ...personal }),
      },
      resolve: async (_query, _r, args, ctx) => {
        return service.updateProfile(ctx, {
          namaLengkap: args.namaLengkap ?? undefined,
          email: args.email ?? undefined,
          telepon: args.telepon ?? undefined,
        });
      },
    }),
    verifyEmail: t.boolean({
      description: "Confirm the email address with the token from the verification link (works without logging in)",
      errors: { types: [ValidationError, InvalidStateError] },
      args: { token: t.arg.string({ required: true, ...secret }) },
      resolve: async (_r, args, ctx) => !!(await emailTokens.verifyEmail(ctx, args.token)),
    }),
    resendVerificationEmail: t.boolean({
      authScopes: { authenticated: true },
      description: "Send a new verification link to my address",
      errors: { types: [InvalidStateError] },
      resolve: (_r, _a, ctx) => emailTokens.resendVerification(ctx),
    }),
    requestPasswordReset: t.boolean({
      description: "Email a one-time link to set a new password. Answers true whether or not the account exists.",
      errors: { types: [ValidationError] },
      args: { nomorIdentitasAtauEmail: t.arg.string({ required: true, ...identifier }) },
      resolve: (_r, args, ctx) => emailTokens.requestPasswordReset(ctx, args.nomorIdentitasAtauEmail),
    }),
    resetPassword: t.boolean({
      description: "Set a new password with the token from the reset link; every session of the account ends",
      errors: { types: [ValidationError] },
      args: { token: t.arg.string({ required: true, ...secret }), passwordBaru: t.arg.string({ required: true, ...secret }) },
      resolve: (_r, args, ctx) => emailTokens.resetPassword(ctx, args.token, args.passwordBaru),
    }),
    activateAccount: adminAction("AKTIVASI", "Activate a registered account (after checking the identity)", false),
    rejectAccount: adminAction("TOLAK", "Reject a registration, with the reason the applicant will see", true),
    suspendAccount: adminAction("TANGGUHKAN", "Suspend an active account (ends its sessions), with a reason", true),
    reinstateAccount: adminAction("PULIHKAN", "Lift a suspension", false),
    createStaffAccount: t.prismaField({
      type: "User",
      authScopes: { role: ["ADMIN", "SUPERADMIN"] },
      description: "Create an active staff account (PETUGAS, ADMIN, PPID, ATASAN_PPID) for an instansi; SUPERADMIN may also create SUPERADMINs",
      errors: { types: [ValidationError, ConflictError, NotFoundError] },
      args: {
        identityType: t.arg({ type: IdentityType, required: true }),
        nomorIdentitas: t.arg.string({ required: true, ...identifier }),
        namaLengkap: t.arg.string({ required: true, ...personal }),
        email: t.arg.string({ required: true, ...personal }),
        telepon: t.arg.string({ required: true, ...personal }),
        password: t.arg.string({ required: true, ...secret }),
        role: t.arg({ type: Role, required: true }),
        instansiId: t.arg.globalID({ required: false }),
      },
      resolve: async (_query, _r, args, ctx) => {
        return service.createStaffAccount(ctx.prisma, ctx.keys, ctx.config, ctx.viewer, {
          ...args,
          instansiId: args.instansiId?.id ?? null,
        });
      },
    }),
    setUserRole: t.prismaField({
      type: "User",
      authScopes: { role: ["ADMIN", "SUPERADMIN"] },
      errors: { types: [NotFoundError, InvalidStateError] },
      args: {
        userId: t.arg.globalID({ required: true, for: UserRef }),
        role: t.arg({ type: Role, required: true }),
        instansiId: t.arg.globalID({ required: false }),
      },
      resolve: async (_query, _r, args, ctx) => {
        return service.setRole(ctx, args.userId.id, args.role, args.instansiId?.id ?? null);
      },
    }),
  };
});

type AccountStatusEventShape = { status: User["status"]; reason: string | null; at: string };
const AccountStatusEvent = builder.objectRef<AccountStatusEventShape>("AccountStatusEvent").implement({
  fields: (t) => ({
    status: t.expose("status", { type: AccountStatus }),
    reason: t.exposeString("reason", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

builder.subscriptionFields((t) => ({
  myAccountStatus: t.field({
    type: AccountStatusEvent,
    authScopes: { authenticated: true },
    description: "My account's status: the current one at once, then every change (activation, rejection, suspension)",
    subscribe: (_root, _args, ctx) => withCurrent(ctx),
    resolve: (event) => event as never,
  }),
}));

async function* withCurrent(ctx: Context) {
  // subscribe first, then read: a change landing between the two is not missed
  const iterator = followBus(ctx.pubsub, "account:status", ctx.viewer!.id);
  const read = async () => {
    const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.viewer!.id }, select: { status: true, statusReason: true, updatedAt: true } });
    return { status: user.status, reason: user.statusReason, at: user.updatedAt.toISOString() };
  };
  try {
    let last = await read();
    yield last;
    for await (const event of iterator) {
      if (isResync(event)) {
        // a change made while Redis was away never arrives: the current status, when it is another
        const now = await read();
        if (now.status === last.status && now.reason === last.reason) continue;
        yield (last = now);
        continue;
      }
      yield (last = event);
    }
  } finally {
    await iterator.return(undefined);
  }
}
