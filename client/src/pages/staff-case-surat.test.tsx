// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import StaffCasePage from "./staff/case";
import { StaticSession, type Me } from "../lib/session";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";
import { INSTANSI, LAYANAN, PENGAJUAN_ID, PENGAJUAN_UUID, log } from "../test-fixtures/pengajuan";

afterEach(cleanup);

const ME = {
  id: btoa("User:petugas"),
  namaLengkap: "Siti Rahmawati",
  role: "PETUGAS",
  status: "AKTIF",
  instansi: { id: INSTANSI.id, nama: INSTANSI.nama },
} as Me;

const CAMAT = { userId: btoa("User:camat"), nama: "Drs. Bambang Wijaya", jabatan: "Camat Jogonalan" };
const SEKCAM = { userId: btoa("User:sekcam"), nama: "Rina Kusuma", jabatan: "Sekretaris Kecamatan" };

const RIWAYAT = [
  log(1, "BUAT", null, "DRAFT", "Draf"),
  log(2, "AJUKAN", "DRAFT", "DIAJUKAN", "Diajukan"),
  log(3, "VERIFIKASI", "DIAJUKAN", "DIVERIFIKASI", "Diverifikasi", null, "Petugas"),
  log(4, "PROSES", "DIVERIFIKASI", "DIPROSES", "Diproses", null, "Petugas"),
];

/** A request as the officer's case page reads it (StaffCase_Pengajuan). */
function kasus(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Pengajuan",
    id: PENGAJUAN_ID,
    versi: 5,
    seq: 4,
    status: "DIPROSES",
    nomorRegistrasi: "JGN/2026/000123",
    formData: {},
    pengiriman: "UNDUH",
    diajukanAt: "2026-03-02T01:02:00.000Z",
    diajukanUlangAt: null,
    aksiTersedia: ["SELESAIKAN", "AJUKAN_TTD", "SIAPKAN_PENGAMBILAN", "TOLAK"],
    buktiUrl: null,
    petugas: "Siti Rahmawati",
    ditugaskanKeSaya: true,
    pemohon: { nama: "Ahmad Fauzi", jenisIdentitas: "NIK", nomorIdentitas: "3519********0001", email: "ahmad@example.test", telepon: "081234567890" },
    layanan: { ...LAYANAN, adaTemplateSurat: true, kodeKlasifikasiSurat: "400.12" },
    instansi: INSTANSI,
    dokumen: [],
    hasil: [],
    catatanInternal: [],
    suratHasil: null,
    tenggat: "2026-03-09T08:00:00.000Z",
    tenggatSementara: false,
    terlambat: false,
    sisaMenitKerja: 900,
    riwayat: RIWAYAT,
    ...overrides,
  };
}

function surat(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Surat",
    id: btoa("Surat:99999999-9999-4999-8999-999999999999"),
    nomor: "400.12/007/2026",
    status: "MENUNGGU_TTD",
    unduhUrl: "/unduh/surat/99999999-9999-4999-8999-999999999999",
    penandatanganNama: CAMAT.nama,
    penandatanganJabatan: CAMAT.jabatan,
    catatanKembali: null,
    dikembalikanAt: null,
    ditandatanganiAt: null,
    ...overrides,
  };
}

const problem = (code: string, message: string, field: string | null) => ({ code, message, field });

function setup(opts: { node?: ReturnType<typeof kasus>; pejabat?: unknown[]; buat?: (body: GraphQLRequestBody) => unknown } = {}) {
  let node = opts.node ?? kasus();
  const { client, requests, subscriptions } = mockClient((body) => {
    switch (body.operationName) {
      case "StaffCase":
        return { data: { node } };
      case "StaffCasePejabat":
        return { data: { pejabatPenandatangan: opts.pejabat ?? [CAMAT, SEKCAM] } };
      case "StaffCasePratinjauNomor":
        return {
          data: {
            pratinjauNomorSurat: { __typename: "PratinjauNomorSuratSuccess", data: `${body.variables?.kodeKlasifikasi ?? "400.12"}/008/2026` },
          },
        };
      case "BuatSurat":
        return opts.buat ? opts.buat(body) : { errors: [{ message: "unexpected BuatSurat" }] };
      default:
        return { errors: [{ message: `unexpected ${body.operationName}` }] };
    }
  });
  render(
    <Wrapper client={client} path={`/petugas/pengajuan/${PENGAJUAN_UUID}`}>
      <StaticSession value={{ me: ME }}>
        <Routes>
          <Route path="/petugas/pengajuan/:id" element={<StaffCasePage />} />
        </Routes>
      </StaticSession>
    </Wrapper>,
  );
  return { requests, subscriptions, setNode: (n: ReturnType<typeof kasus>) => (node = n) };
}

const section = () => screen.getByRole("heading", { name: "Surat hasil" }).closest("section")!;

describe("the officer's case page: the result letter", () => {
  it("offers 'Buat surat hasil' as the letter's form, never as a generic transition", async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByRole("heading", { name: "Surat hasil" });
    const actions = screen.getByRole("group", { name: "Tindakan" });
    expect(
      within(actions)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Buat surat hasil", "Selesaikan", "Siap diambil di kantor", "Tolak"]);
    expect(within(actions).queryByRole("button", { name: /Tandatangani|Kembalikan surat/ })).toBeNull();
    // the button takes the officer to the form (no "Ya, …" panel of a transition)
    await waitFor(() => expect(within(section()).getByRole("option", { name: `${CAMAT.nama} — ${CAMAT.jabatan}` })).toBeTruthy());
    await user.click(within(actions).getByRole("button", { name: "Buat surat hasil" }));
    expect(document.activeElement).toBe(within(section()).getByLabelText("Pejabat penandatangan"));
    expect(screen.queryByRole("form", { name: "Buat surat hasil" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Ya,/ })).toBeNull();
  });

  it("hides the section and the button for a service without a letter template", async () => {
    setup({ node: kasus({ layanan: { ...LAYANAN, adaTemplateSurat: false, kodeKlasifikasiSurat: "" } }) });
    const actions = await screen.findByRole("group", { name: "Tindakan" });
    expect(within(actions).queryByRole("button", { name: "Buat surat hasil" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Surat hasil" })).toBeNull();
  });

  it("asks for the official when there are several, shows the next number, and places the API's problems by their fields", async () => {
    const user = userEvent.setup();
    const { requests } = setup({
      buat: () => {
        const problems = [
          problem("PENANDATANGAN_INVALID", "Pejabat yang dipilih bukan pejabat penandatangan aktif instansi ini.", "penandatanganId"),
          problem("KODE_TIDAK_SAH", "Kode klasifikasi hanya boleh berisi huruf, angka, titik dan tanda hubung, misalnya PP.00.", "kodeKlasifikasi"),
        ];
        return { data: { buatSurat: { __typename: "ValidationError", ...problems[0], problems } } };
      },
    });
    await screen.findByRole("heading", { name: "Surat hasil" });
    expect(await within(section()).findByText("400.12/008/2026")).toBeTruthy();
    const select = within(section()).getByLabelText("Pejabat penandatangan") as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(3));
    expect(select.value).toBe("");
    await user.click(within(section()).getByRole("button", { name: "Buat surat dan kirim ke pejabat" }));
    expect(descriptionOf(select)).toContain("Pilih pejabat yang menandatangani surat ini.");
    expect(requests.some((r) => r.operationName === "BuatSurat")).toBe(false);

    await user.selectOptions(select, SEKCAM.userId);
    // the template's code is filled in; the officer replaces it for this letter
    const kodeBox = within(section()).getByLabelText(/Kode klasifikasi/) as HTMLInputElement;
    expect(kodeBox.value).toBe("400.12");
    await user.clear(kodeBox);
    await user.type(kodeBox, "PP 00");
    await user.click(within(section()).getByRole("button", { name: "Buat surat dan kirim ke pejabat" }));
    const kode = within(section()).getByLabelText(/Kode klasifikasi/);
    await waitFor(() => expect(descriptionOf(kode)).toContain("Kode klasifikasi hanya boleh"));
    expect(descriptionOf(select)).toContain("bukan pejabat penandatangan aktif");
    // two wrong fields: the error summary lists both
    const summary = within(section()).getByRole("group", { name: /Ada masalah/ });
    expect(within(summary).getAllByRole("link")).toHaveLength(2);
    expect(requests.find((r) => r.operationName === "BuatSurat")!.variables).toEqual({
      pengajuanId: PENGAJUAN_ID,
      versi: 5,
      penandatanganId: SEKCAM.userId,
      kodeKlasifikasi: "PP 00",
    });
  });

  it("chooses the only official, sends the letter with the request's versi, and says so", async () => {
    const user = userEvent.setup();
    const { requests, setNode } = setup({
      pejabat: [CAMAT],
      buat: () => ({
        data: {
          buatSurat: {
            __typename: "BuatSuratSuccess",
            data: { __typename: "Surat", id: surat().id, nomor: "400.12/008/2026", status: "MENUNGGU_TTD", penandatanganNama: CAMAT.nama },
          },
        },
      }),
    });
    await screen.findByRole("heading", { name: "Surat hasil" });
    const select = within(section()).getByLabelText("Pejabat penandatangan") as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe(CAMAT.userId));
    setNode(kasus({ versi: 6, seq: 5, status: "MENUNGGU_TTD", aksiTersedia: [], suratHasil: surat({ nomor: "400.12/008/2026" }) }));
    await user.click(within(section()).getByRole("button", { name: "Buat surat dan kirim ke pejabat" }));
    expect(await screen.findByText(`Surat 400.12/008/2026 dibuat dan dikirim kepada ${CAMAT.nama} untuk ditandatangani.`)).toBeTruthy();
    expect(requests.find((r) => r.operationName === "BuatSurat")!.variables).toMatchObject({
      versi: 5,
      penandatanganId: CAMAT.userId,
      kodeKlasifikasi: "400.12",
    });
    // the page reads the request again: it now waits for the signature
    expect(await within(section()).findByText(`Menunggu tanda tangan ${CAMAT.nama}, ${CAMAT.jabatan}.`)).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Buat surat hasil" })).toBeNull();
  });

  it("follows the letter live: waiting, returned with the official's note (made again under its number), issued", async () => {
    const { subscriptions } = setup({ pejabat: [CAMAT] });
    await screen.findByRole("heading", { name: "Surat hasil" });
    await waitFor(() => expect(subscriptions.get("StaffCaseLive")).toBeDefined());
    const live = subscriptions.get("StaffCaseLive")!;

    const menunggu = kasus({ versi: 6, seq: 5, status: "MENUNGGU_TTD", aksiTersedia: [], suratHasil: surat() });
    act(() => live.next({ pengajuanBerubah: { seq: 5, pengajuan: menunggu } }));
    expect(await within(section()).findByText(`Menunggu tanda tangan ${CAMAT.nama}, ${CAMAT.jabatan}.`)).toBeTruthy();
    expect(
      within(section())
        .getByRole("link", { name: /Baca surat \(PDF\)/ })
        .getAttribute("href"),
    ).toBe(surat().unduhUrl);
    expect(screen.getByText("Tidak ada tindakan pada status ini.")).toBeTruthy();

    const kembali = kasus({
      versi: 7,
      seq: 6,
      status: "DIPROSES",
      suratHasil: surat({ status: "DIKEMBALIKAN", catatanKembali: "Alamat pemohon salah ketik.", dikembalikanAt: "2026-03-04T03:00:00.000Z" }),
    });
    act(() => live.next({ pengajuanBerubah: { seq: 6, pengajuan: kembali } }));
    expect(await within(section()).findByText("Alamat pemohon salah ketik.")).toBeTruthy();
    expect(within(section()).getByText("Dikembalikan oleh pejabat:")).toBeTruthy();
    expect(within(section()).getByText(/Nomor surat tetap/).textContent).toContain("400.12/007/2026");
    expect(within(section()).getByRole("button", { name: "Buat ulang dan kirim ke pejabat" })).toBeTruthy();
    expect(within(section()).queryByLabelText(/Kode klasifikasi/)).toBeNull();

    const terbit = kasus({
      versi: 9,
      seq: 8,
      status: "SELESAI",
      aksiTersedia: [],
      suratHasil: surat({ status: "TERBIT", ditandatanganiAt: "2026-03-04T07:30:00.000Z" }),
    });
    act(() => live.next({ pengajuanBerubah: { seq: 8, pengajuan: terbit } }));
    expect(await within(section()).findByText(/Terbit: /)).toBeTruthy();
    expect(within(section()).getByText(/Terbit: /).textContent).toBe("Terbit: 400.12/007/2026, ditandatangani 4 Maret 2026 pukul 14.30");
    expect(screen.queryByRole("form", { name: "Buat surat hasil" })).toBeNull();
  });
});
