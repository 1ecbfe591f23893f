import type { PrismaClient } from "../generated/prisma/client";

/**
 * Takes the lease `name` for `ms` when nobody holds it (no row, or an expired one): one conditional statement,
 * so of several instances asking at once exactly one gets it. The database's clock decides expiry, so the
 * instances' clocks need not agree. Used for periodic jobs that must run once per period across instances.
 */
export async function takeLease(prisma: Pick<PrismaClient, "$executeRaw">, name: string, holder: string, ms: number): Promise<boolean> {
  const taken = await prisma.$executeRaw`
    INSERT INTO "JobLease" ("name", "holder", "until") VALUES (${name}, ${holder}, now() + ${Math.round(ms)}::int * interval '1 millisecond')
    ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "until" = EXCLUDED."until"
    WHERE "JobLease"."until" <= now()`;
  return taken === 1;
}
