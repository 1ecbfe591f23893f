// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { Route, Routes } from "react-router-dom";
import { checkServiceForm, ServiceForm, type FormValues } from "./service-form";
import type { FieldErrors } from "../lib/errors";
import PengajuanPage from "../pages/pengajuan/detail";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";
import { LAYANAN, PENGAJUAN_UUID, SLOT_DESA, SLOT_KTP, dokumen, pengajuan } from "../test-fixtures/pengajuan";

afterEach(cleanup);

type Def = Parameters<typeof checkServiceForm>[0][number];
const DEFS = LAYANAN.formFields as unknown as Def[];

function FormHarness({ initial = {} }: { initial?: FormValues }) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <form noValidate>
      <ServiceForm
        fields={LAYANAN.formFields as never}
        values={values}
        errors={errors}
        onChange={(n, v) => setValues((x) => ({ ...x, [n]: v }))}
        onFieldChecked={(k, m) => setErrors((x) => ({ ...x, [k]: m ?? "" }))}
      />
      <button type="button" onClick={() => setErrors(checkServiceForm(DEFS, values, false))}>
        Periksa
      </button>
    </form>
  );
}

function renderForm(initial?: FormValues) {
  const { client } = mockClient(() => ({}));
  render(
    <Wrapper client={client}>
      <FormHarness initial={initial} />
    </Wrapper>,
  );
  return userEvent.setup();
}

describe("checkServiceForm (the API's own validator)", () => {
  it("asks for required fields only when submitting, and refuses malformed values always", () => {
    expect(checkServiceForm(DEFS, {}, true)).toEqual({});
    expect(checkServiceForm(DEFS, {}, false)).toEqual({
      "formData.namaPasangan": "Nama pasangan wajib diisi.",
      "formData.tanggalNikah": "Rencana tanggal nikah wajib diisi.",
      "formData.statusCalon": "Status calon wajib diisi.",
    });
    const bad = checkServiceForm(DEFS, { tanggalNikah: "2027-02-30", statusCalon: "Menikah", nomorWa: "0812", jumlahSaksi: "9", nikPasangan: "1234" }, true);
    expect(bad["formData.tanggalNikah"]).toBe("Rencana tanggal nikah harus tanggal yang valid (TTTT-BB-HH).");
    expect(bad["formData.statusCalon"]).toBe("Pilih salah satu pilihan Status calon yang tersedia.");
    expect(bad["formData.nomorWa"]).toBe("Nomor WhatsApp bukan nomor telepon yang valid. Contoh: 081234567890.");
    expect(bad["formData.jumlahSaksi"]).toBe("Jumlah saksi maksimal 4.");
    expect(bad["formData.nikPasangan"]).toMatch(/^NIK pasangan: /);
    expect(checkServiceForm(DEFS, { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20", statusCalon: "Belum kawin", nomorWa: "081234567890" }, false)).toEqual(
      {},
    );
  });
});

describe("ServiceForm", () => {
  it("draws each field from the service's definition with the right control", () => {
    renderForm();
    expect(screen.getByLabelText("Nama pasangan").getAttribute("type")).toBe("text");
    expect(screen.getByLabelText("Rencana tanggal nikah").getAttribute("type")).toBe("date");
    const select = screen.getByLabelText("Status calon") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["— Pilih —", "Belum kawin", "Cerai hidup", "Cerai mati"]);
    expect(screen.getByLabelText("Nomor WhatsApp (tidak wajib)").getAttribute("type")).toBe("tel");
    expect(screen.getByLabelText("NIK pasangan (tidak wajib)").getAttribute("inputmode")).toBe("numeric");
    expect(screen.getByLabelText("Catatan (tidak wajib)").tagName).toBe("TEXTAREA");
    expect(descriptionOf(screen.getByLabelText("Catatan (tidak wajib)"))).toContain("Hal lain yang perlu diketahui petugas.");
    expect(screen.getByLabelText("Nama pasangan").getAttribute("name")).toBe("formData.namaPasangan");
  });

  it("shows a malformed value's message when the field is left, and clears it while typing", async () => {
    const user = renderForm();
    const wa = screen.getByLabelText("Nomor WhatsApp (tidak wajib)");
    await user.type(wa, "0812");
    await user.tab();
    expect(descriptionOf(wa)).toContain("Nomor WhatsApp bukan nomor telepon yang valid.");
    expect(wa.getAttribute("aria-invalid")).toBe("true");
    await user.type(wa, "34567890");
    expect(descriptionOf(wa)).not.toContain("tidak valid");
    await user.tab();
    expect(wa.getAttribute("aria-invalid")).toBe("false");
    // an empty required field is not an error until the form is submitted
    const nama = screen.getByLabelText("Nama pasangan");
    await user.click(nama);
    await user.tab();
    expect(descriptionOf(nama)).not.toContain("wajib");
    await user.click(screen.getByRole("button", { name: "Periksa" }));
    expect(descriptionOf(nama)).toContain("Nama pasangan wajib diisi.");
  });
});

function renderPage(answer: (body: GraphQLRequestBody) => unknown) {
  const mock = mockClient(answer);
  render(
    <Wrapper client={mock.client} path={`/pengajuan/${PENGAJUAN_UUID}`}>
      <Routes>
        <Route path="/pengajuan/:id" element={<PengajuanPage />} />
      </Routes>
    </Wrapper>,
  );
  return { ...mock, user: userEvent.setup() };
}

const mutations = (requests: GraphQLRequestBody[]) => requests.filter((r) => r.query.trimStart().startsWith("mutation")).map((r) => r.operationName);

describe("the application page (draft)", () => {
  it("checks everything before sending: each problem is shown at its field or document slot", async () => {
    const { user, requests } = renderPage(() => ({ data: { node: pengajuan() } }));
    await screen.findByRole("heading", { name: "Rekomendasi Dispensasi Menikah" });
    await user.click(screen.getByRole("button", { name: "Lanjutkan" }));
    const nama = screen.getByLabelText("Nama pasangan");
    await waitFor(() => expect(descriptionOf(nama)).toContain("Nama pasangan wajib diisi."));
    expect(document.activeElement).toBe(screen.getByRole("group", { name: /Ada masalah/ }));
    expect(descriptionOf(screen.getByLabelText("Pilih berkas untuk KTP calon pengantin"))).toContain("KTP calon pengantin wajib diunggah.");
    expect(descriptionOf(screen.getByLabelText("Pilih berkas untuk Surat pengantar desa"))).toContain("Surat pengantar desa wajib diunggah.");
    expect(screen.getByRole("alert").textContent).toContain("Masih ada yang perlu dilengkapi");
    expect(mutations(requests)).toEqual([]);
  });

  it("refuses a file of the wrong type or size at its slot, before uploading", async () => {
    renderPage(() => ({ data: { node: pengajuan() } }));
    const desa = await screen.findByLabelText("Pilih berkas untuk Surat pengantar desa");
    expect(desa.getAttribute("accept")).toBe("application/pdf,.pdf");
    expect(descriptionOf(desa)).toContain("PDF, maksimal 97,7 KB.");
    // the input's accept attribute is only a hint to the picker: a photo can still be chosen
    fireEvent.change(desa, { target: { files: [new File([new Uint8Array(10)], "surat.png", { type: "image/png" })] } });
    await waitFor(() => expect(descriptionOf(desa)).toContain("Jenis berkas ini tidak diterima. Pilih berkas PDF."));
    fireEvent.change(desa, { target: { files: [new File([new Uint8Array(150_000)], "surat.pdf", { type: "application/pdf" })] } });
    await waitFor(() => expect(descriptionOf(desa)).toContain("Ukuran berkas 146,5 KB, melebihi batas 97,7 KB."));
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows the API's errors next to the field or slot the `field` names, or at the form", async () => {
    const filled = pengajuan({
      formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20", statusCalon: "Belum kawin" },
      dokumen: [dokumen(SLOT_KTP, "ktp.png", "image/png"), dokumen(SLOT_DESA, "pengantar.pdf")],
    });
    const answers: Array<Record<string, unknown>> = [
      {
        __typename: "ValidationError",
        code: "FIELD_DATE_INVALID",
        message: "Rencana tanggal nikah harus tanggal yang valid (TTTT-BB-HH).",
        field: "formData.tanggalNikah",
      },
      {
        __typename: "ValidationError",
        code: "DOKUMEN_KURANG",
        message: "Dokumen wajib belum diunggah: Surat pengantar desa.",
        field: `persyaratan.${SLOT_DESA}`,
      },
      {
        __typename: "ConflictError",
        code: "CONFLICT",
        message: "Pengajuan ini baru saja diubah oleh orang lain. Muat ulang halaman dan periksa kembali.",
        field: "versi",
      },
    ];
    const { user, requests } = renderPage((body) => {
      if (body.operationName === "PengajuanPage") return { data: { node: filled } };
      if (body.operationName === "CitizenAction") return { data: { ubahStatusPengajuan: answers.shift() } };
      return { data: null };
    });
    // "Lanjutkan" shows every answer to check; "Ajukan" there submits; a refused answer is fixed on the form
    const ajukan = async () => {
      await user.click(await screen.findByRole("button", { name: "Lanjutkan" }));
      await screen.findByRole("heading", { name: "Periksa kembali sebelum mengajukan" });
      await user.click(screen.getByRole("button", { name: "Ajukan" }));
    };
    await ajukan();
    const tanggal = await screen.findByLabelText("Rencana tanggal nikah");
    await waitFor(() => expect(descriptionOf(tanggal)).toContain("Rencana tanggal nikah harus tanggal yang valid"));
    expect(requests.at(-1)!.variables).toMatchObject({ aksi: "AJUKAN", versi: 1 });

    await ajukan();
    const desa = await screen.findByLabelText("Ganti berkas untuk Surat pengantar desa");
    await waitFor(() => expect(descriptionOf(desa)).toContain("Dokumen wajib belum diunggah: Surat pengantar desa."));
    expect(descriptionOf(screen.getByLabelText("Rencana tanggal nikah"))).not.toContain("tanggal yang valid");

    await ajukan();
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("baru saja diubah oleh orang lain"));
    expect(mutations(requests)).toEqual(["CitizenAction", "CitizenAction", "CitizenAction"]);
  });

  it("saves changed values before submitting, and takes the new version", async () => {
    const base = pengajuan({ dokumen: [dokumen(SLOT_KTP, "ktp.png", "image/png"), dokumen(SLOT_DESA, "pengantar.pdf")], pengiriman: "UNDUH" });
    // the server merges the fields sent into what it holds, and counts versions
    let stored = { ...base, formData: {} as Record<string, unknown> };
    const { user, requests } = renderPage((body) => {
      if (body.operationName === "PengajuanPage") return { data: { node: stored } };
      if (body.operationName === "SavePengajuan") {
        const v = body.variables as { versi: number; formData: Record<string, unknown> | null; pengiriman: string | null };
        if (v.versi !== stored.versi)
          return { data: { updatePengajuan: { __typename: "ConflictError", code: "CONFLICT", message: "Baru saja diubah.", field: "versi" } } };
        stored = {
          ...stored,
          versi: stored.versi + 1,
          formData: { ...stored.formData, ...v.formData },
          pengiriman: (v.pengiriman ?? stored.pengiriman) as never,
        };
        return { data: { updatePengajuan: { __typename: "UpdatePengajuanSuccess", data: stored } } };
      }
      if (body.operationName === "CitizenAction")
        return {
          data: {
            ubahStatusPengajuan: {
              __typename: "UbahStatusPengajuanSuccess",
              data: {
                ...base,
                ...stored,
                versi: stored.versi + 1,
                seq: 2,
                status: "DIAJUKAN",
                statusLabel: "Diajukan",
                nomorRegistrasi: "KMG/2026/000123",
                aksiTersedia: ["BATALKAN"],
                dapatDiubah: false,
                buktiUrl: "/unduh/bukti/x",
              },
            },
          },
        };
      return { data: null };
    });
    await user.type(await screen.findByLabelText("Nama pasangan"), "Ahmad");
    fireEvent.change(screen.getByLabelText("Rencana tanggal nikah"), { target: { value: "2027-01-20" } });
    await user.selectOptions(screen.getByLabelText("Status calon"), "Belum kawin");
    await user.click(screen.getByRole("radio", { name: "Ambil di kantor" }));
    await user.click(screen.getByRole("button", { name: "Lanjutkan" }));
    // every answer on the check page, each with its change link
    const periksa = await screen.findByRole("region", { name: "Periksa kembali sebelum mengajukan" });
    expect(within(periksa).getByText("Ahmad")).toBeTruthy();
    expect(within(periksa).getByText("Ambil di kantor")).toBeTruthy();
    expect(within(periksa).getByRole("link", { name: "Ubah nama pasangan" }).getAttribute("href")).toContain("ubah=formData.namaPasangan");
    await user.click(within(periksa).getByRole("button", { name: "Ajukan" }));
    await screen.findByRole("heading", { name: "Status pengajuan" });
    await waitFor(() => expect(screen.getByText("Nomor registrasi").textContent).toContain("KMG/2026/000123"));
    const saves = requests.filter((r) => r.operationName === "SavePengajuan");
    expect(saves[0]!.variables).toMatchObject({ id: pengajuan().id, versi: 1 });
    // typed as it went: together the saves carried every answer and the choice
    expect(stored.formData).toEqual({ namaPasangan: "Ahmad", tanggalNikah: "2027-01-20", statusCalon: "Belum kawin" });
    expect(stored.pengiriman).toBe("AMBIL");
    expect(requests.find((r) => r.operationName === "CitizenAction")!.variables).toMatchObject({ versi: stored.versi, aksi: "AJUKAN" });
    expect(within(screen.getByRole("link", { name: /Unduh bukti pengajuan/ })).getByText(/PDF/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ajukan" })).toBeNull();
  });
});
