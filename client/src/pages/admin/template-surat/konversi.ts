/**
 * Between pdfme's designer template (`{ basePdf, schemas }`, what @pdfme/ui edits) and the server's letter template
 * `skema` (`{ schemas }`, server/modules/surat/template.ts). Pure: no pdfme, no React, so it is tested on its own and
 * loaded without the designer.
 *
 * What the server keeps of a field: name, type (text or qrcode), position, width, height and, for text, fontSize,
 * alignment, lineHeight; `readOnly: true` with `content` for a free text. Everything else the designer adds (colours,
 * fonts, rotation, its sample `content` of a source field…) is dropped on the way to the server.
 */

import { TEKS_BAWAAN } from "../../../../../server/shared/surat";

export const JENIS_BIDANG = ["text", "qrcode"] as const;
export type JenisBidang = (typeof JENIS_BIDANG)[number];
const RATA = ["left", "center", "right", "justify"] as const;
type Rata = (typeof RATA)[number];

/** One field as the server stores it (millimetres from the page's top left corner). */
export interface BidangSurat {
  name: string;
  type: JenisBidang;
  position: { x: number; y: number };
  width: number;
  height: number;
  fontSize?: number;
  alignment?: Rata;
  lineHeight?: number;
  readOnly?: boolean;
  content?: string;
}

export interface SkemaSurat {
  schemas: BidangSurat[][];
}

/** A designer field: the server's properties and whatever else pdfme keeps on it. */
export type BidangDesigner = Record<string, unknown> & { name: string; type: string; position: { x: number; y: number }; width: number; height: number };

export interface TemplateDesigner {
  basePdf: unknown;
  schemas: BidangDesigner[][];
}

/** A4, what the designer draws on when the kop surat itself is not at hand. */
export const A4 = { width: 210, height: 297 } as const;

/** The sample a source field shows in the designer (the server never reads it). */
export const contohSumber = (name: string) => `[${name}]`;
/** What a QR code field shows in the designer. */
export const CONTOH_QR = "https://loket.go.id/verifikasi/CONTOH";

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** Millimetres to a hundredth: the designer's pixel arithmetic leaves long fractions. */
const mm = (n: number) => Math.round(n * 100) / 100;

/** A field of the designer that cannot be saved as it is (page and index in the designer's template). */
export interface MasalahBidang {
  halaman: number;
  indeks: number;
  nama: string;
  pesan: string;
}

export interface HasilKeSkema {
  skema: SkemaSurat;
  /** the fields left out (a field type the letter does not print) */
  masalah: MasalahBidang[];
}

/** The designer's template as the server's `skema`; fields of another type are left out, each with a message. */
export function keSkema(template: { schemas: ReadonlyArray<ReadonlyArray<Record<string, unknown>>> }): HasilKeSkema {
  const masalah: MasalahBidang[] = [];
  const schemas = template.schemas.map((page, p) =>
    page.flatMap((raw, i): BidangSurat[] => {
      const name = typeof raw.name === "string" ? raw.name : "";
      const type = raw.type;
      if (!JENIS_BIDANG.includes(type as JenisBidang)) {
        masalah.push({
          halaman: p,
          indeks: i,
          nama: name,
          pesan: `Bidang "${name || "tanpa nama"}" (halaman ${p + 1}) berjenis ${String(type)}: surat hanya dapat mencetak teks dan kode QR. Hapus bidang itu, lalu tambahkan dari daftar sumber data.`,
        });
        return [];
      }
      const pos = (raw.position ?? {}) as { x?: unknown; y?: unknown };
      const b: BidangSurat = {
        name,
        type: type as JenisBidang,
        position: { x: isNum(pos.x) ? mm(pos.x) : Number.NaN, y: isNum(pos.y) ? mm(pos.y) : Number.NaN },
        width: isNum(raw.width) ? mm(raw.width) : Number.NaN,
        height: isNum(raw.height) ? mm(raw.height) : Number.NaN,
      };
      if (b.type === "text") {
        if (isNum(raw.fontSize)) b.fontSize = raw.fontSize;
        if (RATA.includes(raw.alignment as Rata)) b.alignment = raw.alignment as Rata;
        if (isNum(raw.lineHeight)) b.lineHeight = raw.lineHeight;
      }
      if (raw.readOnly === true) {
        b.readOnly = true;
        b.content = typeof raw.content === "string" ? raw.content : "";
      }
      return [b];
    }),
  );
  return { skema: { schemas }, masalah };
}

/** The server's `skema` (as the API returns it: JSON) as the designer's template on `basePdf`. */
export function keDesigner(skema: unknown, basePdf: unknown): TemplateDesigner {
  const pages = skema && typeof skema === "object" && Array.isArray((skema as SkemaSurat).schemas) ? (skema as { schemas: unknown[] }).schemas : [];
  const schemas = pages.map((page) =>
    (Array.isArray(page) ? page : []).flatMap((raw): BidangDesigner[] => {
      if (!raw || typeof raw !== "object") return [];
      const b = raw as Partial<BidangSurat>;
      if (typeof b.name !== "string") return [];
      const field: BidangDesigner = {
        name: b.name,
        type: String(b.type),
        position: { x: Number(b.position?.x ?? 0), y: Number(b.position?.y ?? 0) },
        width: Number(b.width ?? 0),
        height: Number(b.height ?? 0),
      };
      // a text field shows (and keeps when saved) what the server prints when it names none: the designer's own
      // defaults differ (line height 1 against 1.2), and a template saved unchanged must print the same
      if (b.type !== "qrcode") {
        field.fontSize = b.fontSize ?? TEKS_BAWAAN.fontSize;
        field.alignment = b.alignment ?? TEKS_BAWAAN.alignment;
        field.lineHeight = b.lineHeight ?? TEKS_BAWAAN.lineHeight;
      }
      if (b.readOnly) {
        field.readOnly = true;
        field.content = b.content ?? "";
      } else field.content = b.type === "qrcode" ? CONTOH_QR : contohSumber(b.name);
      return [field];
    }),
  );
  return { basePdf, schemas: schemas.length ? schemas : [[]] };
}

/** A name not yet used on the page for a source: the source itself, else with a `#2`, `#3`… suffix. */
export function namaUntuk(kunci: string, dipakai: Iterable<string>): string {
  const names = new Set(dipakai);
  if (!names.has(kunci)) return kunci;
  for (let n = 2; ; n++) if (!names.has(`${kunci}#${n}`)) return `${kunci}#${n}`;
}

/** A field for a source, placed below the others (the admin moves it): a QR code for verifikasi.qr, text otherwise. */
export function bidangSumber(kunci: string, halaman: readonly BidangDesigner[]): BidangDesigner {
  const bawah = halaman.reduce((y, b) => Math.max(y, b.position.y + b.height), 60);
  const qr = kunci === "verifikasi.qr";
  const height = qr ? 30 : 6;
  const y = Math.min(mm(bawah + 4), A4.height - height - 10);
  const name = namaUntuk(
    kunci,
    halaman.map((b) => b.name),
  );
  return qr
    ? { name, type: "qrcode", position: { x: 25, y }, width: 30, height: 30, content: CONTOH_QR }
    : { name, type: "text", position: { x: 25, y }, width: 100, height, fontSize: 11, alignment: "left", content: contohSumber(kunci) };
}

/** A free text field ("Yang bertanda tangan …", labels): printed as it is, `{sumber}` filled in. */
export function bidangTeksBebas(halaman: readonly BidangDesigner[], content = "Teks bebas, mis. Nomor: {nomorSurat}"): BidangDesigner {
  const bawah = halaman.reduce((y, b) => Math.max(y, b.position.y + b.height), 60);
  let n = 1;
  while (halaman.some((b) => b.name === `teks-${n}`)) n++;
  return {
    name: `teks-${n}`,
    type: "text",
    readOnly: true,
    content,
    position: { x: 25, y: Math.min(mm(bawah + 4), A4.height - 16) },
    width: 160,
    height: 6,
    fontSize: 11,
    alignment: "left",
  };
}

const teks = (name: string, content: string, x: number, y: number, width: number, height: number, extra: Partial<BidangSurat> = {}): BidangSurat => ({
  name,
  type: "text",
  readOnly: true,
  content,
  position: { x, y },
  width,
  height,
  fontSize: 11,
  alignment: "left",
  ...extra,
});

const sumber = (name: string, x: number, y: number, width: number, extra: Partial<BidangSurat> = {}): BidangSurat => ({
  name,
  type: "text",
  position: { x, y },
  width,
  height: 6,
  fontSize: 11,
  alignment: "left",
  ...extra,
});

/**
 * A first layout for a service without a template: title, number, the applicant's name and the official's block
 * with the verification QR code and code, below a kop surat of about 45 mm.
 */
export function skemaAwal(judul = "SURAT KETERANGAN"): SkemaSurat {
  return {
    schemas: [
      [
        teks("judul", judul, 25, 50, 160, 7, { fontSize: 13, alignment: "center" }),
        teks("nomor", "Nomor: {nomorSurat}", 25, 57, 160, 6, { alignment: "center" }),
        teks("pembuka", "Yang bertanda tangan di bawah ini menerangkan bahwa:", 25, 70, 160, 6),
        teks("label-nama", "Nama", 33, 80, 50, 6),
        teks("titik-nama", ":", 83, 80, 4, 6),
        sumber("pemohon.nama", 87, 80, 98),
        teks("penutup", "Demikian surat ini dibuat untuk dipergunakan sebagaimana mestinya.", 25, 95, 160, 6),
        teks("tempat-tanggal", "{tanggal.surat}", 115, 200, 75, 6),
        sumber("penandatangan.jabatan", 115, 206, 75, { height: 12 }),
        sumber("penandatangan.nama", 115, 232, 75),
        teks("nip", "NIP {penandatangan.nip}", 115, 238, 75, 6),
        { name: "verifikasi.qr", type: "qrcode", position: { x: 25, y: 204 }, width: 30, height: 30 },
        teks("kode", "Kode verifikasi: {verifikasi.kode}", 25, 236, 80, 5, { fontSize: 8 }),
      ],
    ],
  };
}

/** A server problem's field (`skema.schemas.<page>.<index>`) as the page and index it names, or null. */
export function posisiMasalah(field: string | null | undefined): { halaman: number; indeks: number } | null {
  const m = /^skema\.schemas\.(\d+)\.(\d+)$/.exec(field ?? "");
  return m ? { halaman: Number(m[1]), indeks: Number(m[2]) } : null;
}

/** The name of the field a server problem is about, in the `skema` that was sent, or null. */
export function namaBidangMasalah(skema: SkemaSurat, field: string | null | undefined): string | null {
  const at = posisiMasalah(field);
  if (!at) return null;
  return skema.schemas[at.halaman]?.[at.indeks]?.name ?? null;
}
