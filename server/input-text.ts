import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Text PostgreSQL cannot store (U+0000) and text that is not valid Unicode (a lone surrogate, which no
 * encoder can write as UTF-8) are refused for every operation in one place, before any resolver runs:
 * every argument of every field and directive the operation selects, whether a variable or a literal in the
 * document, nested input objects, lists, JSON values (their keys too) and the names of uploaded files.
 * The answer is a GraphQL error `VALIDATION` whose `field` is the argument's path (`input.nama`, `berkas.0.file`).
 */
export function useTextInputCheck(): Plugin {
  const check = (args: { document: DocumentNode; variableValues?: Record<string, unknown> | null; operationName?: string | null }) => {
    const bad = findBadText(args.document, args.variableValues ?? {}, args.operationName ?? null);
    return bad ? { errors: [badTextError(bad)] } : null;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const result = check(args);
      if (result) setResultAndStopExecution(result);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const result = check(args);
      if (result) setResultAndStopExecution(result);
    },
  };
}

export function badTextError(field: string): GraphQLError {
  return new GraphQLError(`Isian "${field}" memuat karakter yang tidak diperbolehkan (karakter NUL atau karakter Unicode yang tidak utuh).`, {
    extensions: { code: "VALIDATION", field },
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored as text: no U+0000 and no lone surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** The path of the first argument value (variable or literal) of the operation holding unstorable text, or null. */
export function findBadText(document: DocumentNode, variables: Record<string, unknown>, operationName: string | null): string | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null; // graphql-js answers that itself
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const defaults = new Map((operation.variableDefinitions ?? []).flatMap((v) => (v.defaultValue ? [[v.variable.name.value, v.defaultValue] as const] : [])));

  const inJs = (value: unknown, path: string): string | null => {
    if (typeof value === "string") return isStorableText(value) ? null : path;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = inJs(value[i], `${path}.${i}`);
        if (found) return found;
      }
      return null;
    }
    if (isFile(value)) return isStorableText(value.name) && isStorableText(value.type) ? null : path;
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (!isStorableText(k)) return `${path}.${k.replace(/[^\x20-\x7e]/g, "?")}`;
        const found = inJs(v, `${path}.${k}`);
        if (found) return found;
      }
    }
    return null;
  };
  const inAst = (node: ValueNode, path: string): string | null => {
    switch (node.kind) {
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (name in variables) return inJs(variables[name], path);
        const fallback = defaults.get(name); // the variable's default value, a literal
        return fallback ? inAst(fallback, path) : null;
      }
      case Kind.STRING:
        return isStorableText(node.value) ? null : path;
      case Kind.LIST:
        for (let i = 0; i < node.values.length; i++) {
          const found = inAst(node.values[i]!, `${path}.${i}`);
          if (found) return found;
        }
        return null;
      case Kind.OBJECT:
        for (const f of node.fields) {
          const found = inAst(f.value, `${path}.${f.name.value}`);
          if (found) return found;
        }
        return null;
      default:
        return null;
    }
  };
  const inArguments = (node: {
    arguments?: readonly { name: { value: string }; value: ValueNode }[];
    directives?: readonly { arguments?: readonly { name: { value: string }; value: ValueNode }[] }[];
  }): string | null => {
    for (const a of node.arguments ?? []) {
      const found = inAst(a.value, a.name.value);
      if (found) return found;
    }
    for (const d of node.directives ?? []) {
      const found = inArguments(d);
      if (found) return found;
    }
    return null;
  };
  // each named fragment is searched once, however often it is spread
  const inFragment = (name: string): string | null => {
    if (seen.has(name)) return null;
    seen.add(name);
    return inSelections(fragments.get(name)?.selectionSet);
  };
  const inSelections = (set: SelectionSetNode | undefined): string | null => {
    for (const sel of set?.selections ?? []) {
      const found =
        sel.kind === Kind.FIELD
          ? (inArguments(sel) ?? inSelections(sel.selectionSet))
          : sel.kind === Kind.INLINE_FRAGMENT
            ? (inArguments(sel) ?? inSelections(sel.selectionSet))
            : (inArguments(sel) ?? inFragment(sel.name.value));
      if (found) return found;
    }
    return null;
  };
  // the operation's own directives, then what it selects
  return inArguments(operation) ?? inSelections(operation.selectionSet);
}

/** An uploaded file (yoga's File class is not always the global one). */
function isFile(value: unknown): value is { name: string; type: string } {
  return !!value && typeof value === "object" && typeof (value as Blob).arrayBuffer === "function" && typeof (value as File).name === "string";
}
