import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSchema, isObjectType } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, type PickedFile } from "../../client/src/components/evidence-picker";
import { checkFile } from "../../client/src/lib/files";
import { checkPengaduan } from "../../client/src/pages/pengaduan/checks";
import type { ValidationError } from "../../server/lib/errors";
import { receiveUpload } from "../../server/modules/files/store";
import { LAMPIRAN_JENIS, LAMPIRAN_MAKS_BYTES, pengaduanChecks } from "../../server/modules/pengaduan/rules";
import { PNG_1X1, tinyPdf } from "../helpers/app";

/**
 * Issue #14: the browser's checks of a complaint match the API's for every field. Each example value goes through
 * the page's check (client/src/pages/pengaduan/checks.ts, with each file checked as the evidence picker checks it
 * when it is chosen) and through what the API runs for buatPengaduan / catatPengaduan (pengaduan/rules.ts
 * `pengaduanChecks`, then each file as the service receives it, `receiveUpload` with the complaint's types and
 * size); both must accept it or both refuse it. The tables cover every argument of both mutations, so a new one
 * cannot go unchecked.
 *
 * Not compared here, because the browser cannot know them: whether the category is still active and the office's,
 * whether a linked request is the citizen's (the database; tests/pengaduan/pengaduan.test.ts), and whether a file's
 * content is what its name says (the API reads the content; tests/pengaduan too).
 */

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "parity-pengaduan-"));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const png = (name = "antrean.png") => new File([new Uint8Array(PNG_1X1)], name, { type: "image/png" });
const pdf = (name = "kronologi.pdf") => new File([new Uint8Array(tinyPdf("kronologi"))], name, { type: "application/pdf" });
// the start of an MP4 as a phone writes it: a 'ftyp' box of brand mp42
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.from([0, 0, 0, 0]), Buffer.from("mp42isom"), Buffer.alloc(64)]);
const mp4 = () => new File([new Uint8Array(MP4)], "rekaman.mp4", { type: "video/mp4" });

interface Values {
  instansiId: string;
  kategoriId: string;
  judul: string;
  uraian: string;
  bukti: File[];
  namaPelapor: string;
  kontakPelapor: string;
  rahasia: boolean;
  kanal: string;
}

const VALID: Values = {
  instansiId: "0b6f8f5e-3c1a-4d2b-9e7f-5a4c3b2a1908",
  kategoriId: "5d1c9a0e-7b2f-4c3d-8e9f-0a1b2c3d4e5f",
  judul: "Antrean lama di loket 3",
  uraian: "Antrean pelayanan di loket 3 sangat lama, petugas tidak ada di tempat selama dua jam.",
  bukti: [png()],
  namaPelapor: "",
  kontakPelapor: "",
  rahasia: false,
  kanal: "LANGSUNG",
};

/**
 * A field, the values that differ from VALID, and whether the citizen's form (buatPengaduan) and the desk's record
 * (catatPengaduan) accept it; null: the field is not on that form.
 */
type Row = [field: string, overrides: () => Partial<Values>, daring: boolean | null, catat: boolean | null];

const TABLE: Row[] = [
  ["instansiId", () => ({}), true, true],
  ["instansiId", () => ({ instansiId: "" }), false, false],
  ["kategoriId", () => ({ kategoriId: "" }), false, false],
  ["judul", () => ({ judul: "Loket tutup" }), true, true],
  ["judul", () => ({ judul: "abcde" }), true, true],
  ["judul", () => ({ judul: "abcd" }), false, false],
  ["judul", () => ({ judul: "  abcd   " }), false, false],
  ["judul", () => ({ judul: "     " }), false, false],
  ["judul", () => ({ judul: "" }), false, false],
  ["judul", () => ({ judul: "J".repeat(200) }), true, true],
  ["judul", () => ({ judul: ` ${"J".repeat(200)} ` }), true, true],
  ["judul", () => ({ judul: "J".repeat(201) }), false, false],
  ["uraian", () => ({ uraian: "x".repeat(20) }), true, true],
  ["uraian", () => ({ uraian: "x".repeat(19) }), false, false],
  ["uraian", () => ({ uraian: `   ${"x".repeat(19)}\n\n` }), false, false],
  ["uraian", () => ({ uraian: "Selasa pagi, loket 2:\nPetugas meminta uang tambahan." }), true, true],
  ["uraian", () => ({ uraian: "" }), false, false],
  ["uraian", () => ({ uraian: "x".repeat(5000) }), true, true],
  ["uraian", () => ({ uraian: "x".repeat(5001) }), false, false],
  ["bukti", () => ({ bukti: [] }), false, true], // evidence is required online; the desk records what it has
  ["bukti", () => ({ bukti: [pdf()] }), true, true],
  ["bukti", () => ({ bukti: [mp4()] }), true, true],
  ["bukti", () => ({ bukti: [png(), pdf(), mp4()] }), true, true],
  ["bukti", () => ({ bukti: [png("1.png"), png("2.png"), png("3.png"), png("4.png"), pdf()] }), true, true],
  ["bukti", () => ({ bukti: [png("1.png"), png("2.png"), png("3.png"), png("4.png"), pdf(), pdf("6.pdf")] }), false, false],
  ["bukti", () => ({ bukti: [new File(["bukan bukti"], "catatan.txt", { type: "text/plain" })] }), false, false],
  ["bukti", () => ({ bukti: [new File([], "kosong.png", { type: "image/png" })] }), false, false],
  ["bukti", () => ({ bukti: [new File([new Uint8Array(LAMPIRAN_MAKS_BYTES + 1)], "besar.pdf", { type: "application/pdf" })] }), false, false],
  ["bukti", () => ({ bukti: [png(), new File(["x"], "arsip.zip", { type: "application/zip" })] }), false, false],
  ["rahasia", () => ({ rahasia: true }), true, true], // a choice: both ways are fine
  ["rahasia", () => ({ rahasia: false }), true, true],
  ["namaPelapor", () => ({ namaPelapor: "Pak Slamet" }), null, true],
  ["namaPelapor", () => ({ namaPelapor: "N".repeat(300) }), null, true],
  ["namaPelapor", () => ({ namaPelapor: "N".repeat(301) }), null, false],
  ["kontakPelapor", () => ({ kontakPelapor: "0812-3333-4444" }), null, true],
  ["kontakPelapor", () => ({ kontakPelapor: "K".repeat(301) }), null, false],
  // the desk's channels, each a choice on the form (an API client's own channel is checked apart: rules.test.ts)
  ...(["LANGSUNG", "TELEPON", "WHATSAPP", "KOTAK_SARAN"] as const).map((kanal): Row => ["kanal", () => ({ kanal }), null, true]),
];

/** Arguments the page never types: ids it sends from the API's own answer (the request a complaint is about). */
const FROM_THE_API: Record<string, string> = {
  layananId: "the service of the linked request, as the API gave it; checked against the database only",
  pengajuanId: "the linked request, as the API gave it; checked against the database only",
};

async function server(values: Values, cara: "daring" | "catat"): Promise<Set<string>> {
  const fields = new Set<string>();
  try {
    pengaduanChecks(values, cara).problems.throwIfAny();
  } catch (err) {
    for (const p of (err as ValidationError).problems) fields.add(p.field ?? "");
  }
  // each file as the service receives it (storeLampiran): a problem names bukti.<n>
  for (const [i, file] of values.bukti.entries()) {
    try {
      const up = await receiveUpload(file, { maxBytes: LAMPIRAN_MAKS_BYTES, allowed: LAMPIRAN_JENIS, tmpDir: TMP, field: `bukti.${i}` });
      fs.rmSync(up.tempPath, { force: true });
    } catch (err) {
      expect((err as ValidationError).field).toBe(`bukti.${i}`);
      fields.add("bukti");
    }
  }
  return fields;
}

function browser(values: Values, cara: "daring" | "catat"): Set<string> {
  // as the evidence picker marks each file when it is chosen
  const bukti: PickedFile[] = values.bukti.map((file) => ({ file, error: checkFile(file, EVIDENCE_TYPES, EVIDENCE_MAX_BYTES) }));
  return new Set(Object.keys(checkPengaduan({ ...values, bukti }, cara)));
}

const rows = (cara: "daring" | "catat") =>
  TABLE.flatMap(([field, overrides, daring, catat]) => {
    const ok = cara === "daring" ? daring : catat;
    return ok === null ? [] : [{ field, overrides, ok }];
  });

for (const [cara, mutation] of [
  ["daring", "buatPengaduan"],
  ["catat", "catatPengaduan"],
] as const) {
  describe(`the complaint form's checks and the API's (${mutation})`, () => {
    it.each(rows(cara).map((r, i) => [i, r.field, r.ok, r] as const))("row %i, %s: both accept it = %s", async (_i, field, ok, row) => {
      const values = { ...VALID, ...row.overrides() };
      const onServer = await server(values, cara);
      const inBrowser = browser(values, cara);
      // the field the row is about: both accept or both refuse, as the row says
      expect({ server: onServer.has(field), browser: inBrowser.has(field) }).toEqual({ server: !ok, browser: !ok });
      // and no other field disagrees
      expect([...inBrowser].sort()).toEqual([...onServer].sort());
    });

    it(`the table covers every argument of ${mutation} (but the ids the page takes from the API)`, () => {
      const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
      const type = schema.getMutationType();
      if (!isObjectType(type)) throw new Error("Mutation missing");
      const args = type.getFields()[mutation]!.args.map((a) => a.name);
      const covered = new Set(rows(cara).map((r) => r.field));
      for (const a of Object.keys(FROM_THE_API)) if (args.includes(a)) covered.add(a);
      expect(covered).toEqual(new Set(args));
    });
  });
}

it("the evidence picker offers what the API receives: the same types and size", () => {
  expect([...EVIDENCE_TYPES].sort()).toEqual([...LAMPIRAN_JENIS].sort());
  expect(EVIDENCE_MAX_BYTES).toBe(LAMPIRAN_MAKS_BYTES);
});
