// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RegisterForm } from "./register";
import { checkIdentity } from "../components/identity-fields";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";
import { NIK_ERROR_MESSAGES } from "../../../server/shared/nik";
import { NETWORK_MESSAGE } from "../lib/errors";

afterEach(cleanup);

// the form sends a multipart request (lib/upload.ts, XMLHttpRequest); here it answers like the mock client, and
// the real request is exercised in tests/e2e (accounts, aktivasi)
const upload = vi.hoisted(() => ({ handler: null as null | ((body: { operationName: string; variables: Record<string, unknown> }) => unknown) }));
vi.mock("../lib/upload", () => ({
  uploadMutation: async (_doc: unknown, variables: Record<string, unknown>) => {
    try {
      return (await upload.handler!({ operationName: "Register", variables })) as object;
    } catch {
      return { failure: NETWORK_MESSAGE };
    }
  },
}));

const KTP = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], "ktp.png", { type: "image/png" });

const VERSIONS = { data: { legalVersions: { __typename: "LegalVersions", syaratKetentuan: "2026-11", kebijakanPrivasi: "2026-11" } } };

function setup(
  onRegister: (body: GraphQLRequestBody) => unknown = () => ({
    data: { register: { __typename: "RegisterSuccess", data: { user: { id: "VXNlcjox", status: "MENUNGGU_AKTIVASI" } } } },
  }),
) {
  const { client, requests } = mockClient((body) => (body.operationName === "Register" ? onRegister(body) : VERSIONS));
  upload.handler = (body) => {
    requests.push(body as GraphQLRequestBody);
    return onRegister(body as GraphQLRequestBody);
  };
  const onRegistered = vi.fn();
  render(
    <Wrapper client={client}>
      <RegisterForm onRegistered={onRegistered} />
    </Wrapper>,
  );
  return { requests, onRegistered, user: userEvent.setup() };
}

async function fillValid(user: ReturnType<typeof userEvent.setup>, nik = "3519011708900001") {
  await user.type(screen.getByLabelText("NIK"), nik);
  await user.type(screen.getByLabelText("Nama lengkap"), "Siti Aminah");
  await user.type(screen.getByLabelText("Email"), "siti@contoh.id");
  await user.type(screen.getByLabelText("Nomor telepon / WhatsApp"), "081234567890");
  await user.upload(screen.getByLabelText("Foto KTP"), KTP);
  await user.type(screen.getByLabelText("Kata sandi"), "Pelayanan-Prima-2026");
  await user.click(screen.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }));
  await user.click(screen.getByRole("checkbox", { name: /Kebijakan Privasi/ }));
}

describe("checkIdentity (the NIK/NIP check while typing)", () => {
  const now = new Date("2026-11-22T08:00:00Z");
  it("shows only a counter for an unfinished number, and the format message once the field is left", () => {
    expect(checkIdentity("NIK", "351901", false, now)).toEqual({ progress: "6/16" });
    expect(checkIdentity("NIK", "351901", true, now).error).toBe(NIK_ERROR_MESSAGES.NIK_FORMAT);
  });
  it("uses the API's own rules and messages for a complete number", () => {
    expect(checkIdentity("NIK", "9919011708900001", false, now).error).toBe(NIK_ERROR_MESSAGES.NIK_PROVINCE);
    expect(checkIdentity("NIK", "3519013213900001", false, now).error).toBe(NIK_ERROR_MESSAGES.NIK_BIRTHDATE);
    expect(checkIdentity("NIK", "3519011708900000", false, now).error).toBe(NIK_ERROR_MESSAGES.NIK_SERIAL);
    expect(checkIdentity("NIK", "3519015708900001", false, now).ok).toMatch(/17 Agustus 1990/);
    expect(checkIdentity("NIP", "198001012005011001", false, now).ok).toMatch(/Format NIP benar/);
    expect(checkIdentity("NIP", "19800101200501100", true, now).error).toMatch(/18 angka/);
  });
});

describe("RegisterForm", () => {
  it("checks the NIK as it is typed", async () => {
    const { user } = setup();
    const nik = screen.getByLabelText("NIK");

    await user.type(nik, "3519");
    expect(nik.getAttribute("aria-invalid")).toBe("false");
    expect(screen.getByText("4/16")).toBeTruthy();

    await user.type(nik, "x");
    expect(nik.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(nik)).toContain(NIK_ERROR_MESSAGES.NIK_FORMAT);

    await user.clear(nik);
    await user.type(nik, "9919011708900001");
    expect(descriptionOf(nik)).toContain(NIK_ERROR_MESSAGES.NIK_PROVINCE);

    await user.clear(nik);
    await user.type(nik, "3519011708900000");
    expect(descriptionOf(nik)).toContain(NIK_ERROR_MESSAGES.NIK_SERIAL);

    await user.clear(nik);
    await user.type(nik, "3519011708900001");
    expect(nik.getAttribute("aria-invalid")).toBe("false");
    expect(descriptionOf(nik)).toMatch(/Format NIK benar \(tanggal lahir 17 Agustus 1990\)/);
  });

  it("says an unfinished NIK is too short once the field is left", async () => {
    const { user } = setup();
    const nik = screen.getByLabelText("NIK");
    await user.type(nik, "35190117");
    expect(descriptionOf(nik)).not.toContain(NIK_ERROR_MESSAGES.NIK_FORMAT);
    await user.tab();
    expect(descriptionOf(nik)).toContain(NIK_ERROR_MESSAGES.NIK_FORMAT);
  });

  it("switches to the NIP rules", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("radio", { name: /NIP/ }));
    const nip = screen.getByLabelText("NIP");
    await user.type(nip, "198001012005011001");
    expect(descriptionOf(nip)).toMatch(/Format NIP benar/);
  });

  it("does not send the form while required answers are missing, and focuses the error summary that lists them", async () => {
    const { user, requests } = setup();
    await user.click(screen.getByRole("button", { name: "Daftar" }));
    const nik = screen.getByLabelText("NIK");
    const summary = screen.getByRole("group", { name: /Ada masalah/ });
    expect(document.activeElement).toBe(summary);
    expect(Array.from(summary.querySelectorAll("a"), (a) => a.getAttribute("href"))).toEqual(
      ["NIK", "Nama lengkap", "Email", "Nomor telepon / WhatsApp", "Foto KTP", "Kata sandi"]
        .map((l) => `#${screen.getByLabelText(l).id}`)
        .concat(screen.getAllByRole("checkbox").map((c) => `#${c.id}`)),
    );
    expect(descriptionOf(nik)).toContain("Masukkan NIK Anda.");
    expect(descriptionOf(screen.getByLabelText("Foto KTP"))).toContain("Pilih foto KTP Anda.");
    expect(descriptionOf(screen.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }))).toContain("Centang persetujuan");
    expect(requests.filter((r) => r.operationName === "Register")).toHaveLength(0);
  });

  it("sends the versions shown and reports success", async () => {
    const { user, requests, onRegistered } = setup();
    await waitFor(() => expect(screen.getAllByText(/versi 2026-11/)).toHaveLength(2));
    await fillValid(user);
    await user.click(screen.getByRole("button", { name: "Daftar" }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledOnce());
    const sent = requests.find((r) => r.operationName === "Register")!;
    expect(sent.variables!.input).toEqual({
      identityType: "NIK",
      nomorIdentitas: "3519011708900001",
      namaLengkap: "Siti Aminah",
      email: "siti@contoh.id",
      telepon: "081234567890",
      password: "Pelayanan-Prima-2026",
      setujuSyaratKetentuan: true,
      setujuKebijakanPrivasi: true,
      versiSyaratKetentuan: "2026-11",
      versiKebijakanPrivasi: "2026-11",
      fotoIdentitas: KTP,
      skAsn: null,
    });
  });

  it("shows the API's error next to the field it names, and focuses that field", async () => {
    const message = "NIK ini sudah terdaftar. Satu NIK hanya untuk satu akun; gunakan menu masuk atau hubungi kantor.";
    const { user, onRegistered } = setup(() => ({
      data: { register: { __typename: "ConflictError", code: "IDENTITY_TAKEN", message, field: "nomorIdentitas" } },
    }));
    await waitFor(() => expect(screen.getAllByText(/versi 2026-11/)).toHaveLength(2));
    await fillValid(user);
    await user.click(screen.getByRole("button", { name: "Daftar" }));
    const nik = screen.getByLabelText("NIK");
    await waitFor(() => expect(descriptionOf(nik)).toContain(message));
    expect(nik.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(nik);
    expect(onRegistered).not.toHaveBeenCalled();
    // the message is not repeated for the whole form
    expect(screen.queryByRole("alert")).toBeNull();

    // it goes away once the person corrects the number
    await user.clear(nik);
    await user.type(nik, "3519011708900002");
    expect(descriptionOf(nik)).not.toContain(message);
  });

  it("puts an email error next to the email field, and an outdated-terms error next to its checkbox", async () => {
    let call = 0;
    const { user } = setup(() =>
      ++call === 1
        ? { data: { register: { __typename: "ValidationError", code: "EMAIL_INVALID", message: "Alamat email tidak valid.", field: "email" } } }
        : {
            data: {
              register: {
                __typename: "ValidationError",
                code: "CONSENT_OUTDATED",
                message: "Syarat dan Ketentuan telah diperbarui. Muat ulang halaman dan baca versi terbaru.",
                field: "versiSyaratKetentuan",
              },
            },
          },
    );
    await waitFor(() => expect(screen.getAllByText(/versi 2026-11/)).toHaveLength(2));
    await fillValid(user);
    await user.click(screen.getByRole("button", { name: "Daftar" }));
    await waitFor(() => expect(descriptionOf(screen.getByLabelText("Email"))).toContain("Alamat email tidak valid."));
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));

    await user.click(screen.getByRole("button", { name: "Daftar" }));
    const terms = screen.getByRole("checkbox", { name: /Syarat dan Ketentuan/ });
    await waitFor(() => expect(descriptionOf(terms)).toContain("Syarat dan Ketentuan telah diperbarui"));
  });

  it("explains a failed connection for the whole form", async () => {
    const { client } = mockClient((body) => {
      if (body.operationName === "Register") throw new TypeError("Failed to fetch");
      return VERSIONS;
    });
    upload.handler = () => {
      throw new TypeError("Failed to fetch");
    };
    render(
      <Wrapper client={client}>
        <RegisterForm onRegistered={() => {}} />
      </Wrapper>,
    );
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getAllByText(/versi 2026-11/)).toHaveLength(2));
    await fillValid(user);
    await user.click(screen.getByRole("button", { name: "Daftar" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Tidak dapat terhubung ke server Loket/);
  });
});
