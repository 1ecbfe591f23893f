import fs from "node:fs";
import { buildSchema, getNamedType, isInputObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { checkContact, checkRegistration, type RegistrationValues } from "../../client/src/lib/account-checks";
import { type RegisterInput, registrationChecks } from "../../server/modules/account/service";
import { kontakSchema } from "../../server/modules/account/rules";
import { problemsOf } from "../../server/lib/validate";

/**
 * Issue #14: the browser's checks match the API's for every field (once "0812345" passed the browser and failed
 * the API). Each example value goes through the registration form's check (client/src/lib/account-checks.ts) and the
 * API's checks of a registration (account/service.ts `registrationChecks`, the same code `register` runs); both must
 * accept it or both refuse it. The table covers every field of the API's RegisterInput, so a new field cannot go
 * unchecked.
 */

const VERSIONS = { termsVersion: "2026-11", privacyVersion: "2026-11" };
const VALID: RegistrationValues = {
  identityType: "NIK",
  nomorIdentitas: "3519011708900001",
  namaLengkap: "Warga Uji Coba",
  email: "warga@contoh.id",
  telepon: "081234567890",
  password: "Pelayanan-Prima-2026",
  setujuSyaratKetentuan: true,
  setujuKebijakanPrivasi: true,
};

type Row = [field: keyof RegistrationValues, overrides: Partial<RegistrationValues>, ok: boolean];

const TABLE: Row[] = [
  ["nomorIdentitas", {}, true],
  ["nomorIdentitas", { nomorIdentitas: " 3519 0117 0890 0001 " }, true],
  ["nomorIdentitas", { nomorIdentitas: "" }, false],
  ["nomorIdentitas", { nomorIdentitas: "12345" }, false],
  ["nomorIdentitas", { nomorIdentitas: "35190117089000012" }, false],
  ["nomorIdentitas", { nomorIdentitas: "351901170890000a" }, false],
  ["nomorIdentitas", { nomorIdentitas: "9919011708900001" }, false],
  ["nomorIdentitas", { nomorIdentitas: "3519013102900001" }, false],
  ["nomorIdentitas", { nomorIdentitas: "3519015708900001" }, true], // a woman's NIK: day + 40
  ["nomorIdentitas", { nomorIdentitas: "3519011708900000" }, false],
  ["nomorIdentitas", { nomorIdentitas: "3519011712990001" }, true], // born 1999
  ["nomorIdentitas", { identityType: "NIP", nomorIdentitas: "19660801 198803 1 001" }, true],
  ["nomorIdentitas", { identityType: "NIP", nomorIdentitas: "1985031220100110" }, false],
  ["nomorIdentitas", { identityType: "NIP", nomorIdentitas: "196608011988031000" }, false],
  ["nomorIdentitas", { identityType: "NIP", nomorIdentitas: "3519011708900001" }, false],
  ["identityType", { identityType: "NIP", nomorIdentitas: "196608011988031001" }, true],
  ["namaLengkap", { namaLengkap: "Siti Aminah" }, true],
  ["namaLengkap", { namaLengkap: "  Siti   Aminah " }, true],
  ["namaLengkap", { namaLengkap: "O'Neil Putra-Wijaya, S.Kom." }, true],
  ["namaLengkap", { namaLengkap: "Ni Luh Putu Ayu Ratna Dewi" }, true],
  ["namaLengkap", { namaLengkap: "S" }, false],
  ["namaLengkap", { namaLengkap: " " }, false],
  ["namaLengkap", { namaLengkap: "" }, false],
  ["namaLengkap", { namaLengkap: "Siti 123" }, false],
  ["namaLengkap", { namaLengkap: "Siti <b>" }, false],
  ["namaLengkap", { namaLengkap: "A".repeat(120) }, true],
  ["namaLengkap", { namaLengkap: "A".repeat(121) }, false],
  ["email", { email: "Siti.Aminah@Contoh.ID" }, true],
  ["email", { email: " siti@contoh.id " }, true],
  ["email", { email: "" }, false],
  ["email", { email: "sulis@" }, false],
  ["email", { email: "a@b" }, false],
  ["email", { email: "a@b.c" }, false],
  ["email", { email: "a b@contoh.id" }, false],
  ["email", { email: "bukan-email" }, false],
  ["email", { email: `${"a".repeat(245)}@contoh.id` }, false],
  ["telepon", { telepon: "081234567890" }, true],
  ["telepon", { telepon: "+62 812-3456-7890" }, true],
  ["telepon", { telepon: "6281234567890" }, true],
  ["telepon", { telepon: "(0351) 123456" }, true],
  ["telepon", { telepon: "0812345" }, false],
  ["telepon", { telepon: "12" }, false],
  ["telepon", { telepon: "" }, false],
  ["telepon", { telepon: "08123456789012345" }, false],
  ["telepon", { telepon: "0812 3456 789x" }, false],
  ["password", { password: "Pelayanan-Prima-2026" }, true],
  ["password", { password: "" }, false],
  ["password", { password: "pendek" }, false],
  ["password", { password: "123456789" }, false],
  ["password", { password: "password123" }, false],
  ["password", { password: "BISMILLAH1" }, false],
  ["password", { password: "aaaaaaaaaaaa" }, false],
  ["password", { password: "ababababab" }, false],
  ["password", { password: "x".repeat(129) }, false],
  ["password", { password: "warga-uji-2026" }, false], // the name
  ["password", { password: "Coba-Lagi-2026" }, false], // a word of the name
  ["password", { password: "uji-lagi-2026!" }, true], // "Uji" is too short to count
  ["password", { password: "aku-warga@2026" }, false], // the email's name part
  ["password", { password: "x3519011708900001" }, false], // the NIK
  ["password", { namaLengkap: "Sulis 123", password: "sulis-kuat-2026" }, false], // the name as typed, even when it is refused
  ["setujuSyaratKetentuan", { setujuSyaratKetentuan: false }, false],
  ["setujuKebijakanPrivasi", { setujuKebijakanPrivasi: false }, false],
];

function server(values: RegistrationValues): Set<string> {
  const input: RegisterInput = { ...values, versiSyaratKetentuan: VERSIONS.termsVersion, versiKebijakanPrivasi: VERSIONS.privacyVersion };
  const { problems } = registrationChecks(input, VERSIONS);
  try {
    problems.throwIfAny();
    return new Set();
  } catch (err) {
    return new Set((err as { problems: Array<{ field: string | null }> }).problems.map((p) => p.field ?? ""));
  }
}

function browser(values: RegistrationValues): Set<string> {
  return new Set(Object.keys(checkRegistration(values)));
}

describe("the registration form's checks and the API's", () => {
  it.each(TABLE)("%s %j: both %s", (field, overrides, ok) => {
    const values = { ...VALID, ...overrides };
    const onServer = server(values);
    const inBrowser = browser(values);
    // the field the row is about: both accept or both refuse, as the row says
    const about = field === "identityType" ? "nomorIdentitas" : field;
    expect({ server: onServer.has(about), browser: inBrowser.has(about) }).toEqual({ server: !ok, browser: !ok });
    // and no other field disagrees
    expect([...inBrowser].sort()).toEqual([...onServer].sort());
  });

  // files (the identity photo, an ASN's SK) are not typed values: their type and size are checked by the page with the
  // limits of server/shared/berkas-identitas.ts and by content on the server (tests/account/berkas-identitas.test.ts)
  it("the table covers every typed field of the API's RegisterInput (the versions are the page's; files are not typed)", () => {
    const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
    const type = schema.getType("RegisterInput");
    if (!isInputObjectType(type)) throw new Error("RegisterInput missing");
    const typed = Object.entries(type.getFields())
      .filter(([f, def]) => !f.startsWith("versi") && getNamedType(def.type).name !== "File")
      .map(([f]) => f);
    expect(new Set(TABLE.map((r) => r[0]))).toEqual(new Set(typed));
  });

  it("the contact check (staff account, profile) refuses what the API's contact schema refuses", () => {
    const missing = { namaLengkap: "a", email: "b", telepon: "c" };
    for (const [field, overrides] of TABLE) {
      if (field !== "namaLengkap" && field !== "email" && field !== "telepon") continue;
      const values = { ...VALID, ...overrides };
      const r = kontakSchema.safeParse(values);
      const onServer = r.success ? [] : problemsOf(r.error.issues).map((p) => p.field);
      expect(Object.keys(checkContact(values, missing)).sort()).toEqual([...new Set(onServer)].sort());
    }
  });
});
