// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import TampilAntrianPage from "./display";
import { MAKS_SUSULAN, PanggilanBaru, pilihSuara, type Panggilan } from "./speech";
import { StaticSession, type Me } from "../../lib/session";
import { mockClient, Wrapper } from "../../test-utils";

const UUID = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
const INSTANSI = btoa(`Instansi:${UUID}`);
const petugas = {
  id: "VXNlcjox",
  namaLengkap: "Sari Petugas",
  role: "PETUGAS",
  status: "AKTIF",
  penandatangan: false,
  instansi: { id: INSTANSI, nama: "Kantor Kemenag Kab. Madiun" },
} as Me;

/** What the fake speech synthesis was asked to say, and with which voice. */
let spoken: Array<{ text: string; lang: string; voice: string | null }> = [];
/** the next utterance fails with this error (e.g. the browser's "not-allowed" before a gesture) */
let failNext: string | null = null;

class FakeUtterance {
  lang = "";
  rate = 1;
  voice: { name: string } | null = null;
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  constructor(public text: string) {}
}

const voices = [
  { name: "Google US English", lang: "en-US", localService: false },
  { name: "Damayanti", lang: "id-ID", localService: true },
];

beforeEach(() => {
  spoken = [];
  failNext = null;
  localStorage.clear();
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true, writable: true });
  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    writable: true,
    value: {
      speak(u: FakeUtterance) {
        if (failNext) {
          const error = failNext;
          failNext = null;
          u.onerror?.({ error });
          return;
        }
        spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
        u.onend?.();
      },
      cancel() {},
      getVoices: () => voices,
    },
  });
});
afterEach(cleanup);

function call(kunci: string, kode: string, loket = "Loket 1", menit = 0): Panggilan {
  return { kunci, kode, loket, grup: "Layanan Umum", panggilanKe: 1, dipanggilAt: new Date(Date.UTC(2026, 11, 7, 2, menit)).toISOString() };
}

function board(dipanggil: Panggilan[], menunggu = 3) {
  return {
    papanAntrianBerubah: {
      __typename: "PapanAntrian",
      instansiId: INSTANSI,
      instansiNama: "Kantor Kemenag Kab. Madiun",
      tanggal: "2026-12-07",
      dipanggil: dipanggil.map((p) => ({ __typename: "PanggilanAntrian", ...p })),
      grup: [{ __typename: "GrupMenunggu", id: "R3J1cDox", kode: "A", nama: "Layanan Umum", menunggu, terakhirDipanggil: dipanggil[0]?.kode ?? null }],
    },
  };
}

function setup() {
  const { client, subscriptions } = mockClient((body) => ({ errors: [{ message: `unexpected ${body.operationName}` }] }));
  render(
    <StaticSession value={{ me: petugas }}>
      <Wrapper client={client} path={`/antrian/tampil/${UUID}`}>
        <Routes>
          <Route path="/antrian/tampil/*" element={<TampilAntrianPage />} />
        </Routes>
      </Wrapper>
    </StaticSession>,
  );
  const push = (data: unknown) => act(() => subscriptions.get("PapanAntrianBerubah")!.next(data));
  return { subscriptions, push };
}

describe("the queue display (/antrian/tampil)", () => {
  it("shows the newest call large with its counter, the calls before it and what each group waits", async () => {
    const { subscriptions, push } = setup();
    await screen.findByText("Menyambung ke Loket…");
    expect(subscriptions.get("PapanAntrianBerubah")!.payload.variables).toEqual({ instansiId: INSTANSI });
    push(board([call("k3", "A-003", "Loket 2"), call("k2", "A-002"), call("k1", "A-001")], 5));
    expect(screen.getByRole("heading", { level: 1, name: "Kantor Kemenag Kab. Madiun" })).toBeTruthy();
    expect(screen.getByTestId("panggilan-kode").textContent).toBe("A-003");
    expect(screen.getByText("Loket 2")).toBeTruthy();
    const previous = within(screen.getByRole("region", { name: "Panggilan sebelumnya" }));
    expect(previous.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["A-002Loket 1", "A-001Loket 1"]);
    const waiting = within(screen.getByRole("region", { name: "Menunggu" }));
    expect(waiting.getByText("5").textContent).toBe("5");
    expect(waiting.getByText("Terakhir: A-003")).toBeTruthy();
    expect(screen.getByText("Senin, 7 Desember 2026")).toBeTruthy();
  });

  it("speaks each new call once in Indonesian with an Indonesian voice, never the calls made before it opened", async () => {
    const user = userEvent.setup();
    const { push } = setup();
    await screen.findByText("Menyambung ke Loket…");
    push(board([call("k1", "A-001")]));
    // browsers speak only after a gesture on the page: a button turns the sound on (and says so)
    await user.click(screen.getByRole("button", { name: "Aktifkan suara" }));
    expect(spoken).toEqual([{ text: "Suara panggilan antrian aktif.", lang: "id-ID", voice: "Damayanti" }]);
    expect(screen.getByRole("button", { name: "Suara aktif" }).getAttribute("aria-pressed")).toBe("true");
    spoken = [];

    push(board([call("k2", "A-007"), call("k1", "A-001")]));
    expect(spoken).toEqual([{ text: "Nomor antrian A tujuh, silakan ke Loket 1", lang: "id-ID", voice: "Damayanti" }]);
    expect(screen.getByTestId("panggilan-kode").closest(".papan__panggilan")!.className).toContain("papan__panggilan--kilat");

    // the same board again (a reconnect re-sends it, a change elsewhere on the board): nothing is repeated
    push(board([call("k2", "A-007"), call("k1", "A-001")], 2));
    expect(spoken).toHaveLength(1);
    // a recall is a new kunci for the same number: said again
    push(board([call("k3", "A-007", "Loket 1", 2), call("k1", "A-001")]));
    expect(spoken.map((s) => s.text)).toEqual(["Nomor antrian A tujuh, silakan ke Loket 1", "Nomor antrian A tujuh, silakan ke Loket 1"]);
  });

  it("after a drop catches up: the calls missed appear, and only the newest few are said, oldest first", async () => {
    const user = userEvent.setup();
    const { push } = setup();
    await screen.findByText("Menyambung ke Loket…");
    push(board([call("k1", "A-001")]));
    await user.click(screen.getByRole("button", { name: "Aktifkan suara" }));
    spoken = [];
    const missed = [6, 5, 4, 3, 2].map((n) => call(`m${n}`, `A-00${n}`, n % 2 ? "Loket 1" : "Loket 2", n));
    push(board([...missed, call("k1", "A-001")]));
    expect(screen.getByTestId("panggilan-kode").textContent).toBe("A-006");
    expect(spoken.map((s) => s.text)).toEqual([
      "Nomor antrian A empat, silakan ke Loket 2",
      "Nomor antrian A lima, silakan ke Loket 1",
      "Nomor antrian A enam, silakan ke Loket 2",
    ]);
    expect(spoken).toHaveLength(MAKS_SUSULAN);
  });

  it("asks for a tap when the browser refuses to speak, and stays silent until then", async () => {
    localStorage.setItem("loket.antrian.suara", "1");
    const { push } = setup();
    await screen.findByText("Menyambung ke Loket…");
    push(board([]));
    expect(screen.getByRole("button", { name: "Suara aktif" })).toBeTruthy();
    failNext = "not-allowed";
    push(board([call("k1", "B-012", "Loket 3")]));
    expect(await screen.findByRole("button", { name: "Ketuk untuk mengaktifkan suara" })).toBeTruthy();
    push(board([call("k2", "B-013", "Loket 3"), call("k1", "B-012", "Loket 3")]));
    expect(spoken).toEqual([]);
  });
});

describe("PanggilanBaru", () => {
  it("announces nothing of the first board, then each kunci once, newest few only, oldest first", () => {
    const baru = new PanggilanBaru();
    expect(baru.dari([call("a", "A-001")])).toEqual([]);
    expect(baru.dari([call("a", "A-001")])).toEqual([]);
    expect(baru.dari([call("b", "A-002"), call("a", "A-001")]).map((p) => p.kunci)).toEqual(["b"]);
    const burst = ["f", "e", "d", "c"].map((k) => call(k, `A-${k}`));
    expect(baru.dari([...burst, call("b", "A-002")]).map((p) => p.kunci)).toEqual(["d", "e", "f"]);
  });

  it("prefers an Indonesian voice on the device itself", () => {
    const v = (name: string, lang: string, localService: boolean) => ({ name, lang, localService }) as SpeechSynthesisVoice;
    expect(pilihSuara([v("en", "en-US", true), v("Google", "id-ID", false), v("Damayanti", "id_ID", true)])?.name).toBe("Damayanti");
    expect(pilihSuara([v("Google", "id-ID", false)])?.name).toBe("Google");
    expect(pilihSuara([v("en", "en-US", true)])).toBeNull();
  });
});
