import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GOOD_PASSWORD,
  PNG_1X1,
  createInstansi,
  createStaff,
  createTestApp,
  login,
  registerCitizen,
  registerInput,
  upload,
  type TestApp,
} from "../helpers/app";

/**
 * Issue #14 "forms that never fight": one answer names every wrong field of a request (a citizen once needed three
 * tries to learn about the email, the phone, then a password containing the name), the first problem on top as
 * integrators have always read it.
 */

let t: TestApp;
let admin: Awaited<ReturnType<typeof createStaff>>;
let instansiGlobalId: string;

beforeAll(async () => {
  t = await createTestApp();
  const instansi = await createInstansi(t);
  instansiGlobalId = Buffer.from(`Instansi:${instansi.id}`).toString("base64");
  admin = await createStaff(t, "ADMIN", instansi.id);
});
afterAll(() => t.close());

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on Error { code message field problems { code message field } }
    }
  }
`;

/** A registration with its KTP photo (multipart, as the page sends it): the typed fields are what these tests are about. */
const register = (input: Record<string, unknown>) =>
  upload(t, REGISTER, { input }, { "input.fotoIdentitas": { name: "ktp.png", type: "image/png", content: PNG_1X1 } });

type Problem = { code: string; message: string; field: string | null };
const codes = (problems: Problem[]) => problems.map((p) => [p.field, p.code]);

describe("registration answers every wrong field at once", () => {
  it("a wrong email, a phone too short and a password containing the name: three problems in one answer, nothing written", async () => {
    const before = await t.db.prisma.user.count();
    const input = registerInput(t, { namaLengkap: "Sulistyowati Rahayu", email: "sulis@", telepon: "0812345", password: "sulistyowati-2026" });
    const res = await register(input);
    expect(res.errors).toBeUndefined();
    const r = res.data!.register;
    expect(r.__typename).toBe("ValidationError");
    expect(codes(r.problems)).toEqual([
      ["email", "EMAIL_INVALID"],
      ["telepon", "PHONE_INVALID"],
      ["password", "PASSWORD_WEAK"],
    ]);
    expect(r.problems[2].message).toBe("Kata sandi tidak boleh memuat NIK/NIP, nama, atau email Anda.");
    // the first problem stays the error's own code, message and field
    expect(r).toMatchObject({ code: "EMAIL_INVALID", field: "email", message: r.problems[0].message });
    for (const p of r.problems) expect(p.message).toMatch(/^[A-Z].*\.$/);
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it("lists every field of the form that is wrong, in the form's order", async () => {
    const res = await register(
      registerInput(t, {
        nomorIdentitas: "12345",
        namaLengkap: "1",
        email: "x",
        telepon: "12",
        password: "pendek",
        setujuSyaratKetentuan: false,
        setujuKebijakanPrivasi: false,
      }),
    );
    expect(codes(res.data!.register.problems)).toEqual([
      ["nomorIdentitas", "NIK_FORMAT"],
      ["namaLengkap", "NAME_INVALID"],
      ["email", "EMAIL_INVALID"],
      ["telepon", "PHONE_INVALID"],
      ["password", "PASSWORD_WEAK"],
      ["setujuSyaratKetentuan", "CONSENT_REQUIRED"],
      ["setujuKebijakanPrivasi", "CONSENT_REQUIRED"],
    ]);
  });

  it("a NIK already registered is named beside the other problems; alone it is still a ConflictError", async () => {
    const { nik } = await registerCitizen(t);
    const both = await register(registerInput(t, { nomorIdentitas: nik, email: "bukan-email" }));
    expect(both.data!.register.__typename).toBe("ValidationError");
    expect(codes(both.data!.register.problems)).toEqual([
      ["email", "EMAIL_INVALID"],
      ["nomorIdentitas", "IDENTITY_TAKEN"],
    ]);
    const alone = await register(registerInput(t, { nomorIdentitas: nik }));
    expect(alone.data!.register).toMatchObject({ __typename: "ConflictError", code: "IDENTITY_TAKEN", field: "nomorIdentitas" });
    expect(codes(alone.data!.register.problems)).toEqual([["nomorIdentitas", "IDENTITY_TAKEN"]]);
  });

  it("without the identity photo: the photo is named beside the typed fields' problems, nothing written", async () => {
    const before = await t.db.prisma.user.count();
    const res = await t.gql(REGISTER, { input: registerInput(t, { email: "x" }) });
    expect(codes(res.data!.register.problems)).toEqual([
      ["email", "EMAIL_INVALID"],
      ["fotoIdentitas", "FOTO_IDENTITAS_REQUIRED"],
    ]);
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it("one wrong field: one problem, the error's own", async () => {
    const res = await register(registerInput(t, { telepon: "0812345" }));
    expect(res.data!.register).toMatchObject({ code: "PHONE_INVALID", field: "telepon" });
    expect(res.data!.register.problems).toEqual([{ code: "PHONE_INVALID", field: "telepon", message: res.data!.register.message }]);
  });
});

describe("other account forms answer every wrong field at once", () => {
  it("createStaffAccount: identity, email and password", async () => {
    const res = await t.gql(
      /* GraphQL */ `
        mutation ($i: ID) {
          createStaffAccount(identityType: NIP, nomorIdentitas: "123", namaLengkap: "Staf Baru", email: "staf@", telepon: "081234567890",
            password: "123", role: PETUGAS, instansiId: $i) {
            __typename
            ... on Error { code problems { code field } }
          }
        }
      `,
      { i: instansiGlobalId },
      { token: admin.token },
    );
    expect(res.errors).toBeUndefined();
    expect(codes(res.data!.createStaffAccount.problems)).toEqual([
      ["nomorIdentitas", "NIP_FORMAT"],
      ["email", "EMAIL_INVALID"],
      ["password", "PASSWORD_WEAK"],
    ]);
  });

  it("updateProfile (parsed by one schema): email and phone", async () => {
    const { nik } = await registerCitizen(t);
    await t.db.prisma.user.updateMany({ data: { status: "AKTIF" }, where: { role: "PEMOHON" } });
    const token = await login(t, nik, GOOD_PASSWORD);
    const res = await t.gql(
      `mutation { updateProfile(email: "a@b", telepon: "0812345") { __typename ... on Error { code field problems { code field } } } }`,
      {},
      { token },
    );
    expect(res.data!.updateProfile).toMatchObject({ __typename: "ValidationError", code: "EMAIL_INVALID", field: "email" });
    expect(codes(res.data!.updateProfile.problems)).toEqual([
      ["email", "EMAIL_INVALID"],
      ["telepon", "PHONE_INVALID"],
    ]);

    const pw = await t.gql(
      `mutation { changePassword(passwordLama: "salah-sekali-ini", passwordBaru: "pendek") { __typename ... on Error { problems { code field } } } }`,
      {},
      { token },
    );
    expect(codes(pw.data!.changePassword.problems)).toEqual([
      ["passwordLama", "PASSWORD_WRONG"],
      ["passwordBaru", "PASSWORD_WEAK"],
    ]);
  });
});
