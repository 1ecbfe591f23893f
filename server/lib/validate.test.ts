import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "./errors";
import { parseInput, problem, problemsOf } from "./validate";

const Pesan = z.object({
  judul: z.string().trim().min(1, problem("JUDUL_REQUIRED", "Judul wajib diisi.")),
  isiPesan: z.string().max(5, problem("PESAN_TOO_LONG", "Pesan paling banyak 5 karakter.")),
  jumlah: z.number().int(),
});

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(Pesan, { judul: "  a ", isiPesan: "b", jumlah: 1 })).toEqual({ judul: "a", isiPesan: "b", jumlah: 1 });
  });

  it("throws the first problem as a ValidationError with its code, message and field", () => {
    const err = (() => {
      try {
        parseInput(Pesan, { judul: " ", isiPesan: "panjang sekali", jumlah: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: "JUDUL_REQUIRED", message: "Judul wajib diisi.", field: "judul" });
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
