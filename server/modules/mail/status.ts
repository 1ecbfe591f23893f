import type { Context } from "../../context";
import { ANY, assertCan } from "../../policy";
import { EMAIL_KIND } from "./outbox";

/** The state of the install's email: is an SMTP server set, and what waits or failed in the outbox. */
export interface PengirimanEmail {
  /** SMTP_URL is set on the instance that answered */
  smtpTerkonfigurasi: boolean;
  /** emails not sent yet (waiting for SMTP, or for their next try) */
  menunggu: number;
  /** emails given up after every retry (Outbox status FAILED) */
  gagal: number;
  /** when the oldest waiting email was queued */
  tertuaSejak: Date | null;
}

/** One grouped read of the email rows by status (the outbox index is on status). */
export async function pengirimanEmail(ctx: Context): Promise<PengirimanEmail> {
  assertCan(ctx, "email:lihatPengiriman", ANY);
  const groups = await ctx.prisma.outbox.groupBy({
    by: ["status"],
    where: { kind: EMAIL_KIND, status: { in: ["PENDING", "FAILED"] } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const pending = groups.find((g) => g.status === "PENDING");
  const failed = groups.find((g) => g.status === "FAILED");
  return {
    smtpTerkonfigurasi: !!ctx.config.smtpUrl,
    menunggu: pending?._count._all ?? 0,
    gagal: failed?._count._all ?? 0,
    tertuaSejak: pending?._min.createdAt ?? null,
  };
}
