// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { PenjelasanTenggat } from "./penjelasan-tenggat";
import { mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";

afterEach(cleanup);

const KEBERATAN = "S2ViZXJhdGFuOjE=";

function penjelasan(aturan: string, tenggat: string) {
  return {
    __typename: "PenjelasanTenggat",
    aturan,
    mulai: "2026-12-23T07:00:00.000Z",
    mulaiDihitung: null,
    tenggat,
    sementara: false,
    zonaWaktu: "Asia/Jakarta",
    hariDihitung: [{ __typename: "HariDihitung", tanggal: "2026-12-28", ke: 1, catatan: null }],
    hariDilewati: [],
  };
}

/** Opens (or closes) the fold-out as a click on its summary would. */
function toggle(open: boolean) {
  const details = document.querySelector("details.tenggat-penjelasan") as HTMLDetailsElement;
  act(() => {
    details.open = open;
    fireEvent(details, new Event("toggle"));
  });
}

describe("the deadline fold-out of a case", () => {
  it("asks for the explanation only when opened, only for the deadline shown, and again when that deadline changes", async () => {
    let aturan = "7 hari kerja sejak keberatan diajukan";
    const { client, requests } = mockClient((body: GraphQLRequestBody) => ({
      data: {
        node: {
          __typename: "Keberatan",
          id: KEBERATAN,
          tenggatTanggapanPenjelasan: penjelasan(aturan, body.variables?.tanggapan ? "2027-01-05T07:00:00.000Z" : "2027-01-01T07:00:00.000Z"),
        },
      },
    }));
    const view = (tenggat: string) => (
      <Wrapper client={client}>
        <PenjelasanTenggat id={KEBERATAN} kolom="tenggatTanggapanPenjelasan" tenggat={tenggat} zonaLabel="WIB" />
      </Wrapper>
    );
    const { rerender } = render(view("2027-01-05T07:00:00.000Z"));
    expect(screen.getByText("Bagaimana tenggat ini dihitung?")).toBeTruthy();
    // closed: nothing asked, nothing computed
    expect(requests).toEqual([]);

    toggle(true);
    await screen.findByText(/Aturan: 7 hari kerja sejak keberatan diajukan/);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.operationName).toBe("PenjelasanTenggat");
    expect(requests[0]!.variables).toEqual({ id: KEBERATAN, tenggat: false, tanggapan: true, sengketa: false });

    // closing and opening again shows what was fetched
    toggle(false);
    toggle(true);
    await screen.findByText(/Aturan: 7 hari kerja/);
    expect(requests).toHaveLength(1);

    // an action or a live event moved the deadline: the explanation is fetched again
    aturan = "7 hari kerja sejak keberatan diajukan (setelah perubahan kalender)";
    rerender(view("2027-01-06T07:00:00.000Z"));
    await screen.findByText(/setelah perubahan kalender/);
    expect(requests).toHaveLength(2);
  });

  it("says so when the explanation cannot be loaded", async () => {
    const { client } = mockClient(() => ({ errors: [{ message: "Tidak ditemukan", extensions: { code: "NOT_FOUND" } }], data: { node: null } }));
    render(
      <Wrapper client={client}>
        <PenjelasanTenggat id="UGVuZ2FqdWFuOjE=" tenggat="2027-01-05T07:00:00.000Z" />
      </Wrapper>,
    );
    toggle(true);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/tidak tersedia|belum dapat dimuat/));
  });
});
