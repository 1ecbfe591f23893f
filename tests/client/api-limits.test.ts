import fs from "node:fs";
import { buildSchema, parse, validate, Kind, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { formatDocument, stringifyDocument } from "@urql/core";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import * as documents from "../../client/src/gql/graphql";
import { ARMOR_LIMITS } from "../../server/protection";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { DEPTH_OPTIONS, MAX_TOKENS } from "../../server/limits";

/**
 * Every operation the web client sends, as urql sends it (with __typename added), passes the API's document
 * limits: schema validity, token count, depth, and GraphQL Armor's cost (page sizes are variables, so the
 * cost of a list is that of one page's shape).
 */
describe("the web client's operations and the API's limits", () => {
  const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
  const operations = Object.entries(documents).filter(
    (e): e is [string, DocumentNode] =>
      e[0].endsWith("Document") &&
      typeof e[1] === "object" &&
      !!e[1] &&
      (e[1] as DocumentNode).kind === Kind.DOCUMENT &&
      (e[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
  );

  it("finds the client's operations", () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  function problems(source: string): string[] {
    const rejected: string[] = [];
    const errors = validate(schema, parse(source, { maxTokens: MAX_TOKENS }), [
      costLimitRule({ maxCost: ARMOR_LIMITS.maxCost, onReject: [(_c: unknown, e: Error) => rejected.push(e.message)], propagateOnRejection: false }),
      maxDepthRule({ ...DEPTH_OPTIONS, onReject: [(_c: unknown, e: Error) => rejected.push(e.message)], propagateOnRejection: false }),
    ]);
    return [...errors.map((e) => e.message), ...rejected];
  }

  it("would notice a query over the cost limit", () => {
    expect(problems(`{ layananList(first: 500) { edges { node { id nama persyaratan { id label jenisFile } formFields { nama label } } } } }`).join()).toMatch(
      /Cost limit/,
    );
  });

  it.each(operations.map(([name, doc]) => [name, doc] as const))("%s", (_name, doc) => {
    expect(problems(stringifyDocument(formatDocument(doc)))).toEqual([]);
  });
});
