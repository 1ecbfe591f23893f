// Every argument and input field of the schema that looks like a secret, an identity number or a person's
// contact carries a declaration (server/schema/sensitivity.ts), so the audit trail, the logs and the error
// formatter treat it right. Undeclared text is already kept out of the trail (default-deny); this test makes
// the next `password2` or `nikPemohon` argument fail review instead of being silently "not recorded" in the
// trail while still printed by a library's error message.
import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  getNamedType,
  isInputObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
} from "graphql";
import { describe, expect, it, vi } from "vitest";
import { schema } from "../../server/schema";
import { declaredSensitivity, type Sensitivity } from "../../server/schema/sensitivity";
import { createLogger } from "../../server/logger";
import { requestSecrets } from "../../server/lib/redact";
import { maskPersonal } from "../../server/modules/audit/inputs";
import { LOGIN, createTestApp, makeNik } from "../helpers/app";

const SECRET_NAME = /pass|sandi|token|secret|rahasia|apikey|api_key|kunci|otp|\bpin\b|empatDigit|kodeLacak/i;
const IDENTITY_NAME = /^(nik|nip|ktp)|Nik$|Nip$|Ktp|identitas/i;
const PERSONAL_NAME = /email|telepon|phone|hp$|kontak|namaLengkap|namaPelapor|diambilOleh|alamat|search/i;
/** Scalars that carry no text: a flag named `rahasia` (confidential complaint) is a Boolean, not a secret. */
const TEXTLESS = new Set(["ID", "Int", "Float", "Boolean", "Date", "DateTime", "File"]);

interface Finding {
  where: string;
  declared: Sensitivity | null;
  needs: string;
}

/** Arguments of every root field and fields of every input type reachable from them. */
function undeclared(s: GraphQLSchema): Finding[] {
  const out: Finding[] = [];
  const seenInputs = new Set<string>();
  const check = (where: string, def: GraphQLArgument | GraphQLInputField) => {
    const named = getNamedType(def.type);
    if (isInputObjectType(named)) {
      if (!seenInputs.has(named.name)) {
        seenInputs.add(named.name);
        for (const f of Object.values(named.getFields())) check(`${named.name}.${f.name}`, f);
      }
      return;
    }
    if (isScalarType(named) && TEXTLESS.has(named.name)) return;
    if (!isScalarType(named)) return; // enums
    const declared = declaredSensitivity(def);
    if (SECRET_NAME.test(def.name) && declared !== "SECRET") out.push({ where, declared, needs: "SECRET" });
    else if (IDENTITY_NAME.test(def.name) && declared !== "IDENTIFIER" && declared !== "SECRET") out.push({ where, declared, needs: "IDENTIFIER" });
    else if (PERSONAL_NAME.test(def.name) && !declared)
      out.push({ where, declared, needs: "a declaration (PERSONAL, or SAFE for an office's public contact)" });
  };
  for (const root of [s.getQueryType(), s.getMutationType(), s.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) for (const a of field.args) check(`${root.name}.${field.name}(${a.name})`, a);
  }
  return out;
}

describe("sensitivity declarations", () => {
  it("every secret-, identifier- or contact-looking argument and input field of the schema is declared", () => {
    expect(undeclared(schema)).toEqual([]);
  });

  it("the check finds an undeclared one", () => {
    const bad = new GraphQLSchema({
      query: new GraphQLObjectType({ name: "Query", fields: { x: { type: GraphQLString } } }),
      mutation: new GraphQLObjectType({
        name: "Mutation",
        fields: {
          masuk: {
            type: GraphQLString,
            args: {
              nikPemohon: { type: GraphQLString },
              kataSandi: { type: GraphQLString },
              emailBaru: { type: GraphQLString },
              rahasia: { type: GraphQLString, extensions: { sensitivity: "SAFE" } },
            },
          },
        },
      }),
    });
    expect(undeclared(bad).map((f) => f.where)).toEqual([
      "Mutation.masuk(nikPemohon)",
      "Mutation.masuk(kataSandi)",
      "Mutation.masuk(emailBaru)",
      "Mutation.masuk(rahasia)",
    ]);
  });

  it("the declared mutations are the expected ones", () => {
    const m = schema.getMutationType()!.getFields();
    const decl = (field: string, arg: string) => declaredSensitivity(m[field]!.args.find((a) => a.name === arg)!);
    expect(decl("login", "password")).toBe("SECRET");
    expect(decl("login", "nomorIdentitas")).toBe("IDENTIFIER");
    expect(decl("resetPassword", "token")).toBe("SECRET");
    expect(decl("verifyEmail", "token")).toBe("SECRET");
    expect(decl("changePassword", "passwordLama")).toBe("SECRET");
    expect(decl("ubahStatusPengajuan", "identitasPengambil")).toBe("IDENTIFIER");
    const input = schema.getType("RegisterInput");
    if (!isInputObjectType(input)) throw new Error("RegisterInput");
    expect(declaredSensitivity(input.getFields().nomorIdentitas!)).toBe("IDENTIFIER");
    expect(declaredSensitivity(input.getFields().password!)).toBe("SECRET");
  });
});

describe("personal data in the trail", () => {
  it("is masked: names to initials, emails to first letter and domain, phone numbers to the last 3 digits", () => {
    expect(maskPersonal("Warga Uji Coba")).toBe("W*** U*** C***");
    expect(maskPersonal("warga1@contoh.id")).toBe("w***@contoh.id");
    expect(maskPersonal("081234567890")).toBe("*********890");
    expect(maskPersonal("+62 812-3456 7890")).toBe("**********890");
    const contact = maskPersonal("Budi Santoso, budi@madiunkab.go.id, 0812-3456-7890");
    expect(contact).toBe("B*** S*** b***@madiunkab.go.id, *********890");
  });
});

describe("the logger", () => {
  function capture(fn: () => void): string {
    const write = process.stderr.write;
    let out = "";
    process.stderr.write = ((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    }) as typeof process.stderr.write;
    try {
      fn();
    } finally {
      process.stderr.write = write;
    }
    return out;
  }

  it("never prints the running operation's declared values, identity numbers, link tokens or bearer keys", () => {
    const log = createLogger("debug");
    const out = capture(() =>
      requestSecrets.run(new Set(["Sandi-Rahasia-2026", "warga@contoh.id"]), () => {
        log.error("Unexpected error", new Error('Invalid `prisma.user.update()` invocation: passwordHash "Sandi-Rahasia-2026" for warga@contoh.id'));
        log.info("lookup", {
          nik: "3519011708900042",
          nip: "198503122010011042",
          link: "https://loket.test/atur-ulang-sandi?token=q3vX9kR2mLp8sT4wYz7bN1cD5fG6hJ0aE2iO3uQ4rW8",
        });
        log.yoga.warn("auth", "Bearer lkc_0b8f.abcdefghijklmnop");
      }),
    );
    expect(out).toContain("Unexpected error");
    for (const v of [
      "Sandi-Rahasia-2026",
      "warga@contoh.id",
      "3519011708900042",
      "198503122010011042",
      "q3vX9kR2mLp8sT4wYz7bN1cD5fG6hJ0aE2iO3uQ4rW8",
      "abcdefghijklmnop",
    ])
      expect(out).not.toContain(v);
    expect(out).toContain("3519********0042");
  });

  it("a failure inside an operation is logged and answered without the operation's declared values", { timeout: 120_000 }, async () => {
    const t = await createTestApp({ logLevel: "debug" });
    try {
      const password = "Sandi-Yang-Tidak-Boleh-Bocor-2026";
      const nik = makeNik();
      const seen: Array<Set<string> | undefined> = [];
      // a fault inside the resolver whose message carries a declared value (as a driver's error can)
      const spy = vi.spyOn(t.db.prisma.user, "findUnique").mockImplementation((() => {
        seen.push(requestSecrets.getStore());
        throw new Error(`driver failed for ${nik} with ${password}`);
      }) as never);
      let body = "";
      const out = await (async () => {
        const write = process.stderr.write;
        let text = "";
        process.stderr.write = ((chunk: string | Uint8Array) => {
          text += String(chunk);
          return true;
        }) as typeof process.stderr.write;
        try {
          body = JSON.stringify(await t.gql(LOGIN, { nomorIdentitas: nik, password }));
        } finally {
          process.stderr.write = write;
          spy.mockRestore();
        }
        return text;
      })();
      expect(seen.length).toBeGreaterThan(0);
      expect([...(seen[0] ?? [])]).toContain(password);
      expect(out).toContain("Unexpected error");
      expect(body).toContain("INTERNAL_SERVER_ERROR");
      for (const v of [password, nik]) {
        expect(out).not.toContain(v);
        expect(body).not.toContain(v);
      }
    } finally {
      await t.close();
    }
  });
});
