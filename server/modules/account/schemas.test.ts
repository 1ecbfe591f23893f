import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { problemsOf } from "../../lib/validate";
import { alasanSchema, kontakSchema, persetujuanSchema } from "./rules";
import { apiClientSchema } from "../api-client/rules";

/** Each check's code, field and Indonesian message, as the API reports the first one. */
function problems(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? [] : problemsOf(r.error.issues).map((p) => `${p.field}:${p.code}:${p.message}`);
}

describe("account input", () => {
  it("normalises a contact and names each bad field in the form's order", () => {
    expect(kontakSchema.parse({ namaLengkap: "  Siti   Aminah ", email: " Siti@Contoh.ID ", telepon: "+62 812-3456-7890" })).toEqual({
      namaLengkap: "Siti Aminah",
      email: "siti@contoh.id",
      telepon: "081234567890",
    });
    expect(problems(kontakSchema, { namaLengkap: "x", email: "bukan", telepon: "12" })).toEqual([
      "namaLengkap:NAME_INVALID:Nama lengkap wajib diisi (2–120 huruf) sesuai KTP.",
      "email:EMAIL_INVALID:Alamat email tidak valid.",
      "telepon:PHONE_INVALID:Nomor telepon tidak valid. Contoh: 081234567890.",
    ]);
  });

  it("needs both consents, to the versions shown now", () => {
    const schema = persetujuanSchema({ termsVersion: "2", privacyVersion: "3" });
    const ok = { setujuSyaratKetentuan: true, setujuKebijakanPrivasi: true, versiSyaratKetentuan: "2", versiKebijakanPrivasi: "3" };
    expect(problems(schema, ok)).toEqual([]);
    expect(problems(schema, { ...ok, setujuKebijakanPrivasi: false, versiSyaratKetentuan: "1" })).toEqual([
      "setujuKebijakanPrivasi:CONSENT_REQUIRED:Anda harus menyetujui Kebijakan Privasi untuk mendaftar.",
      "versiSyaratKetentuan:CONSENT_OUTDATED:Syarat dan Ketentuan telah diperbarui. Muat ulang halaman dan baca versi terbaru.",
    ]);
  });

  it("a reason: trimmed, empty is none, required (5+) where the applicant must learn why, at most 1000", () => {
    expect(alasanSchema(false).parse({ alasan: "   " })).toEqual({ alasan: null });
    expect(alasanSchema(true).parse({ alasan: " dokumen buram " })).toEqual({ alasan: "dokumen buram" });
    const required = "alasan:REASON_REQUIRED:Alasan wajib diisi (minimal 5 karakter) agar pemohon mengetahui sebabnya.";
    expect(problems(alasanSchema(true), { alasan: null })).toEqual([required]);
    expect(problems(alasanSchema(true), { alasan: " abc " })).toEqual([required]);
    expect(problems(alasanSchema(false), { alasan: "x".repeat(1001) })).toEqual(["alasan:REASON_TOO_LONG:Alasan maksimal 1000 karakter."]);
  });
});

describe("API client input", () => {
  const now = new Date("2026-11-23T00:00:00Z");
  const ok = { nama: " SP4N-LAPOR! ", kontak: "Budi, budi@contoh.go.id", scopes: ["TERIMA_WEBHOOK", "BACA_KATALOG", "BACA_KATALOG"], berlakuSampai: null };
  it("keeps the scopes once each, in their canonical order", () => {
    expect(apiClientSchema(["BACA_KATALOG", "TERIMA_WEBHOOK"], now).parse(ok)).toMatchObject({
      nama: "SP4N-LAPOR!",
      scopes: ["BACA_KATALOG", "TERIMA_WEBHOOK"],
    });
  });
  it("names each problem with its code", () => {
    expect(problems(apiClientSchema([], now), { ...ok, nama: "ab", scopes: ["KASUS_INSTANSI"], berlakuSampai: new Date("2040-01-01") })).toEqual([
      'nama:NAMA_INVALID:Nama klien 3–100 karakter, misalnya "SP4N-LAPOR! Kabupaten Madiun".',
      "scopes:SCOPE_NOT_GRANTABLE:Anda tidak dapat memberikan cakupan KASUS_INSTANSI.",
      "berlakuSampai:BERLAKU_INVALID:Masa berlaku harus di masa depan dan paling lama 5 tahun.",
    ]);
    expect(problems(apiClientSchema([], now), { ...ok, scopes: [] })[0]).toBe("scopes:SCOPES_REQUIRED:Pilih paling sedikit satu cakupan akses.");
  });
});
