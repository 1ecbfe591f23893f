// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { Survey } from "./survey";
import SurveiKonsultasiPage from "../pages/survei/konsultasi";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";

const TOKEN = "A".repeat(44);

afterEach(cleanup);
beforeEach(() => localStorage.clear());

/** Scores every element but `skip` with "Baik". */
function scoreAll(root: HTMLElement, skip = -1) {
  const items = root.querySelectorAll<HTMLElement>(".survey__item");
  expect(items).toHaveLength(9);
  items.forEach((item, i) => {
    if (i !== skip) fireEvent.click(within(item).getByRole("radio", { name: "Baik" }));
  });
  return items;
}

describe("the satisfaction survey (signed in)", () => {
  it("says a missing element by its question, then sends the nine scores and thanks", async () => {
    const mock = mockClient(() => ({ data: { isiSurveiKepuasan: { __typename: "IsiSurveiKepuasanSuccess" } } }));
    render(
      <Wrapper client={mock.client}>
        <Survey jenisKasus="PENGADUAN" kasusId="k1" />
      </Wrapper>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Isi survei" }));
    const form = screen.getByRole("form", { name: "Survei kepuasan masyarakat" });
    const items = scoreAll(form, 2);
    fireEvent.click(within(form).getByRole("button", { name: "Kirim penilaian" }));
    const radio = within(items[2]!).getByRole("radio", { name: "Tidak baik" });
    expect(descriptionOf(radio)).toContain("Beri nilai untuk “Waktu penyelesaian” (dan semua unsur lainnya).");
    expect(document.activeElement).toBe(radio);
    expect(mock.requests).toHaveLength(0);

    fireEvent.click(within(items[2]!).getByRole("radio", { name: "Sangat baik" }));
    expect(descriptionOf(radio)).not.toContain("Beri nilai");
    fireEvent.click(within(form).getByRole("button", { name: "Kirim penilaian" }));
    expect(await screen.findByText("Terima kasih. Penilaian Anda membantu kantor memperbaiki pelayanan.")).toBeTruthy();
    expect(mock.requests.map((r) => [r.operationName, r.variables])).toEqual([
      ["IsiSurvei", { jenisKasus: "PENGADUAN", kasusId: "k1", skor: [3, 3, 4, 3, 3, 3, 3, 3, 3], komentar: null }],
    ]);
  });
});

describe("the survey of a consultation (/survei/konsultasi/<token>, no account)", () => {
  function setup(handler: (body: GraphQLRequestBody) => unknown) {
    const mock = mockClient(handler);
    render(
      <Wrapper client={mock.client} path={`/survei/konsultasi/${TOKEN}`}>
        <Routes>
          <Route path="/survei/konsultasi/:token" element={<SurveiKonsultasiPage />} />
        </Routes>
      </Wrapper>,
    );
    return mock;
  }
  const info = (sudahDiisi = false) => ({
    data: {
      surveiKonsultasi: {
        __typename: "SurveiKonsultasiSuccess",
        data: {
          __typename: "SurveiKonsultasi",
          nomor: "KNS/INS/2026/00001",
          instansi: "Dinas Uji",
          layanan: null,
          dijawab: true,
          dijawabAt: "2026-01-05T03:00:00.000Z",
          sudahDiisi,
        },
      },
    },
  });

  it("shows the office and number, sends by the token, and says when it was answered meanwhile", async () => {
    const mock = setup((body) =>
      body.operationName === "SurveiKonsultasi"
        ? info()
        : {
            data: {
              isiSurveiKonsultasi: {
                __typename: "ConflictError",
                code: "SURVEI_SUDAH_DIISI",
                message: "Survei untuk konsultasi ini sudah diisi. Terima kasih.",
                field: "token",
                problems: [],
              },
            },
          },
    );
    expect(await screen.findByText("Dinas Uji")).toBeTruthy();
    expect(screen.getByText("KNS/INS/2026/00001")).toBeTruthy();
    const form = screen.getByRole("form", { name: "Survei kepuasan masyarakat" });
    scoreAll(form);
    fireEvent.change(within(form).getByLabelText("Saran atau komentar (tidak wajib)"), { target: { value: "  Cepat.  " } });
    fireEvent.click(within(form).getByRole("button", { name: "Kirim penilaian" }));
    expect(await screen.findByText("Survei untuk konsultasi ini sudah diisi. Terima kasih.")).toBeTruthy();
    expect(mock.requests.find((r) => r.operationName === "IsiSurveiKonsultasi")?.variables).toEqual({
      token: TOKEN,
      skor: [3, 3, 3, 3, 3, 3, 3, 3, 3],
      komentar: "Cepat.",
    });
  });

  it("an unknown link: the API's message and the way to Bantuan", async () => {
    setup(() => ({
      data: {
        surveiKonsultasi: { __typename: "NotFoundError", code: "SURVEI_NOT_FOUND", message: "Tautan survei tidak dikenal. Periksa tautan dari petugas." },
      },
    }));
    expect(await screen.findByRole("heading", { name: "Survei tidak ditemukan" })).toBeTruthy();
    expect(screen.getByText(/Tautan survei tidak dikenal\. Periksa tautan dari petugas\./)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Lihat Bantuan" }).getAttribute("href")).toBe("/bantuan");
  });
});
