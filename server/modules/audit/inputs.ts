import {
  getNamedType,
  isInputObjectType,
  Kind,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Keys } from "../../lib/crypto";
import { declaredSensitivity, effectiveSensitivity, unwrapList, type Sensitivity } from "../../schema/sensitivity";
import { identityIndex, identityTypeOf } from "../identity/protect";
import { maskIdentity } from "../../shared/nik";

/**
 * The arguments of an operation as the audit trail may keep them, read from the schema's declarations
 * (server/schema/sensitivity.ts). Values come from the variables AND from literals written in the query text:
 * both are read from the document, so `login(nomorIdentitas: "3519…", password: "…")` is covered like
 * `login(nomorIdentitas: $nik, password: $pw)`. The query text itself is never stored.
 */

type Variables = Record<string, unknown> | null | undefined;

export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
}

/** The root fields of the operation (through fragments), with response key and argument nodes. */
function rootFields(document: DocumentNode, op: OperationDefinitionNode) {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const out: Array<{ key: string; name: string; node: import("graphql").FieldNode }> = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push({ key: s.alias?.value ?? s.name.value, name: s.name.value, node: s });
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(op.selectionSet);
  return out;
}

/** Root fields of the operation, in order: response key (alias) and field name (`Mutation.x,Mutation.y` in the trail). */
export function rootFieldNames(document: DocumentNode, op: OperationDefinitionNode): Array<{ key: string; name: string }> {
  return rootFields(document, op).map((f) => ({ key: f.key, name: f.name }));
}

const NOT_RECORDED = "[tidak dicatat]";
const SECRET = "[rahasia]";
const HIDDEN = "[disembunyikan]";

/**
 * A person's name, email or phone (or a contact line mixing them) as the trail keeps it: enough to tell values
 * apart, not to read them. Emails keep their first letter and domain, numbers their last 3 digits, words their
 * first letter.
 */
export function maskPersonal(value: string): string {
  // phone numbers first, whatever their spacing (+62 812-3456 7890)
  const phones = value.trim().replace(/\+?\d[\d\s().-]*\d/g, (m) => {
    const digits = m.replace(/\D/g, "");
    return digits.length >= 5 ? `${"*".repeat(digits.length - 3)}${digits.slice(-3)}` : "*".repeat(digits.length);
  });
  return phones
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 12)
    .map((w) => {
      const at = w.lastIndexOf("@");
      if (at > 0) return `${w[0]}***@${w.slice(at + 1)}`;
      if (/^\*+\d{0,3}[,;]?$/.test(w)) return w; // a number masked above
      if (/\d/.test(w)) return "*".repeat(w.length);
      return `${w[0]}***`;
    })
    .join(" ");
}

/** NIK/NIP as the blind index (the same as `User.identityIndex`, so an auditor can match an account) and masked. */
function recordIdentifier(value: unknown, keys: Keys): unknown {
  if (typeof value !== "string") return HIDDEN;
  const digits = value.replace(/\s+/g, "");
  const type = identityTypeOf(digits);
  if (type) return { jenis: type, samaran: maskIdentity(digits), indeksButa: identityIndex(keys, type, digits) };
  if (digits.includes("@")) return maskPersonal(digits);
  return HIDDEN;
}

function truncate(value: unknown): unknown {
  if (typeof value === "string") return value.length > 500 ? `${value.slice(0, 500)}…` : value;
  if (value !== null && typeof value === "object") {
    const json = JSON.stringify(value);
    return json.length > 500 ? `${json.slice(0, 500)}…` : value;
  }
  return value;
}

/** One value as the trail keeps it, by its type and its declaration. */
export function recordValue(type: GraphQLInputType, declared: Sensitivity | null, value: unknown, keys: Keys, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (depth > 6) return NOT_RECORDED;
  const item = unwrapList(type);
  if (item) return (Array.isArray(value) ? value.slice(0, 20) : [value]).map((v) => recordValue(item, declared, v, keys, depth + 1));
  switch (effectiveSensitivity(type, declared)) {
    case "SECRET":
      return SECRET;
    case "IDENTIFIER":
      return recordIdentifier(value, keys);
    case "PERSONAL":
      return typeof value === "string" ? maskPersonal(value) : HIDDEN;
    case "FILE":
      return "[berkas]";
    case "SAFE":
      return truncate(value);
    case "OBJECT": {
      const named = getNamedType(type);
      if (!isInputObjectType(named) || typeof value !== "object" || Array.isArray(value)) return NOT_RECORDED;
      const fields = named.getFields();
      const out: Record<string, unknown> = {};
      // only the schema's own fields: an unknown key in a raw variable is not recorded
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const f = fields[k];
        if (f) out[k] = recordValue(f.type, declaredSensitivity(f), v, keys, depth + 1);
      }
      return out;
    }
    default:
      return NOT_RECORDED;
  }
}

/** The values of one argument of a field: variables substituted, literals as written. */
function argumentValue(node: import("graphql").ArgumentNode | undefined, variables: Variables): unknown {
  if (!node) return undefined;
  return valueFromASTUntyped(node.value, (variables ?? undefined) as Record<string, unknown> | undefined);
}

/**
 * `{ <response key>: { <argument>: recorded value } }` for each root field of the operation. A field that is
 * not in the schema (the request fails validation) is recorded without its arguments.
 */
export function recordArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  op: OperationDefinitionNode,
  variables: Variables,
  keys: Keys,
): Record<string, Record<string, unknown>> {
  const root = schema.getRootType(op.operation);
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of rootFields(document, op)) {
    const def = root?.getFields()[f.name];
    const args: Record<string, unknown> = {};
    for (const a of def?.args ?? []) {
      const node = f.node.arguments?.find((n) => n.name.value === a.name);
      if (!node) continue;
      try {
        args[a.name] = recordValue(a.type, declaredSensitivity(a), argumentValue(node, variables), keys);
      } catch {
        args[a.name] = NOT_RECORDED;
      }
    }
    out[f.key] = args;
  }
  return out;
}

/** Whether a value of this type at a position so declared can hold a SECRET, IDENTIFIER or PERSONAL string. */
function canHoldSensitive(type: GraphQLInputType, declared: Sensitivity | null, seen = new Set<object>()): boolean {
  const item = unwrapList(type);
  if (item) return canHoldSensitive(item, declared, seen);
  const s = effectiveSensitivity(type, declared);
  if (s === "SECRET" || s === "IDENTIFIER" || s === "PERSONAL") return true;
  if (s !== "OBJECT") return false;
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named)) return false; // a recursive input type: decided where it started
  seen.add(named);
  return Object.values(named.getFields()).some((f) => canHoldSensitive(f.type, declaredSensitivity(f), seen));
}

/** Per parsed document (yoga reuses them from its cache): the arguments that can hold a sensitive value. */
const positionsCache = new WeakMap<DocumentNode, Array<{ def: GraphQLArgument; node: import("graphql").ArgumentNode }>>();
function sensitivePositions(schema: GraphQLSchema, document: DocumentNode) {
  let found = positionsCache.get(document);
  if (found) return found;
  const list: Array<{ def: GraphQLArgument; node: import("graphql").ArgumentNode }> = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const def = typeInfo.getArgument();
        if (def && canHoldSensitive(def.type, declaredSensitivity(def))) list.push({ def, node });
      },
    }),
  );
  found = list;
  positionsCache.set(document, found);
  return found;
}

/**
 * Every string in the document's arguments (all fields, all depths, variables substituted) that is declared
 * SECRET, IDENTIFIER or PERSONAL, for the logger and the error formatter to replace wherever it shows up.
 */
export function sensitiveValues(schema: GraphQLSchema, document: DocumentNode, variables: Variables): Set<string> {
  const found = new Set<string>();
  const collect = (type: GraphQLInputType, declared: Sensitivity | null, value: unknown, depth: number) => {
    if (value === null || value === undefined || depth > 8) return;
    const item = unwrapList(type);
    if (item) {
      for (const v of Array.isArray(value) ? value : [value]) collect(item, declared, v, depth + 1);
      return;
    }
    const s = effectiveSensitivity(type, declared);
    if (s === "SECRET" || s === "IDENTIFIER" || s === "PERSONAL") {
      if (typeof value === "string") {
        found.add(value);
        found.add(value.trim());
        if (s === "IDENTIFIER") found.add(value.replace(/\s+/g, ""));
      }
      return;
    }
    if (s === "OBJECT" && typeof value === "object" && !Array.isArray(value)) {
      const named = getNamedType(type);
      if (!isInputObjectType(named)) return;
      const fields = named.getFields();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const f = fields[k];
        if (f) collect(f.type, declaredSensitivity(f), v, depth + 1);
      }
    }
  };
  for (const { def, node } of sensitivePositions(schema, document)) {
    try {
      collect(def.type, declaredSensitivity(def), argumentValue(node, variables), 0);
    } catch {
      // a malformed value: nothing more to learn from it
    }
  }
  // (graphql-js echoes a variable's value when it is not accepted; a variable reaches execution only when it
  // is used, and then it is used in one of the positions visited above)
  found.delete("");
  return found;
}
