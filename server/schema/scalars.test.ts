import { GraphQLError, Kind, type GraphQLScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "./index";

const scalar = (name: string) => schema.getType(name) as GraphQLScalarType;

function refusal(f: () => unknown): { message: string; code: unknown } {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    return { message: (err as GraphQLError).message, code: (err as GraphQLError).extensions.code };
  }
  throw new Error("accepted");
}

describe("scalars (graphql-scalars under our names)", () => {
  it("DateTime: out as the UTC string with milliseconds, in with an offset", () => {
    const t = scalar("DateTime");
    expect(t.serialize(new Date("2026-03-25T08:30:00Z"))).toBe("2026-03-25T08:30:00.000Z");
    expect(t.serialize("2026-03-25T15:30:00+07:00")).toBe("2026-03-25T08:30:00.000Z");
    expect((t.parseValue("2026-03-25T15:30:00+07:00") as Date).toISOString()).toBe("2026-03-25T08:30:00.000Z");
    expect((t.parseLiteral({ kind: Kind.STRING, value: "2026-03-25T08:30:00.000Z" }) as Date).toISOString()).toBe("2026-03-25T08:30:00.000Z");
    for (const bad of ["2026-13-01T00:00:00Z", "2026-03-25", "kemarin", 12]) {
      expect(refusal(() => t.parseValue(bad))).toEqual({ message: "Nilai DateTime tidak valid.", code: "BAD_USER_INPUT" });
    }
    expect(refusal(() => t.parseLiteral({ kind: Kind.INT, value: "1" }))).toEqual({ message: "Nilai DateTime tidak valid.", code: "BAD_USER_INPUT" });
  });

  it("Date: a calendar day as the string, a @db.Date column's Date as its UTC day", () => {
    const t = scalar("Date");
    expect(t.parseValue("2026-03-25")).toBe("2026-03-25");
    expect(t.serialize(new Date("2026-03-25T00:00:00Z"))).toBe("2026-03-25");
    expect(t.serialize("2026-03-25")).toBe("2026-03-25");
    for (const bad of ["2026-02-31", "2026-3-5", "2026-03-25T00:00:00Z", 20260325]) {
      expect(refusal(() => t.parseValue(bad))).toEqual({ message: "Nilai Date tidak valid.", code: "BAD_USER_INPUT" });
    }
  });

  it("JSON: any value, as given", () => {
    const t = scalar("JSON");
    expect(t.serialize({ a: [1, "b"] })).toEqual({ a: [1, "b"] });
    expect(t.parseValue({ a: null })).toEqual({ a: null });
  });
});
