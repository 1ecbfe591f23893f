import { isObjectType, type GraphQLResolveInfo } from "graphql";
import type { Context } from "../context";
import { resolveNodes } from "@pothos/plugin-relay";
import { builder } from "./builder";
import { parseGlobalId } from "../lib/global-id";

/**
 * `node(id)` and `nodes(ids)` as Relay defines them, except that an ID that is not a Loket global ID (not
 * base64, no `Type:uuid`, a type that is no Node) is answered like the ID of a row that does not exist: null.
 * (The relay plugin's own fields decode their arguments before resolving, so a malformed ID was an error, and
 * a missing row an internal error, since prismaNode loads with findUniqueOrThrow.)
 */
builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => one(String(args.id), ctx, info) as never,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx, info) => Promise.all(args.ids.map((id) => one(String(id), ctx, info))) as never,
  }),
}));

/** One node, or null when the ID is not a Loket ID or its row does not exist (Prisma's "not found", P2025). */
async function one(globalID: string, ctx: Context, info: GraphQLResolveInfo): Promise<unknown> {
  const id = known(globalID, info.schema);
  if (!id) return null;
  try {
    return (await resolveNodes(builder, ctx, info, [id]))[0] ?? null;
  } catch (err) {
    if ((err as { code?: string }).code === "P2025") return null;
    throw err;
  }
}

function known(globalID: string, schema: import("graphql").GraphQLSchema) {
  const parsed = parseGlobalId(globalID);
  const type = parsed && schema.getType(parsed.typename);
  return type && isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node") ? parsed : null;
}
