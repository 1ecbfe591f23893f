// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import TemplateSuratPage from "./index";
import { StaticSession, type Me } from "../../../lib/session";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../../../test-utils";
import type { TemplateDesigner } from "./konversi";

// the real designer (@pdfme/ui) draws on a canvas: the page talks to this stand-in through the same handle
const designer = vi.hoisted(() => ({ template: null as TemplateDesigner | null, selected: [] as Array<[number, string]> }));
vi.mock("./designer", () => ({
  HALAMAN_KOSONG: { width: 210, height: 297, padding: [0, 0, 0, 0] },
  buatPerancang: (_el: HTMLElement, t: TemplateDesigner) => {
    designer.template = t;
    return {
      ambil: () => structuredClone(designer.template!),
      pasang: (next: TemplateDesigner) => {
        designer.template = next;
      },
      halamanAktif: () => 0,
      pilih: (h: number, nama: string) => designer.selected.push([h, nama]),
      hancurkan: () => {},
    };
  },
}));

afterEach(() => {
  cleanup();
  designer.template = null;
  designer.selected = [];
});

const UUID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const LAYANAN_ID = btoa(`Layanan:${UUID}`);
const ME = {
  id: btoa("User:admin"),
  namaLengkap: "Admin Jogonalan",
  role: "ADMIN",
  status: "AKTIF",
  instansi: { id: btoa("Instansi:i"), nama: "Kecamatan Jogonalan" },
} as Me;

const versi = (n: number, skema: unknown, extra: Record<string, unknown> = {}) => ({
  __typename: "TemplateSurat",
  id: btoa(`TemplateSurat:${n}`),
  versi: n,
  skema,
  catatan: n === 1 ? "Contoh bawaan Loket" : `Versi ${n}`,
  kodeKlasifikasi: "400.12",
  dibuatOleh: n === 1 ? null : "Admin Jogonalan",
  createdAt: `2026-11-0${n}T03:00:00.000Z`,
  pratinjauUrl: `/unduh/pratinjau-surat/${n}`,
  ...extra,
});

const V1 = versi(1, { schemas: [[{ name: "judul", type: "text", readOnly: true, content: "LAMA", position: { x: 25, y: 48 }, width: 160, height: 7 }]] });
const V2 = versi(2, {
  schemas: [
    [
      {
        name: "judul",
        type: "text",
        readOnly: true,
        content: "REKOMENDASI",
        position: { x: 25, y: 48 },
        width: 160,
        height: 7,
        fontSize: 13,
        alignment: "center",
      },
      { name: "pemohon.nama", type: "text", position: { x: 60, y: 80 }, width: 120, height: 7, fontSize: 11 },
    ],
  ],
});

const SUMBER = [
  { __typename: "SumberTemplateSurat", kunci: "pemohon.nama", keterangan: "Nama lengkap pemohon" },
  { __typename: "SumberTemplateSurat", kunci: "nomorSurat", keterangan: "Nomor surat" },
  { __typename: "SumberTemplateSurat", kunci: "verifikasi.qr", keterangan: "Kode QR alamat verifikasi (khusus bidang QR)" },
  { __typename: "SumberTemplateSurat", kunci: "form.desaAsal", keterangan: "Isian formulir: Desa asal" },
];

function setup(list: unknown[], onSave?: (body: GraphQLRequestBody) => unknown) {
  const { client, requests } = mockClient((body) => {
    if (body.operationName === "TemplateSuratEditor") {
      return {
        data: {
          node: { __typename: "Layanan", id: LAYANAN_ID, nama: "Rekomendasi Dispensasi Menikah" },
          templateSuratList: list,
          sumberTemplateSurat: SUMBER,
        },
      };
    }
    if (body.operationName === "SimpanTemplateSurat" && onSave) return onSave(body);
    return { errors: [{ message: `unexpected ${body.operationName}` }] };
  });
  render(
    <Wrapper client={client} path={`/admin/layanan/${UUID}/template-surat`}>
      <StaticSession value={{ me: ME }}>
        <Routes>
          <Route path="/admin/layanan/:id/template-surat" element={<TemplateSuratPage />} />
        </Routes>
      </StaticSession>
    </Wrapper>,
  );
  return { requests, user: userEvent.setup() };
}

const problem = (code: string, message: string, field: string | null) => ({ code, message, field });
const validation = (...problems: ReturnType<typeof problem>[]) => ({
  data: { simpanTemplateSurat: { __typename: "ValidationError", ...problems[0], problems } },
});
const saveButton = () => screen.getByRole("button", { name: "Simpan sebagai versi baru" });

describe("/admin/layanan/:id/template-surat", () => {
  it("lists the versions newest first with who, when, note and a preview link, and opens the newest in the designer", async () => {
    setup([V1, V2]);
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["2 (terbaru)", "1"]);
    expect(rows[0]!.textContent).toContain("Admin Jogonalan");
    expect(rows[0]!.textContent).toContain("Versi 2");
    expect(rows[1]!.textContent).toContain("Bawaan Loket");
    expect(within(rows[1]!).getByRole("link", { name: "Pratinjau PDF versi 1" }).getAttribute("href")).toBe("/unduh/pratinjau-surat/1");
    await waitFor(() => expect(designer.template).not.toBeNull());
    expect(designer.template!.schemas[0]!.map((b) => b.name)).toEqual(["judul", "pemohon.nama"]);
    expect(screen.getByText("Dibuka: versi 2.")).toBeTruthy();
    expect((screen.getByLabelText(/Kode klasifikasi/) as HTMLInputElement).value).toBe("400.12");
  });

  it("starts a service without a template with a first layout", async () => {
    setup([]);
    await waitFor(() => expect(designer.template).not.toBeNull());
    expect(screen.getByText(/belum memiliki template surat hasil/)).toBeTruthy();
    const names = designer.template!.schemas[0]!.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(["judul", "nomor", "pemohon.nama", "verifikasi.qr", "kode"]));
  });

  it("adds a source as a field (a second one with #2, the QR code as a qrcode) and saves a new version", async () => {
    const { requests, user } = setup([V2], () => ({
      data: { simpanTemplateSurat: { __typename: "SimpanTemplateSuratSuccess", data: versi(3, { schemas: [] }, { catatan: "Tambah QR" }) } },
    }));
    await waitFor(() => expect(designer.template).not.toBeNull());
    await user.click(screen.getByRole("button", { name: "Tambah teks pemohon.nama" }));
    await user.click(screen.getByRole("button", { name: "Tambah kode QR verifikasi.qr" }));
    const added = designer.template!.schemas[0]!.slice(2);
    expect(added.map((b) => [b.name, b.type])).toEqual([
      ["pemohon.nama#2", "text"],
      ["verifikasi.qr", "qrcode"],
    ]);
    expect(designer.selected.at(-1)).toEqual([0, "verifikasi.qr"]);

    await user.type(screen.getByLabelText(/Catatan versi/), "Tambah QR");
    await user.click(saveButton());
    await screen.findByText(/Versi 3 tersimpan/);
    const sent = requests.find((r) => r.operationName === "SimpanTemplateSurat")!.variables!;
    expect(sent.layananId).toBe(LAYANAN_ID);
    expect(sent.catatan).toBe("Tambah QR");
    expect(sent.kodeKlasifikasi).toBe("400.12");
    expect(sent).not.toHaveProperty("kopSurat");
    const fields = (sent.skema as { schemas: Array<Array<Record<string, unknown>>> }).schemas[0]!;
    expect(fields.map((b) => b.name)).toEqual(["judul", "pemohon.nama", "pemohon.nama#2", "verifikasi.qr"]);
    // the designer's samples stay in the designer; a text field names the renderer's alignment and line height
    expect(fields[1]).toEqual({
      name: "pemohon.nama",
      type: "text",
      position: { x: 60, y: 80 },
      width: 120,
      height: 7,
      fontSize: 11,
      alignment: "left",
      lineHeight: 1.2,
    });
    // in the success message and in the list
    const links = screen.getAllByRole("link", { name: "Pratinjau PDF versi 3" });
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/unduh/pratinjau-surat/3", "/unduh/pratinjau-surat/3"]);
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(within(rows[0]!).getByRole("rowheader").textContent).toBe("3 (terbaru)");
    expect((screen.getByLabelText(/Catatan versi/) as HTMLTextAreaElement).value).toBe("");
  });

  it("shows the server's problems at the designer's fields by name, and in an error summary", async () => {
    const { user } = setup([V2], () =>
      validation(
        problem("TEMPLATE_UNKNOWN_SOURCE", 'Bidang "pemohon.nama" (halaman 1): sumber data "pemohon.nama" tidak dikenal.', "skema.schemas.0.1"),
        problem("KODE_KLASIFIKASI_INVALID", "Kode klasifikasi hanya boleh berisi angka dan titik.", "kodeKlasifikasi"),
        problem("TEMPLATE_TOO_MANY_PAGES", "Template memiliki 2 halaman, sedangkan kop surat hanya 1 halaman.", "skema"),
      ),
    );
    await waitFor(() => expect(designer.template).not.toBeNull());
    await user.click(saveButton());
    const summary = await screen.findByRole("group", { name: /Ada masalah/ });
    expect(summary.textContent).toContain("sumber data");
    expect(summary.textContent).toContain("Kode klasifikasi");
    const show = screen.getByRole("button", { name: "Tunjukkan bidang “pemohon.nama” (halaman 1)" });
    await user.click(show);
    expect(designer.selected.at(-1)).toEqual([0, "pemohon.nama"]);
    expect(screen.getByRole("alert").textContent).toContain("kop surat hanya 1 halaman");
    expect(screen.getByLabelText(/Kode klasifikasi/).getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses a field type the letter cannot print before sending", async () => {
    const { requests, user } = setup([V2]);
    await waitFor(() => expect(designer.template).not.toBeNull());
    designer.template!.schemas[0]!.push({ name: "logo", type: "image", position: { x: 0, y: 0 }, width: 20, height: 20 });
    await user.click(saveButton());
    expect(await screen.findByRole("button", { name: "Tunjukkan bidang “logo” (halaman 1)" })).toBeTruthy();
    expect(screen.getByText(/berjenis image/)).toBeTruthy();
    expect(requests.some((r) => r.operationName === "SimpanTemplateSurat")).toBe(false);
  });

  it("opens an older version in the designer", async () => {
    const { user } = setup([V1, V2]);
    await waitFor(() => expect(designer.template).not.toBeNull());
    await user.click(screen.getByRole("button", { name: "Buka di perancang versi 1" }));
    expect(designer.template!.schemas[0]!.map((b) => b.content)).toEqual(["LAMA"]);
    expect(screen.getByText("Dibuka: versi 1.")).toBeTruthy();
  });
});
