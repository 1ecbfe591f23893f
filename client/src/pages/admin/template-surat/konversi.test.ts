import { TEKS_BAWAAN } from "../../../../../server/shared/surat";
import { describe, expect, it } from "vitest";
import {
  A4,
  bidangSumber,
  bidangTeksBebas,
  contohSumber,
  keDesigner,
  keSkema,
  namaBidangMasalah,
  namaUntuk,
  posisiMasalah,
  skemaAwal,
  type SkemaSurat,
} from "./konversi";

const BASE = { width: 210, height: 297, padding: [0, 0, 0, 0] };

const SKEMA: SkemaSurat = {
  schemas: [
    [
      {
        name: "judul",
        type: "text",
        readOnly: true,
        content: "SURAT KETERANGAN",
        position: { x: 25, y: 48 },
        width: 160,
        height: 7,
        fontSize: 13,
        alignment: "center",
      },
      {
        name: "nomor",
        type: "text",
        readOnly: true,
        content: "Nomor: {nomorSurat}",
        position: { x: 25, y: 55 },
        width: 160,
        height: 6,
        alignment: "center",
        lineHeight: 1.4,
      },
      { name: "pemohon.nama", type: "text", position: { x: 60, y: 80 }, width: 120, height: 7, fontSize: 11 },
      { name: "pemohon.nama#2", type: "text", position: { x: 60, y: 120 }, width: 120, height: 7, alignment: "right" },
      { name: "verifikasi.qr", type: "qrcode", position: { x: 25, y: 204 }, width: 30, height: 30 },
    ],
    [{ name: "form.alamat", type: "text", position: { x: 10.5, y: 20.25 }, width: 50, height: 6 }],
  ],
};

describe("keDesigner / keSkema", () => {
  it("keeps every field's name, type, position, size, font size, alignment, line height, readOnly and content through a round trip", () => {
    const t = keDesigner(SKEMA, BASE);
    expect(t.basePdf).toBe(BASE);
    expect(t.schemas).toHaveLength(2);
    const back = keSkema(t);
    expect(back.masalah).toEqual([]);
    // a text field comes back naming what the server prints when it names nothing (TEKS_BAWAAN), not pdfme's defaults
    const printed = { schemas: SKEMA.schemas.map((page) => page.map((b) => (b.type === "qrcode" ? b : { ...TEKS_BAWAAN, ...b }))) };
    expect(back.skema).toEqual(printed);
  });

  it("gives source fields a sample to show in the designer, and does not send it back", () => {
    const t = keDesigner(SKEMA, BASE);
    expect(t.schemas[0]![2]!.content).toBe(contohSumber("pemohon.nama"));
    expect(t.schemas[0]![4]!.content).toMatch(/^https:\/\//);
    expect(keSkema(t).skema.schemas[0]![2]).not.toHaveProperty("content");
  });

  it("drops what pdfme adds that the server does not keep", () => {
    const designer = {
      schemas: [
        [
          {
            name: "pemohon.nama",
            type: "text",
            position: { x: 60.123456, y: 80.000001 },
            width: 120,
            height: 7,
            fontSize: 11,
            alignment: "left",
            verticalAlignment: "top",
            fontName: "Roboto",
            fontColor: "#000000",
            backgroundColor: "",
            characterSpacing: 0,
            rotate: 0,
            opacity: 1,
            dynamicFontSize: undefined,
            required: false,
            id: "abc",
            content: "[pemohon.nama]",
          },
          {
            name: "verifikasi.qr",
            type: "qrcode",
            position: { x: 25, y: 204 },
            width: 30,
            height: 30,
            backgroundColor: "#ffffff",
            barColor: "#000000",
            fontSize: 9,
          },
        ],
      ],
    };
    const { skema } = keSkema(designer);
    expect(skema.schemas[0]).toEqual([
      { name: "pemohon.nama", type: "text", position: { x: 60.12, y: 80 }, width: 120, height: 7, fontSize: 11, alignment: "left" },
      { name: "verifikasi.qr", type: "qrcode", position: { x: 25, y: 204 }, width: 30, height: 30 },
    ]);
  });

  it("refuses fields of another type with a message, and keeps the others", () => {
    const designer = {
      schemas: [
        [
          { name: "logo", type: "image", position: { x: 0, y: 0 }, width: 20, height: 20 },
          { name: "pemohon.nama", type: "text", position: { x: 60, y: 80 }, width: 120, height: 7 },
          { name: "garis", type: "line", position: { x: 0, y: 40 }, width: 210, height: 1 },
        ],
      ],
    };
    const { skema, masalah } = keSkema(designer);
    expect(skema.schemas[0]!.map((b) => b.name)).toEqual(["pemohon.nama"]);
    expect(masalah.map((m) => [m.halaman, m.indeks, m.nama])).toEqual([
      [0, 0, "logo"],
      [0, 2, "garis"],
    ]);
    expect(masalah[0]!.pesan).toContain("teks dan kode QR");
  });

  it("opens an empty or unreadable skema as one empty page", () => {
    expect(keDesigner(null, BASE).schemas).toEqual([[]]);
    expect(keDesigner({ schemas: [] }, BASE).schemas).toEqual([[]]);
    expect(keDesigner({ schemas: [[null, { type: "text" }]] }, BASE).schemas).toEqual([[]]);
  });
});

describe("new fields", () => {
  it("names a source's second field with a #2 suffix", () => {
    expect(namaUntuk("pemohon.nama", [])).toBe("pemohon.nama");
    expect(namaUntuk("pemohon.nama", ["pemohon.nama", "pemohon.nama#2"])).toBe("pemohon.nama#3");
    const page = keDesigner(SKEMA, BASE).schemas[0]!;
    expect(bidangSumber("pemohon.nama", page).name).toBe("pemohon.nama#3");
  });

  it("makes verifikasi.qr a QR code and other sources text, on the page", () => {
    const page = keDesigner(SKEMA, BASE).schemas[0]!;
    const qr = bidangSumber("verifikasi.qr", page);
    expect(qr.type).toBe("qrcode");
    expect(qr.name).toBe("verifikasi.qr#2");
    expect(qr.position.y + qr.height).toBeLessThanOrEqual(A4.height);
    expect(bidangSumber("nomorSurat", page)).toMatchObject({ type: "text", name: "nomorSurat" });
    const free = bidangTeksBebas(page);
    expect(free).toMatchObject({ type: "text", readOnly: true, name: "teks-1" });
    expect(keSkema({ schemas: [[free]] }).skema.schemas[0]![0]!.content).toBe(free.content);
  });

  it("starts a service without a template with the title, number, applicant and the official's block", () => {
    const names = skemaAwal().schemas[0]!.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(["judul", "nomor", "pemohon.nama", "penandatangan.nama", "penandatangan.jabatan", "verifikasi.qr", "kode"]));
    const kode = skemaAwal().schemas[0]!.find((b) => b.name === "kode")!;
    expect(kode.content).toContain("{verifikasi.kode}");
    for (const b of skemaAwal().schemas[0]!) {
      expect(b.position.x + b.width).toBeLessThanOrEqual(A4.width);
      expect(b.position.y + b.height).toBeLessThanOrEqual(A4.height);
    }
  });
});

describe("the server's problems", () => {
  it("names the field of skema.schemas.<page>.<index> in the skema that was sent", () => {
    expect(posisiMasalah("skema.schemas.1.0")).toEqual({ halaman: 1, indeks: 0 });
    expect(posisiMasalah("skema")).toBeNull();
    expect(namaBidangMasalah(SKEMA, "skema.schemas.0.3")).toBe("pemohon.nama#2");
    expect(namaBidangMasalah(SKEMA, "skema.schemas.1.0")).toBe("form.alamat");
    expect(namaBidangMasalah(SKEMA, "skema.schemas.4.0")).toBeNull();
    expect(namaBidangMasalah(SKEMA, "kodeKlasifikasi")).toBeNull();
  });
});
