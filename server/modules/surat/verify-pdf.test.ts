import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findSignatureDictionaries, periksaPdf, VerifikasiError } from "./verify-pdf";

/**
 * Hostile and malformed files, made by hand: periksaPdf answers each with a stable code, never an exception of
 * its own. (Real signatures are checked in tests/surat/verify-pdf.test.ts.)
 */
const pad = (n: number) => String(n).padStart(10, "0");

/** A PDF-looking file with one signature dictionary whose /Contents is `hex`, the byte range computed (or forced). */
function withSignature(hex: string, opts: { byteRange?: string; m?: string; tail?: string } = {}): Buffer {
  const head = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n11 0 obj\n<<\n/Type /Sig\n/SubFilter /ETSI.CAdES.detached\n/ByteRange ";
  const rangeWidth = "[0 0000000000 0000000000 0000000000]".length;
  const beforeContents = head.length + rangeWidth + "\n/Contents ".length;
  const after = `\n/M (${opts.m ?? "D:20261205140500+07'00'"})\n>>\nendobj\n${opts.tail ?? ""}%%EOF\n`;
  const c = beforeContents + hex.length + 2;
  const range = opts.byteRange ?? `[0 ${pad(beforeContents)} ${pad(c)} ${pad(after.length)}]`;
  return Buffer.from(`${head}${range.padEnd(rangeWidth)}\n/Contents <${hex}>${after}`, "latin1");
}

async function codes(pdf: Buffer, opts: Partial<Parameters<typeof periksaPdf>[1]> = {}): Promise<string[]> {
  const r = await periksaPdf(pdf, { roots: [], ...opts });
  expect(r.tandaTangan).toHaveLength(1);
  expect(r.tandaTangan[0]!.integritas).toBe("TIDAK_DAPAT_DIPERIKSA");
  return r.tandaTangan[0]!.masalah.map((m) => m.kode);
}

async function thrown(pdf: Uint8Array, opts: Partial<Parameters<typeof periksaPdf>[1]> = {}): Promise<{ code: string; message: string }> {
  const e = await periksaPdf(pdf, { roots: [], ...opts }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(VerifikasiError);
  const { code, message } = e as VerifikasiError;
  return { code, message };
}

describe("periksaPdf on hostile input", () => {
  it("refuses what is not a PDF, an empty file and a file over the limit, with stable codes", async () => {
    expect(await thrown(new Uint8Array())).toEqual({ code: "VERIFIKASI_BERKAS_KOSONG", message: "Berkas kosong." });
    expect((await thrown(Buffer.from("GIF89a garbage \x00\x01\x02"))).code).toBe("VERIFIKASI_BUKAN_PDF");
    expect((await thrown(Buffer.alloc(5000, 0xff))).code).toBe("VERIFIKASI_BUKAN_PDF");
    const big = await thrown(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048)]), { maxBytes: 1024 });
    expect(big.code).toBe("VERIFIKASI_BERKAS_TERLALU_BESAR");
    expect(big.message).toContain("paling besar 1024 byte");
  });

  it("refuses a configured root it cannot read, naming which", async () => {
    expect(await thrown(withSignature("00"), { roots: [Buffer.from("bukan sertifikat")] })).toMatchObject({
      code: "VERIFIKASI_AKAR_RUSAK",
      message: "Sertifikat akar ke-1 yang dikonfigurasi tidak dapat dibaca.",
    });
  });

  it("hashes the whole file and finds no signature in a plain PDF", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
    const r = await periksaPdf(pdf, { roots: [] });
    expect(r).toMatchObject({ tidakBertandaTangan: true, tandaTangan: [], sha256: createHash("sha256").update(pdf).digest("hex") });
  });

  it("reads the dictionary's /SubFilter and /M, with its offset", () => {
    const {
      found: [d],
    } = findSignatureDictionaries(withSignature("3000").toString("latin1"));
    expect(d).toMatchObject({ subFilter: "ETSI.CAdES.detached" });
    expect(d!.m?.toISOString()).toBe("2026-12-05T07:05:00.000Z");
    const {
      found: [bad],
    } = findSignatureDictionaries(withSignature("3000", { m: "D:20261399999999Z" }).toString("latin1"));
    expect(bad!.m).toBeNull();
  });

  it("each malformed signature gets its own stable code", async () => {
    // not four numbers
    expect(await codes(withSignature("3000", { byteRange: "[0 /*** 12 34]" }))).toEqual(["BYTERANGE_TIDAK_SAH"]);
    // outside the file
    expect(await codes(withSignature("3000", { byteRange: "[0 10 999999999 10]" }))).toEqual(["BYTERANGE_DI_LUAR_BERKAS"]);
    // the two ranges overlapping
    expect(await codes(withSignature("3000", { byteRange: "[0 100 50 10]" }))).toEqual(["BYTERANGE_DI_LUAR_BERKAS"]);
    // a gap that is not the /Contents string
    expect(await codes(withSignature("3000", { byteRange: "[0 5 20 10]" }))).toContain("CONTENTS_TIDAK_SAH");
    // not hex
    expect(await codes(withSignature("30zz"))).toEqual(["CONTENTS_TIDAK_SAH"]);
    // hex, but not ASN.1; ASN.1, but not a CMS SignedData; an empty placeholder
    expect(await codes(withSignature("ffffffff"))).toEqual(["CMS_TIDAK_SAH"]);
    expect(await codes(withSignature("300506032a0304"))).toEqual(["CMS_TIDAK_SAH"]);
    expect(await codes(withSignature("0".repeat(2000)))).toEqual(["CMS_TIDAK_SAH"]);
    // a SignedData ContentInfo with an empty body
    expect(await codes(withSignature("300f06092a864886f70d010702a0023000"))).toEqual(["CMS_TIDAK_SAH"]);
  });

  it("caps /Contents and the number of signatures", async () => {
    expect(await codes(withSignature("3".repeat(600 * 1024)))).toEqual(["CONTENTS_TERLALU_BESAR"]);
    const many = Buffer.concat(Array.from({ length: 5 }, () => withSignature("3000")));
    const r = await periksaPdf(many, { roots: [], maxSignatures: 3 });
    expect(r.tandaTangan.map((s) => s.urutan)).toEqual([1, 2, 3]);
    expect(r.tidakDiperiksa).toBe(2);
  });

  it("bytes after the signed range are reported even before the CMS is read", async () => {
    const r = await periksaPdf(Buffer.concat([withSignature("3000"), Buffer.from("% tambahan\n")]), { roots: [] });
    expect(r.tandaTangan[0]!.mencakupSeluruhBerkas).toBe(false);
    expect(r.tandaTangan[0]!.masalah.map((m) => m.kode)).toEqual(["ADA_PERUBAHAN_SETELAH_TTD", "CMS_TIDAK_SAH"]);
    const whole = await periksaPdf(withSignature("3000", { tail: "% di dalam rentang\n" }), { roots: [] });
    expect(whole.tandaTangan[0]!.mencakupSeluruhBerkas).toBe(true);
  });

  it("a flood of /ByteRange keys is bounded by maxSignatures", async () => {
    const flood = Buffer.from(`%PDF-1.7\n${"/ByteRange [0 1 2 3]\n".repeat(50_000)}`);
    const started = Date.now();
    const r = await periksaPdf(flood, { roots: [] });
    expect(r.tandaTangan).toHaveLength(10);
    expect(r.tidakDiperiksa).toBe(49_990);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
