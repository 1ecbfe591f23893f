/**
 * The shape of a result letter's template (issue 15) and its validation. Pure: no Prisma, no GraphQL, no PDF.
 *
 * A template is a kop surat (a PDF whose pages the letter is drawn on) and its fields, stored as pdfme's own
 * `schemas` JSON (one array of fields per page, positions and sizes in millimetres from the top left), so pdfme's
 * visual designer (@pdfme/ui) can later open and save it as it is:
 *
 *   { "schemas": [[ { "name": "pemohon.nama", "type": "text", "position": { "x": 60, "y": 80 }, "width": 120,
 *                     "height": 7, "fontSize": 11 },
 *                   { "name": "pembuka", "type": "text", "readOnly": true, "content": "Yang bertanda tangan …",
 *                     "position": …, "width": …, "height": … },
 *                   { "name": "verifikasi.qr", "type": "qrcode", "position": …, "width": 25, "height": 25 } ]] }
 *
 * A field either prints a SOURCE (its `name`, optionally with a `#2`-style suffix to print the same source twice)
 * or, with `readOnly: true`, is free text: its `content` is printed, with `{source}` placeholders filled in.
 *
 * The sources (SUMBER_SURAT) are the one documented list of what a letter may print:
 *   pemohon.nama            the applicant's full name
 *   pemohon.nikSamar        the applicant's NIK, masked (3519********0001): the NIK is never printed in clear
 *   form.<nama>             the answer to the service's form field <nama>; a date answer in long form
 *   tanggal.surat           the letter's date, "5 Desember 2026" (the office's zone)
 *   tanggal.pengajuan       the submission date, same form
 *   nomorSurat              the letter number
 *   penandatangan.nama      the signing official's name
 *   penandatangan.nip       the signing official's NIP
 *   penandatangan.jabatan   the signing official's position
 *   verifikasi.kode         the verification code printed beside the QR code
 *   verifikasi.url          the verification address, as text
 *   verifikasi.qr           the QR code of the verification address (qrcode fields only)
 *   layanan.nama            the service's name
 *   instansi.nama           the office's name
 */

export const SUMBER_SURAT = {
  "pemohon.nama": "Nama lengkap pemohon",
  "pemohon.nikSamar": "NIK pemohon yang disamarkan (mis. 3519********0001)",
  "tanggal.surat": "Tanggal surat (mis. 5 Desember 2026)",
  "tanggal.pengajuan": "Tanggal pengajuan (mis. 5 Desember 2026)",
  nomorSurat: "Nomor surat",
  "penandatangan.nama": "Nama pejabat penandatangan",
  "penandatangan.nip": "NIP pejabat penandatangan",
  "penandatangan.jabatan": "Jabatan pejabat penandatangan",
  "verifikasi.kode": "Kode verifikasi surat",
  "verifikasi.url": "Alamat verifikasi surat",
  "verifikasi.qr": "Kode QR alamat verifikasi (khusus bidang QR)",
  "layanan.nama": "Nama layanan",
  "instansi.nama": "Nama instansi",
} as const;
export type SumberTetap = keyof typeof SUMBER_SURAT;
/** The prefix of a form answer's source: `form.namaCalonPria`. */
export const SUMBER_FORM = "form.";

export const JENIS_BIDANG = ["text", "qrcode"] as const;
export type JenisBidang = (typeof JENIS_BIDANG)[number];
export const RATA = ["left", "center", "right", "justify"] as const;

/** One field on a page, in pdfme's schema shape (millimetres from the page's top left corner). */
export interface BidangSurat {
  name: string;
  type: JenisBidang;
  position: { x: number; y: number };
  width: number;
  height: number;
  /** points; text fields only (default 11) */
  fontSize?: number;
  alignment?: (typeof RATA)[number];
  lineHeight?: number;
  /** free text: printed as `content`, `{source}` placeholders filled */
  readOnly?: boolean;
  content?: string;
}

export interface IsiTemplateSurat {
  schemas: BidangSurat[][];
}

/** A page's size in millimetres. */
export interface UkuranHalaman {
  width: number;
  height: number;
}

export interface MasalahTemplate {
  code: string;
  message: string;
  field: string;
}

export const MAKS_BIDANG = 200;
export const MAKS_TEKS = 4000;
export const FONT_MIN = 4;
export const FONT_MAX = 72;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The source a field's name stands for: its name without a `#n` suffix. */
export function sumberOf(name: string): string {
  return name.replace(/#\d+$/, "");
}

/** Whether `sumber` is a known source, given the service's form field names. */
export function sumberDikenal(sumber: string, formFields: ReadonlySet<string>): boolean {
  if (Object.hasOwn(SUMBER_SURAT, sumber)) return true;
  return sumber.startsWith(SUMBER_FORM) && formFields.has(sumber.slice(SUMBER_FORM.length));
}

/** The `{source}` placeholders of a free text, in order. */
export function placeholdersOf(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => (m[1] ?? "").trim());
}

/** Fills a free text's `{source}` placeholders with `value(source)`. */
export function fillPlaceholders(text: string, value: (sumber: string) => string): string {
  return text.replace(PLACEHOLDER, (_m, key: string) => value(key.trim()));
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const fmt = (n: number) => String(Math.round(n * 10) / 10).replace(".", ",");

/**
 * Every problem of a template, each with a stable code, an Indonesian message and the field it concerns
 * (`schemas.<page>.<index>`): not a template JSON, an unknown source, a field off its page, a QR code that is not the
 * verification address, a free text with an unknown placeholder, two fields of one name on a page.
 * `halaman` are the kop surat's page sizes; `formFields` the service's form field names.
 */
export function periksaTemplate(isi: unknown, halaman: readonly UkuranHalaman[], formFields: ReadonlySet<string>): MasalahTemplate[] {
  const problems: MasalahTemplate[] = [];
  const add = (code: string, message: string, field: string) => problems.push({ code, message, field });
  if (!isi || typeof isi !== "object" || !Array.isArray((isi as IsiTemplateSurat).schemas)) {
    add("TEMPLATE_INVALID", "Template harus berupa objek JSON dengan daftar halaman `schemas`.", "skema");
    return problems;
  }
  const pages = (isi as { schemas: unknown[] }).schemas;
  if (pages.length === 0) add("TEMPLATE_EMPTY", "Template belum memiliki halaman.", "skema");
  if (pages.length > halaman.length) {
    add("TEMPLATE_TOO_MANY_PAGES", `Template memiliki ${pages.length} halaman, sedangkan kop surat hanya ${halaman.length} halaman.`, "skema");
  }
  let count = 0;
  pages.forEach((page, p) => {
    if (!Array.isArray(page)) {
      add("TEMPLATE_INVALID", `Halaman ${p + 1} harus berupa daftar bidang.`, `schemas.${p}`);
      return;
    }
    const size = halaman[p];
    const names = new Set<string>();
    page.forEach((raw, i) => {
      count++;
      const at = `schemas.${p}.${i}`;
      const b = raw as Partial<BidangSurat> | null;
      if (!b || typeof b !== "object" || typeof b.name !== "string" || !b.name.trim()) {
        add("TEMPLATE_FIELD_INVALID", `Bidang ${i + 1} di halaman ${p + 1} tidak memiliki nama.`, at);
        return;
      }
      const label = `Bidang "${b.name}" (halaman ${p + 1})`;
      if (names.has(b.name)) add("TEMPLATE_DUPLICATE_NAME", `${label} dipakai lebih dari sekali di halaman yang sama; beri akhiran #2, #3, ….`, at);
      names.add(b.name);
      if (!JENIS_BIDANG.includes(b.type as JenisBidang)) {
        add("TEMPLATE_FIELD_TYPE", `${label}: jenis bidang harus salah satu dari ${JENIS_BIDANG.join(", ")}.`, at);
        return;
      }
      const { position: pos, width, height } = b;
      if (!pos || !isNum(pos.x) || !isNum(pos.y) || !isNum(width) || !isNum(height) || width <= 0 || height <= 0) {
        add("TEMPLATE_FIELD_INVALID", `${label}: posisi dan ukuran harus berupa angka (milimeter), lebar dan tinggi lebih dari 0.`, at);
      } else if (size && (pos.x < 0 || pos.y < 0 || pos.x + width > size.width + 0.01 || pos.y + height > size.height + 0.01)) {
        add(
          "TEMPLATE_FIELD_OFF_PAGE",
          `${label} keluar dari halaman: kotaknya ${fmt(pos.x)}–${fmt(pos.x + width)} × ${fmt(pos.y)}–${fmt(pos.y + height)} mm, halaman ${fmt(size.width)} × ${fmt(size.height)} mm.`,
          at,
        );
      }
      if (b.fontSize !== undefined && (!isNum(b.fontSize) || b.fontSize < FONT_MIN || b.fontSize > FONT_MAX)) {
        add("TEMPLATE_FIELD_INVALID", `${label}: ukuran huruf harus ${FONT_MIN}–${FONT_MAX} pt.`, at);
      }
      if (b.alignment !== undefined && !RATA.includes(b.alignment))
        add("TEMPLATE_FIELD_INVALID", `${label}: perataan harus left, center, right atau justify.`, at);
      if (b.lineHeight !== undefined && (!isNum(b.lineHeight) || b.lineHeight < 0.5 || b.lineHeight > 5)) {
        add("TEMPLATE_FIELD_INVALID", `${label}: jarak baris harus 0,5–5.`, at);
      }
      if (b.readOnly) {
        if (b.type !== "text") add("TEMPLATE_FIELD_TYPE", `${label}: teks bebas harus berjenis text.`, at);
        if (typeof b.content !== "string" || b.content.length > MAKS_TEKS) {
          add("TEMPLATE_FIELD_INVALID", `${label}: isi teks bebas wajib diisi, paling banyak ${MAKS_TEKS} karakter.`, at);
          return;
        }
        for (const key of placeholdersOf(b.content)) {
          if (key === "verifikasi.qr" || !sumberDikenal(key, formFields)) {
            add("TEMPLATE_UNKNOWN_SOURCE", `${label}: isian {${key}} tidak dikenal. ${petunjukSumber(key)}`, at);
          }
        }
        return;
      }
      const sumber = sumberOf(b.name);
      if (!sumberDikenal(sumber, formFields)) add("TEMPLATE_UNKNOWN_SOURCE", `${label}: sumber data "${sumber}" tidak dikenal. ${petunjukSumber(sumber)}`, at);
      else if (b.type === "qrcode" && sumber !== "verifikasi.qr") add("TEMPLATE_FIELD_TYPE", `${label}: bidang QR hanya untuk sumber verifikasi.qr.`, at);
      else if (b.type !== "qrcode" && sumber === "verifikasi.qr") add("TEMPLATE_FIELD_TYPE", `${label}: sumber verifikasi.qr harus berjenis qrcode.`, at);
    });
  });
  if (count > MAKS_BIDANG) add("TEMPLATE_TOO_MANY_FIELDS", `Template paling banyak ${MAKS_BIDANG} bidang.`, "skema");
  return problems;
}

function petunjukSumber(key: string): string {
  return key.startsWith(SUMBER_FORM)
    ? `Isian formulir "${key.slice(SUMBER_FORM.length)}" tidak ada pada formulir layanan ini.`
    : `Gunakan salah satu: ${Object.keys(SUMBER_SURAT).join(", ")}, atau form.<nama isian formulir>.`;
}

/** Every source a template prints (fields and placeholders), for a caller that loads only what is needed. */
export function sumberDipakai(isi: IsiTemplateSurat): Set<string> {
  const used = new Set<string>();
  for (const page of isi.schemas) {
    for (const b of page) {
      if (b.readOnly) for (const k of placeholdersOf(b.content ?? "")) used.add(k);
      else used.add(sumberOf(b.name));
    }
  }
  return used;
}
