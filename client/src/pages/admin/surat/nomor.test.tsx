// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import NomorSuratPage from "./nomor";
import { StaticSession, type Me } from "../../../lib/session";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../../../test-utils";

afterEach(cleanup);

const INSTANSI_ID = btoa("Instansi:dddddddd-dddd-4ddd-8ddd-dddddddddddd");
const ME = {
  id: btoa("User:admin"),
  namaLengkap: "Admin Kemenag",
  role: "ADMIN",
  status: "AKTIF",
  instansi: { id: INSTANSI_ID, nama: "Kemenag Klaten" },
} as Me;

const POLA = { __typename: "PolaNomorSurat", pola: "{nomor}/{kode}/{bulan_romawi}/{tahun}", lingkup: "BERSAMA", bawaan: true, diubahAt: null };

/** The API's preview, roughly: the next number is 8, in March 2026. */
function pratinjau(v: Record<string, unknown>) {
  const pola = String(v.pola);
  if (!pola.includes("{tahun}")) {
    const problem = { code: "POLA_TANPA_TAHUN", message: "Pola nomor surat wajib memuat {tahun}.", field: "pola" };
    return { __typename: "ValidationError", ...problem, problems: [problem] };
  }
  const data = pola
    .replace("{nomor}", "8")
    .replace("{kode}", String(v.kodeKlasifikasi ?? ""))
    .replace("{bulan_romawi}", "III")
    .replace("{bulan}", "3")
    .replace("{tahun}", "2026");
  return { __typename: "PratinjauNomorSuratSuccess", data };
}

function setup(onSave?: (body: GraphQLRequestBody) => unknown) {
  const { client, requests } = mockClient((body) => {
    if (body.operationName === "AdminPolaNomorSurat") return { data: { polaNomorSurat: POLA } };
    if (body.operationName === "AdminPratinjauPolaNomor") return { data: { pratinjauNomorSurat: pratinjau(body.variables!) } };
    if (body.operationName === "AturPolaNomorSurat" && onSave) return onSave(body);
    return { errors: [{ message: `unexpected ${body.operationName}` }] };
  });
  render(
    <Wrapper client={client}>
      <StaticSession value={{ me: ME }}>
        <NomorSuratPage />
      </StaticSession>
    </Wrapper>,
  );
  return { requests, user: userEvent.setup() };
}

const preview = () => screen.getByText("Nomor surat berikutnya dengan pola ini").parentElement!;

describe("/admin/nomor-surat", () => {
  it("previews the next number of the office's pattern, with an example code", async () => {
    setup();
    await waitFor(() => expect(preview().textContent).toContain("8/400.12/III/2026"));
    expect(screen.getByText(/masih memakai pola bawaan/)).toBeTruthy();
    // the tokens are listed with what they become
    expect(screen.getByRole("rowheader", { name: "{bulan_romawi}" })).toBeTruthy();
    // both ways of counting are explained in words
    expect(screen.getByRole("radio", { name: /Satu nomor urut untuk semua surat/ })).toHaveProperty("checked", true);
    expect(screen.getByRole("radio", { name: /Nomor urut sendiri untuk setiap kode klasifikasi/ })).toBeTruthy();
  });

  it("updates the preview as the pattern and the example code are edited, once typing stops", async () => {
    const { user, requests } = setup();
    await waitFor(() => expect(preview().textContent).toContain("8/400.12/III/2026"));
    const pola = screen.getByLabelText("Pola nomor surat");
    await user.clear(pola);
    await user.click(pola);
    await user.paste("B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}");
    const kode = screen.getByLabelText(/Contoh kode klasifikasi/);
    await user.clear(kode);
    await user.type(kode, "PP.00");
    await waitFor(() => expect(preview().textContent).toContain("B-8/Kk.13.19/1/PP.00/3/2026"), { timeout: 3000 });
    const asked = requests.filter((r) => r.operationName === "AdminPratinjauPolaNomor");
    expect(asked.at(-1)!.variables).toEqual({
      instansiId: INSTANSI_ID,
      pola: "B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}",
      lingkup: "BERSAMA",
      kodeKlasifikasi: "PP.00",
    });
    // debounced: not one request per keystroke
    expect(asked.length).toBeLessThan(5);
  });

  it("says what is wrong with a pattern being edited, in the preview", async () => {
    const { user } = setup();
    await waitFor(() => expect(preview().textContent).toContain("8/400.12/III/2026"));
    const pola = screen.getByLabelText("Pola nomor surat");
    await user.clear(pola);
    await user.type(pola, "{{nomor}/{{kode}");
    await waitFor(() => expect(preview().textContent).toContain("wajib memuat {tahun}"), { timeout: 3000 });
  });

  it("saves the pattern and its scope; the API's refusal shows by the pattern's field", async () => {
    let answer: "error" | "ok" = "error";
    const { user, requests } = setup((body) => {
      if (answer === "error") {
        const problem = { code: "POLA_TANPA_KODE", message: "Nomor urut per kode klasifikasi memerlukan {kode} di dalam pola.", field: "pola" };
        return { data: { aturPolaNomorSurat: { __typename: "ValidationError", ...problem, problems: [problem] } } };
      }
      const v = body.variables!;
      return {
        data: {
          aturPolaNomorSurat: {
            __typename: "AturPolaNomorSuratSuccess",
            data: { ...POLA, pola: v.pola, lingkup: v.lingkup, bawaan: false, diubahAt: "2026-03-04T02:00:00.000Z" },
          },
        },
      };
    });
    await waitFor(() => expect(preview().textContent).toContain("8/400.12/III/2026"));
    await user.click(screen.getByRole("radio", { name: /Nomor urut sendiri untuk setiap kode klasifikasi/ }));
    await user.click(screen.getByRole("button", { name: "Simpan pola" }));
    const pola = screen.getByLabelText("Pola nomor surat");
    await waitFor(() => expect(descriptionOf(pola)).toContain("memerlukan {kode}"));
    answer = "ok";
    await user.click(screen.getByRole("button", { name: "Simpan pola" }));
    expect(await screen.findByText(/Pola nomor surat disimpan/)).toBeTruthy();
    expect(requests.filter((r) => r.operationName === "AturPolaNomorSurat").at(-1)!.variables).toEqual({
      instansiId: INSTANSI_ID,
      pola: POLA.pola,
      lingkup: "PER_KODE",
    });
  });
});
