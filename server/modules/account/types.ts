import { builder } from "../../schema/builder";
import { secret, identifier, personal, safe } from "../../schema/sensitivity";
import type { User } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, LoginError, NotFoundError, ValidationError } from "../../lib/errors";
import { AccountStatus, IdentityType, Role } from "../../schema/enums";
import { maySeeAccount } from "./policy";
import { followAccountStatus } from "./live";
import { ANY } from "../../policy";
import * as service from "./service";
import * as emailTokens from "./email-tokens";
import { FileScalar } from "../pengajuan/types";
import { mayReadBerkasIdentitas } from "./policy";
import * as berkas from "./berkas-identitas";
import { KODE_ALASAN_PENOLAKAN, type KodeAlasanPenolakan } from "../../shared/berkas-identitas";

export const JenisBerkasIdentitasEnum = builder.enumType("JenisBerkasIdentitas", {
  values: ["KTP", "KK", "SK_ASN"] as const,
  description: "KTP (adults), KK (a minor, by the NIK's birth date), SK_ASN (an ASN's appointment decree, optional)",
});

export const AlasanPenolakanAkun = builder.enumType("AlasanPenolakanAkun", {
  values: KODE_ALASAN_PENOLAKAN,
  description: "Why a registration is refused (labels and what to fix: server/shared/berkas-identitas.ts ALASAN_PENOLAKAN)",
});

export const BerkasIdentitasRef = builder.prismaObject("BerkasIdentitas", {
  description: "A photo or scan of a person's KTP/KK or SK. Personal data: only the person and the admins who may activate them see it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    jenis: t.expose("jenis", { type: JenisBerkasIdentitasEnum }),
    namaFile: t.string({ select: { file: { select: { namaAsli: true } } }, resolve: (b) => b.file.namaAsli }),
    jenisFile: t.string({ description: "MIME type detected from the content", select: { file: { select: { mime: true } } }, resolve: (b) => b.file.mime }),
    ukuran: t.int({ select: { file: { select: { ukuran: true } } }, resolve: (b) => b.file.ukuran }),
    diunggahAt: t.expose("createdAt", { type: "DateTime" }),
    url: t.string({ description: "Download path (/unduh/identitas/:id); each read by someone else is audited", resolve: (b) => `/unduh/identitas/${b.id}` }),
  }),
});

export const AccountActionRef = builder.prismaObject("AccountAction", {
  description: "One recorded change to an account (who, when, why)",
  fields: (t) => ({
    kind: t.expose("kind", {
      type: builder.enumType("AccountActionKind", { values: ["DAFTAR", "AKTIVASI", "TOLAK", "TANGGUHKAN", "PULIHKAN", "UBAH_PERAN", "AJUKAN_ULANG"] as const }),
    }),
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
  authScopes: (user, ctx) => maySeeAccount(ctx, user),
  fields: (t) => ({
    role: t.expose("role", { type: Role }),
    status: t.expose("status", { type: AccountStatus }),
    statusReason: t.exposeString("statusReason", { nullable: true, description: "Why the account was rejected or suspended" }),
    statusReasonCode: t.field({
      type: AlasanPenolakanAkun,
      nullable: true,
      description: "The reason the admin chose when refusing the registration (null: free text only)",
      resolve: (u) => (u.statusReasonCode as KodeAlasanPenolakan | null) ?? null,
    }),
    berkasIdentitas: t.relation("berkasIdentitas", {
      description: "The current KTP/KK photo and SK (not the superseded ones): for the person and the admins who may activate them",
      authScopes: (user, _args, ctx) => mayReadBerkasIdentitas(ctx, user),
      query: { where: { diganti: false }, orderBy: { createdAt: "asc" } },
    }),
    berkasDiharapkan: t.field({
      type: JenisBerkasIdentitasEnum,
      description: "The document to compare the data with: KTP, or KK when the NIK says the person is under 17",
      authScopes: (user, _args, ctx) => mayReadBerkasIdentitas(ctx, user),
      resolve: (user, _args, ctx) => berkas.berkasDiharapkan(ctx, user),
    }),
    tanggalLahir: t.field({
      type: "Date",
      nullable: true,
      description: "The birth date the NIK/NIP carries, to compare with the document",
      authScopes: (user, _args, ctx) => mayReadBerkasIdentitas(ctx, user),
      resolve: (user, _args, ctx) => berkas.tanggalLahir(ctx, user),
    }),
    identityType: t.expose("identityType", { type: IdentityType }),
    nomorIdentitasMasked: t.exposeString("identityMasked", { description: "NIK/NIP masked for display, e.g. 3519********0001" }),
    nomorIdentitas: t.string({
      description: "The full NIK/NIP: only for the owner and the admins who administer the account",
      authScopes: (user, _args, ctx) => maySeeAccount(ctx, user),
      resolve: (user, _args, ctx) => service.revealNomorIdentitas(ctx, user),
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
    fotoIdentitas: t.field({
      type: FileScalar,
      required: false,
      description: "Photo or scan of the KTP (the KK for a minor): PDF, JPG or PNG up to 5 MB. Required; sent as a multipart upload.",
    }),
    skAsn: t.field({ type: FileScalar, required: false, description: "An ASN's SK pengangkatan (optional, NIP only)" }),
  }),
});

const PerbaikanPendaftaranInput = builder.inputType("PerbaikanPendaftaranInput", {
  fields: (t) => ({
    namaLengkap: t.string({ required: false, ...personal }),
    nomorIdentitas: t.string({ required: false, ...identifier, description: "A corrected NIK/NIP (the same kind as registered)" }),
    fotoIdentitas: t.field({ type: FileScalar, required: false, description: "A new KTP/KK photo (the earlier one is kept as history)" }),
    skAsn: t.field({ type: FileScalar, required: false }),
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
    resolve: (query, _root, _args, ctx) => service.me(ctx, query),
  }),
  legalVersions: t.field({
    type: LegalVersions,
    description: "Current versions of the terms of use and the privacy policy, to which registration consents",
    resolve: (_r, _a, ctx) => ({ syaratKetentuan: ctx.config.termsVersion, kebijakanPrivasi: ctx.config.privacyVersion }),
  }),
  users: t.prismaConnection({
    type: "User",
    cursor: "id",
    totalCount: (_parent, args, ctx) => service.countUsers(ctx, userFilter(args.filter)),
    authScopes: { can: { action: "akun:lihatDaftar", on: ANY } },
    description: "Accounts the caller administers: citizens, and the staff of the caller's instansi (all for SUPERADMIN). Oldest first.",
    args: { filter: t.arg({ type: UserFilter, required: false }) },
    resolve: (query, _root, args, ctx) => service.listUsers(ctx, query, userFilter(args.filter)),
  }),
  myData: t.field({
    type: "JSON",
    authScopes: { authenticated: true },
    description: "Everything Loket holds about me, as JSON (right of access, UU 27/2022)",
    resolve: (_r, _a, ctx) => service.exportMyData(ctx),
  }),
}));

function userFilter(
  filter: { status?: User["status"] | null; role?: User["role"] | null; search?: string | null; instansiId?: { id: string } | null } | null | undefined,
) {
  return filter ? { ...filter, instansiId: filter.instansiId ? String(filter.instansiId.id) : null } : null;
}

const reasonArg = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => t.arg.string({ required: false, ...safe });

builder.mutationFields((t) => {
  const adminAction = (action: service.AccountTransitionName, description: string, withReason: boolean) =>
    t.prismaField({
      type: "User",
      description,
      authScopes: { can: { action: "akun:kelola", on: ANY } },
      errors: { types: [ValidationError, NotFoundError, InvalidStateError, ConflictError] },
      args: {
        userId: t.arg.globalID({ required: true, for: UserRef }),
        ...(withReason ? { alasan: reasonArg(t) } : {}),
        ...(action === "TOLAK"
          ? {
              kodeAlasan: t.arg({
                type: AlasanPenolakanAkun,
                required: false,
                description: "The reason chosen from the list; with it `alasan` adds the admin's words (required only for LAINNYA)",
              }),
            }
          : {}),
      },
      resolve: (_query, _root, args, ctx) => {
        const a = args as { alasan?: string | null; kodeAlasan?: KodeAlasanPenolakan | null };
        return service.administerAccount(ctx, action, args.userId.id, a.alasan, a.kodeAlasan ?? null);
      },
    });
  return {
    register: t.field({
      type: AuthPayload,
      description:
        "Citizen self-registration. The account waits for an admin's activation (status MENUNGGU_AKTIVASI); the returned session can only read its own account and watch its activation.",
      errors: { types: [ValidationError, ConflictError] },
      args: { input: t.arg({ type: RegisterInput, required: true }) },
      resolve: (_root, args, ctx) => service.register(ctx, args.input as service.RegisterInput),
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
      resolve: (_query, _r, args, ctx) => service.changePassword(ctx, args),
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
      resolve: (_query, _r, args, ctx) =>
        service.updateProfile(ctx, { namaLengkap: args.namaLengkap ?? undefined, email: args.email ?? undefined, telepon: args.telepon ?? undefined }),
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
    perbaikiPendaftaran: t.prismaField({
      type: "User",
      authScopes: { authenticated: true },
      description:
        "Correct my registration while it waits or after it was refused (a new KTP/KK photo, name, NIK/NIP) and ask for activation again (multipart when files are sent)",
      errors: { types: [ValidationError, ConflictError, InvalidStateError] },
      args: { input: t.arg({ type: PerbaikanPendaftaranInput, required: true }) },
      resolve: (_query, _r, args, ctx) => berkas.perbaikiPendaftaran(ctx, args.input as berkas.PerbaikanInput),
    }),
    activateAccount: adminAction("AKTIVASI", "Activate a registered account (after checking the identity)", false),
    rejectAccount: adminAction("TOLAK", "Reject a registration, with the reason the applicant will see", true),
    suspendAccount: adminAction("TANGGUHKAN", "Suspend an active account (ends its sessions), with a reason", true),
    reinstateAccount: adminAction("PULIHKAN", "Lift a suspension", false),
    createStaffAccount: t.prismaField({
      type: "User",
      authScopes: { can: { action: "akun:beriPeran", on: ANY } },
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
      resolve: (_query, _r, args, ctx) =>
        service.createStaffAccount(ctx.prisma, ctx.keys, ctx.config, ctx, { ...args, instansiId: args.instansiId?.id ?? null }),
    }),
    setUserRole: t.prismaField({
      type: "User",
      authScopes: { can: { action: "akun:beriPeran", on: ANY } },
      errors: { types: [NotFoundError, InvalidStateError] },
      args: {
        userId: t.arg.globalID({ required: true, for: UserRef }),
        role: t.arg({ type: Role, required: true }),
        instansiId: t.arg.globalID({ required: false }),
      },
      resolve: (_query, _r, args, ctx) => service.setRole(ctx, args.userId.id, args.role, args.instansiId?.id ?? null),
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
    subscribe: (_root, _args, ctx) => followAccountStatus(ctx),
    resolve: (event) => event as never,
  }),
}));
