/**
 * pdfme's visual designer (@pdfme/ui), loaded only by the letter-template page (`import("./designer")`): it brings
 * its own UI kit and is far larger than the rest of the client. The page talks to it through this small handle.
 */
import { BLANK_A4_PDF, type Template } from "@pdfme/common";
import { barcodes, text } from "@pdfme/schemas";
import { Designer } from "@pdfme/ui";
import type { BidangDesigner, TemplateDesigner } from "./konversi";

export interface Perancang {
  /** the fields as they are now in the designer */
  ambil(): TemplateDesigner;
  /** replaces the fields (adding one: ambil, change, pasang) */
  pasang(template: TemplateDesigner): void;
  /** the page shown (0-based): where a new field goes */
  halamanAktif(): number;
  /** selects a field and scrolls to it (a problem's "Tunjukkan bidang") */
  pilih(halaman: number, nama: string): void;
  hancurkan(): void;
}

const PLUGINS = { Teks: text, "Kode QR": barcodes.qrcode };

/** pdfme's own defaults of a field (colours, font…) under the properties the server keeps. */
function lengkapi(b: BidangDesigner): BidangDesigner {
  const plugin = b.type === "qrcode" ? barcodes.qrcode : b.type === "text" ? text : null;
  const defaults = (plugin?.propPanel.defaultSchema ?? {}) as Record<string, unknown>;
  return { ...defaults, ...b };
}

function keTemplate(t: TemplateDesigner): Template {
  return { basePdf: (t.basePdf ?? BLANK_A4_PDF) as Template["basePdf"], schemas: t.schemas.map((page) => page.map(lengkapi)) } as Template;
}

/** The blank A4 page pdfme draws when the kop surat itself is not at hand. */
export const HALAMAN_KOSONG = BLANK_A4_PDF;

export function buatPerancang(container: HTMLElement, template: TemplateDesigner, onChange?: () => void): Perancang {
  const designer = new Designer({
    domContainer: container,
    template: keTemplate(template),
    plugins: PLUGINS,
    options: { lang: "en", zoomLevel: 1 },
  });
  if (onChange) designer.onChangeTemplate(() => onChange());
  return {
    ambil: () => {
      const t = designer.getTemplate();
      return { basePdf: t.basePdf, schemas: t.schemas as unknown as BidangDesigner[][] };
    },
    pasang: (t) => designer.updateTemplate(keTemplate(t)),
    halamanAktif: () => designer.getPageCursor(),
    pilih: (halaman, nama) => designer.selectSchemas({ name: nama, pageIndex: halaman }, { pageIndex: halaman, scroll: true }),
    hancurkan: () => designer.destroy(),
  };
}
