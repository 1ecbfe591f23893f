import { builder } from "../../schema/builder";
import { ANY } from "../../policy";
import * as status from "./status";

const PengirimanEmailRef = builder.objectRef<status.PengirimanEmail>("PengirimanEmail").implement({
  description: "Whether emails go out: the SMTP setting and the outbox's waiting and failed emails (the whole install)",
  fields: (t) => ({
    smtpTerkonfigurasi: t.exposeBoolean("smtpTerkonfigurasi", { description: "SMTP_URL is set; without it emails wait in the outbox and nothing is lost" }),
    menunggu: t.exposeInt("menunggu", { description: "Emails not sent yet" }),
    gagal: t.exposeInt("gagal", { description: "Emails given up after every retry" }),
    tertuaSejak: t.expose("tertuaSejak", { type: "DateTime", nullable: true, description: "When the oldest waiting email was queued" }),
  }),
});

builder.queryFields((t) => ({
  pengirimanEmail: t.field({
    type: PengirimanEmailRef,
    description: "Whether emails can be sent and how many wait (ADMIN, SUPERADMIN): the admin pages' banner",
    authScopes: { can: { action: "email:lihatPengiriman", on: ANY } },
    resolve: (_r, _a, ctx) => status.pengirimanEmail(ctx),
  }),
}));
