import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, ValidationError } from "./errors";
import { Problems, parseInput, problem, problemsOf } from "./validate";

const Pesan = z.object({
  judul: z.string().trim().min(1, problem("JUDUL_REQUIRED", "Judul wajib diisi.")),
  isiPesan: z.string().max(5, problem("PESAN_TOO_LONG", "Pesan paling banyak 5 karakter.")),
  jumlah: z.number().int(),
});

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(Pesan, { judul: "  a ", isiPesan: "b", jumlah: 1 })).toEqual({ judul: "a", isiPesan: "b", jumlah: 1 });
  });

  it("throws every problem (one per field), the first as the ValidationError's code, message and field", () => {
    const err = (() => {
      try {
        parseInput(Pesan, { judul: " ", isiPesan: "panjang sekali", jumlah: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: "JUDUL_REQUIRED", message: "Judul wajib diisi.", field: "judul" });
    expect((err as ValidationError).problems.map((p) => p.code)).toEqual(["JUDUL_REQUIRED", "PESAN_TOO_LONG"]);
  });

  it("lists every problem, and names an undeclared one after its field", () => {
    const r = Pesan.safeParse({ judul: "", isiPesan: "panjang sekali", jumlah: 1.5 });
    expect(r.success).toBe(false);
    const problems = problemsOf(r.error!.issues);
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ["JUDUL_REQUIRED", "judul"],
      ["PESAN_TOO_LONG", "isiPesan"],
      ["JUMLAH_INVALID", "jumlah"],
    ]);
    expect(problems[1]!.message).toBe("Pesan paling banyak 5 karakter.");
  });
});

describe("Problems", () => {
  const fail = (code: string, field: string) => () => {
    throw new ValidationError(code, `${code}.`, field);
  };

  it("collects the problems of several checks and throws them as one ValidationError, in order, one per field", () => {
    const problems = new Problems();
    expect(problems.check(() => 42)).toBe(42);
    expect(problems.check(fail("A_INVALID", "a"))).toBeUndefined();
    expect(problems.parse(Pesan, { judul: "", isiPesan: "ok", jumlah: 1 })).toBeUndefined();
    problems.add("A_AGAIN", "Lagi.", "a");
    problems.report(new ConflictError("B_TAKEN", "Sudah ada.", "b"));
    expect(problems.has("judul")).toBe(true);
    expect(problems.has("isiPesan")).toBe(false);
    const err = (() => {
      try {
        problems.throwIfAny();
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err!.problems.map((p) => [p.field, p.code])).toEqual([
      ["a", "A_INVALID"],
      ["judul", "JUDUL_REQUIRED"],
      ["b", "B_TAKEN"],
    ]);
    expect(err).toMatchObject({ code: "A_INVALID", field: "a" });
  });

  it("without a ValidationError throws the error that was found, with its own type; without problems nothing", () => {
    const none = new Problems();
    expect(() => none.throwIfAny()).not.toThrow();
    const conflict = new Problems();
    conflict.report(new ConflictError("B_TAKEN", "Sudah ada.", "b"));
    expect(() => conflict.throwIfAny()).toThrow(ConflictError);
  });

  it("lets anything but a domain error through at once", () => {
    expect(() =>
      new Problems().check(() => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
  });
});
