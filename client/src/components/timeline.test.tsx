// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { Timeline } from "./timeline";
import PengajuanPage from "../pages/pengajuan/detail";
import { mockClient, Wrapper } from "../test-utils";
import { PENGAJUAN_ID, PENGAJUAN_UUID, log, pengajuan } from "../test-fixtures/pengajuan";

afterEach(cleanup);

const SUBMITTED = [log(1, "BUAT", null, "DRAFT", "Draf"), log(2, "AJUKAN", "DRAFT", "DIAJUKAN", "Diajukan")];

describe("Timeline", () => {
  it("lists the Log Pengajuan newest first, with who acted and the officer's message", () => {
    const { client } = mockClient(() => ({}));
    render(
      <Wrapper client={client}>
        <Timeline
          steps={
            [
              ...SUBMITTED,
              log(3, "MINTA_PERBAIKAN", "DIAJUKAN", "PERLU_PERBAIKAN", "Perlu perbaikan", "Foto KTP buram, mohon unggah ulang.", "Petugas"),
              log(4, "AJUKAN", "PERLU_PERBAIKAN", "DIAJUKAN", "Diajukan"),
            ] as never
          }
          timeZone="Asia/Jakarta"
          zoneLabel="WIB"
        />
      </Wrapper>,
    );
    const list = screen.getByRole("list", { name: "Riwayat pengajuan, terbaru di atas" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".timeline__title")!.textContent)).toEqual([
      "Diajukan kembali setelah perbaikan (langkah terakhir)",
      "Petugas meminta perbaikan",
      "Diajukan",
      "Draf dibuat",
    ]);
    expect(items[1]!.textContent).toContain("Pesan petugas: Foto KTP buram, mohon unggah ulang.");
    expect(items[1]!.textContent).toContain("2 Maret 2026 pukul 08.03 WIB · Petugas · status: Perlu perbaikan");
    expect(items[3]!.textContent).not.toContain("status:");
  });
});

describe("the request page follows its Log Pengajuan live", () => {
  it("starts after the seq it shows, applies each new step, ignores replays, and resumes from the last seq seen", async () => {
    const diajukan = pengajuan({
      versi: 3,
      seq: 2,
      status: "DIAJUKAN",
      statusLabel: "Diajukan",
      nomorRegistrasi: "KMG/2026/000123",
      aksiTersedia: ["BATALKAN"],
      dapatDiubah: false,
      riwayat: SUBMITTED,
    });
    const { client, subscriptions } = mockClient(() => ({ data: { node: diajukan } }));
    render(
      <Wrapper client={client} path={`/pengajuan/${PENGAJUAN_UUID}`}>
        <Routes>
          <Route path="/pengajuan/:id" element={<PengajuanPage />} />
        </Routes>
      </Wrapper>,
    );
    await screen.findByText("Diajukan", { selector: ".badge" });
    await waitFor(() => expect(subscriptions.get("PengajuanLive")).toBeDefined());
    const live = subscriptions.get("PengajuanLive")!;
    expect(live.payload.variables).toEqual({ id: PENGAJUAN_ID, setelahSeq: 2 });

    const perbaikan = {
      ...diajukan,
      versi: 4,
      seq: 3,
      status: "PERLU_PERBAIKAN",
      statusLabel: "Perlu perbaikan",
      aksiTersedia: ["AJUKAN", "BATALKAN"],
      dapatDiubah: true,
      riwayat: [...SUBMITTED, log(3, "MINTA_PERBAIKAN", "DIAJUKAN", "PERLU_PERBAIKAN", "Perlu perbaikan", "Surat pengantar belum ditandatangani.", "Petugas")],
    };
    act(() => live.next({ pengajuanBerubah: { seq: 3, pengajuan: perbaikan } }));
    await screen.findByText("Perlu perbaikan", { selector: ".badge" });
    expect(screen.getByRole("alert").textContent).toContain("Pesan petugas: “Surat pengantar belum ditandatangani.”".replace(/[“”]/g, ""));
    expect(screen.getByRole("button", { name: "Lanjutkan" })).toBeTruthy();
    expect(document.querySelector(".timeline__item--current .timeline__title")!.textContent).toContain("Petugas meminta perbaikan");
    expect(screen.getByText("Status pengajuan berubah: Perlu perbaikan.")).toBeTruthy();
    // after a reconnect graphql-ws sends the payload again: it now asks for what came after seq 3
    expect(live.payload.variables).toEqual({ id: PENGAJUAN_ID, setelahSeq: 3 });

    // a replay of a step already shown changes nothing
    act(() => live.next({ pengajuanBerubah: { seq: 3, pengajuan: { ...diajukan, versi: 99 } } }));
    expect(screen.getByText("Perlu perbaikan", { selector: ".badge" })).toBeTruthy();

    const verified = {
      ...perbaikan,
      versi: 6,
      seq: 5,
      status: "DIVERIFIKASI",
      statusLabel: "Diverifikasi",
      aksiTersedia: [],
      dapatDiubah: false,
      tenggat: "2026-03-05T08:30:00.000Z",
      sisaMenitKerja: 1200,
      riwayat: [
        ...perbaikan.riwayat,
        log(4, "AJUKAN", "PERLU_PERBAIKAN", "DIAJUKAN", "Diajukan"),
        log(5, "VERIFIKASI", "DIAJUKAN", "DIVERIFIKASI", "Diverifikasi", null, "Petugas"),
      ],
    };
    act(() => live.next({ pengajuanBerubah: { seq: 5, pengajuan: verified } }));
    await screen.findByText("Diverifikasi", { selector: ".badge" });
    expect(screen.queryByRole("button", { name: "Lanjutkan" })).toBeNull();
    expect(screen.getByText(/^5 Maret 2026 pukul 15\.30 WIB \(sisa 2 hari kerja 4 jam\)/)).toBeTruthy();
    expect(live.payload.variables).toEqual({ id: PENGAJUAN_ID, setelahSeq: 5 });
    expect(screen.getByText("Diperbarui langsung")).toBeTruthy();
  });
});
