/**
 * Generating a letter from its template (issue 15): the kop surat's pages with the template's fields drawn on them
 * by pdfme's generator. No I/O: the caller loads the template and the data and stores or streams the bytes.
 *
 *   renderSurat(template, data)          -> Promise<Uint8Array>   the letter's PDF
 *   nilaiSumber(data, sumber)            -> the text a source prints
 *   dataContoh(...)                      -> sample data for a preview
 * The kop surat itself is drawn or checked in template-kop.ts (pdf-lib only).
 *
 * Why pdfme: its template is plain JSON (fields placed on a base PDF) that its designer (@pdfme/ui) edits visually,
 * it runs in Node without a browser, and its default font (Roboto, embedded in @pdfme/common) covers Indonesian
 * text with no font fetched at run time. Every field is given to pdfme as a plain input: free text is filled here,
 * so pdfme's expression evaluation of `{…}` in read-only text never sees text from a citizen.
 */
import type { Template } from "@pdfme/common";
import { generate } from "@pdfme/generator";
import { barcodes, text } from "@pdfme/schemas";
import { maskIdentity } from "../../shared/nik";
import { TEKS_BAWAAN } from "../../shared/surat";
import { formatTanggal } from "../calendar/tanggal";
import { type IsiTemplateSurat, SUMBER_FORM, fillPlaceholders, sumberOf } from "./template";

/** What a letter prints: everything is already decided (number, signer, code); nothing here is looked up. */
export interface DataSurat {
  pemohon: { nama: string /** masked or whole: masked here anyway */; nik?: string | null };
  /** form answers by field name; a 'YYYY-MM-DD' answer prints as a long date */
  jawaban: Readonly<Record<string, unknown>>;
  /** the form fields' types by name: an answer of a NIK field prints masked */
  tipeJawaban?: Readonly<Record<string, string>>;
  tanggalSurat: Date;
  tanggalPengajuan?: Date | null;
  /** IANA zone of the office, for the dates */
  zonaWaktu: string;
  nomorSurat: string;
  penandatangan: { nama: string; nip: string; jabatan: string };
  verifikasi: { kode: string; url: string };
  layanan: { nama: string };
  instansi: { nama: string };
}

export interface TemplateUntukRender {
  kopSurat: Uint8Array;
  isi: IsiTemplateSurat;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A form answer as printed: dates in long form ("5 Desember 2026"), lists joined, booleans as Ya/Tidak. */
export function formatJawaban(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (Array.isArray(value)) return value.map(formatJawaban).join(", ");
  if (typeof value === "number") return value.toLocaleString("id-ID");
  const s = String(value);
  const m = ISO_DATE.exec(s);
  if (m) {
    const d = new Date(`${s}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)) return formatTanggal(d, "UTC");
  }
  return s;
}

/** The text a source prints for this letter ('' for a form field left empty). */
export function nilaiSumber(data: DataSurat, sumber: string): string {
  if (sumber.startsWith(SUMBER_FORM)) {
    const key = sumber.slice(SUMBER_FORM.length);
    const value = data.jawaban[key];
    // another person's NIK in the form (a fiancé's, an heir's) is never printed in clear either
    if (data.tipeJawaban?.[key] === "NIK" && value) return maskIdentity(String(value));
    return formatJawaban(value);
  }
  switch (sumber) {
    case "pemohon.nama":
      return data.pemohon.nama;
    case "pemohon.nikSamar":
      // the NIK is never printed in clear, even when a caller passes it whole
      return data.pemohon.nik ? maskIdentity(data.pemohon.nik) : "";
    case "tanggal.surat":
      return formatTanggal(data.tanggalSurat, data.zonaWaktu);
    case "tanggal.pengajuan":
      return data.tanggalPengajuan ? formatTanggal(data.tanggalPengajuan, data.zonaWaktu) : "";
    case "nomorSurat":
      return data.nomorSurat;
    case "penandatangan.nama":
      return data.penandatangan.nama;
    case "penandatangan.nip":
      return data.penandatangan.nip;
    case "penandatangan.jabatan":
      return data.penandatangan.jabatan;
    case "verifikasi.kode":
      return data.verifikasi.kode;
    case "verifikasi.url":
    case "verifikasi.qr":
      return data.verifikasi.url;
    case "layanan.nama":
      return data.layanan.nama;
    case "instansi.nama":
      return data.instansi.nama;
    default:
      // validation refuses unknown sources before a template is saved; an old one prints nothing rather than fail
      return "";
  }
}

/** The letter: the kop surat's pages with every field drawn. The template is assumed valid (periksaTemplate). */
export async function renderSurat(template: TemplateUntukRender, data: DataSurat): Promise<Uint8Array> {
  const inputs: Record<string, string> = {};
  const schemas = template.isi.schemas.map((page, p) =>
    page.map((b, i) => {
      const name = `f${p}_${i}`;
      inputs[name] = b.readOnly ? fillPlaceholders(b.content ?? "", (k) => nilaiSumber(data, k)) : nilaiSumber(data, sumberOf(b.name));
      const box = { name, position: { x: b.position.x, y: b.position.y }, width: b.width, height: b.height };
      if (b.type === "qrcode") return { ...box, type: "qrcode", backgroundColor: "#ffffff", barColor: "#000000" };
      return {
        ...box,
        type: "text",
        fontSize: b.fontSize ?? TEKS_BAWAAN.fontSize,
        alignment: b.alignment ?? TEKS_BAWAAN.alignment,
        verticalAlignment: "top",
        lineHeight: b.lineHeight ?? TEKS_BAWAAN.lineHeight,
        characterSpacing: 0,
        fontColor: "#000000",
      };
    }),
  );
  const pdfmeTemplate = { basePdf: template.kopSurat, schemas } as unknown as Template;
  const pdf = await generate({ template: pdfmeTemplate, inputs: [inputs], plugins: { text, qrcode: barcodes.qrcode } });
  return pdf;
}

/** A form field as the preview needs it. */
export interface FieldContoh {
  nama: string;
  label: string;
  tipe: string;
  opsi?: readonly string[];
}

/** Sample data for a preview: a made-up applicant, an answer of the right kind for each form field. */
export function dataContoh(opts: {
  layanan: { nama: string };
  instansi: { nama: string; zonaWaktu: string };
  formFields: readonly FieldContoh[];
  publicUrl: string;
  sekarang: Date;
}): DataSurat {
  const jawaban: Record<string, unknown> = {};
  const tipeJawaban: Record<string, string> = {};
  for (const f of opts.formFields) {
    tipeJawaban[f.nama] = f.tipe;
    jawaban[f.nama] =
      f.tipe === "DATE"
        ? "2026-12-05"
        : f.tipe === "NUMBER"
          ? 1
          : f.tipe === "NIK"
            ? "3519011708900002"
            : f.tipe === "SELECT" && f.opsi?.length
              ? f.opsi[0]
              : f.tipe === "PHONE"
                ? "081234567890"
                : f.tipe === "EMAIL"
                  ? "contoh@contoh.id"
                  : `(${f.label})`;
  }
  return {
    pemohon: { nama: "Budi Santoso (contoh)", nik: "3519011708900001" },
    jawaban,
    tipeJawaban,
    tanggalSurat: opts.sekarang,
    tanggalPengajuan: opts.sekarang,
    zonaWaktu: opts.instansi.zonaWaktu,
    nomorSurat: "CONTOH/001/XII/2026",
    penandatangan: { nama: "Nama Pejabat (contoh)", nip: "197001011990031001", jabatan: "Jabatan Penandatangan" },
    verifikasi: { kode: "CONTOH-0000", url: `${opts.publicUrl}/verifikasi/CONTOH-0000` },
    layanan: { nama: opts.layanan.nama },
    instansi: { nama: opts.instansi.nama },
  };
}
