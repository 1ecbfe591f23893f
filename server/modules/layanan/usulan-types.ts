import { builder } from "../../schema/builder";
import { personal } from "../../schema/sensitivity";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { InstansiRef } from "../instansi/types";
import * as usulan from "./usulan";

export const UsulanLayananRef = builder.prismaNode("UsulanLayanan", {
  id: { field: "id" },
  description: "A service someone told the office it lacks; seen by the office's admins",
  authScopes: (u) => ({ can: { action: "layanan:kelolaUsulan", on: u } }),
  fields: (t) => ({
    uraian: t.exposeString("uraian"),
    kontak: t.string({
      nullable: true,
      description: "How to answer the sender, when given (personal data)",
      resolve: (u, _a, ctx) => usulan.bukaKontak(ctx, u),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    ditanganiAt: t.expose("ditanganiAt", { type: "DateTime", nullable: true }),
  }),
});

type Kelompok = Awaited<ReturnType<typeof usulan.daftarUsulan>>[number];

const KelompokRef = builder.objectRef<Kelompok>("KelompokUsulanLayanan").implement({
  description: "Similar requests for one missing service, counted together",
  fields: (t) => ({
    kunci: t.exposeString("kunci", { description: "The significant words the group shares" }),
    jumlah: t.exposeInt("jumlah"),
    uraian: t.exposeString("uraian", { description: "The most recent wording" }),
    variasi: t.exposeStringList("variasi", { description: "Up to five different wordings, most recent first" }),
    pertamaAt: t.expose("pertamaAt", { type: "DateTime" }),
    terakhirAt: t.expose("terakhirAt", { type: "DateTime" }),
    usulan: t.field({ type: [UsulanLayananRef], resolve: (g) => g.usulan }),
  }),
});

builder.queryFields((t) => ({
  usulanLayanan: t.field({
    type: [KelompokRef],
    description: "The office's requests for missing services, similar ones together, largest group first (its admins)",
    authScopes: (_r, args) => ({ can: { action: "layanan:kelolaUsulan", on: { instansiId: String(args.instansiId.id) } } }),
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      ditangani: t.arg.boolean({ required: false, description: "true: those already handled (default: open ones)" }),
    },
    resolve: (_r, args, ctx) => usulan.daftarUsulan(ctx, String(args.instansiId.id), !!args.ditangani),
  }),
}));

builder.mutationFields((t) => ({
  usulkanLayanan: t.boolean({
    description: "Tell an office which service one needs and it does not offer (anyone; limited per address)",
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      uraian: t.arg.string({ required: true }),
      kontak: t.arg.string({ required: false, ...personal }),
    },
    resolve: (_r, args, ctx) => usulan.usulkanLayanan(ctx, { instansiId: String(args.instansiId.id), uraian: args.uraian, kontak: args.kontak }),
  }),
  tanganiUsulanLayanan: t.int({
    description: "Mark requests of the office handled (returns how many changed)",
    authScopes: (_r, args) => ({ can: { action: "layanan:kelolaUsulan", on: { instansiId: String(args.instansiId.id) } } }),
    errors: { types: [ValidationError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      ids: t.arg.globalIDList({ required: true, for: UsulanLayananRef }),
    },
    resolve: (_r, args, ctx) =>
      usulan.tanganiUsulan(
        ctx,
        String(args.instansiId.id),
        args.ids.map((g) => String(g.id)),
      ),
  }),
}));
