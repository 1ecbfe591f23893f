// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LoginForm } from "./login";
import { descriptionOf, mockClient, Wrapper, type GraphQLRequestBody } from "../test-utils";

afterEach(cleanup);

function setup(answer: (body: GraphQLRequestBody) => unknown) {
  const { client, requests } = mockClient(answer);
  const onSuccess = vi.fn();
  render(
    <Wrapper client={client}>
      <LoginForm onSuccess={onSuccess} />
    </Wrapper>,
  );
  return { requests, onSuccess, user: userEvent.setup() };
}

const loginError = (code: string, message: string, retryAfterSeconds: number | null = null) => ({
  data: { login: { __typename: "LoginError", code, message, field: null, retryAfterSeconds } },
});

describe("LoginForm", () => {
  it("asks for both answers before sending anything", async () => {
    const { user, requests } = setup(() => ({}));
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    const nomor = screen.getByLabelText("NIK atau NIP");
    expect(descriptionOf(nomor)).toContain("Masukkan NIK atau NIP Anda.");
    expect(descriptionOf(screen.getByLabelText("Kata sandi"))).toContain("Masukkan kata sandi Anda.");
    // two wrong fields: the error summary lists both and takes focus
    const summary = screen.getByRole("group", { name: /Ada masalah/ });
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain("Masukkan kata sandi Anda.");

    await user.type(nomor, "12345");
    await user.type(screen.getByLabelText("Kata sandi"), "rahasia");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect(descriptionOf(nomor)).toContain("Masukkan NIK (16 angka) atau NIP (18 angka).");
    expect(requests).toHaveLength(0);
  });

  it("logs in and hands over the account", async () => {
    const { user, requests, onSuccess } = setup(() => ({
      data: { login: { __typename: "LoginSuccess", data: { user: { id: "VXNlcjox", role: "PEMOHON", status: "AKTIF" } } } },
    }));
    await user.type(screen.getByLabelText("NIK atau NIP"), "3519 0117 0890 0001");
    await user.type(screen.getByLabelText("Kata sandi"), "Warga-Loket-2026");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ id: "VXNlcjox", role: "PEMOHON", status: "AKTIF" }));
    expect(requests[0]!.variables).toEqual({ nomorIdentitas: "3519011708900001", password: "Warga-Loket-2026" });
  });

  it("shows the API's message at the button for a refused login", async () => {
    const message = "NIK/NIP atau kata sandi salah. Sisa 5 percobaan sebelum akun dikunci sementara.";
    const { user, onSuccess } = setup(() => loginError("INVALID_CREDENTIALS", message));
    await user.type(screen.getByLabelText("NIK atau NIP"), "3519011708900001");
    await user.type(screen.getByLabelText("Kata sandi"), "salah-sekali-123");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("shows a pending account's explanation", async () => {
    const message = "Akun Anda belum diaktifkan. Admin sedang memeriksa data pendaftaran Anda; Anda akan menerima notifikasi setelah akun diaktifkan.";
    const { user } = setup(() => loginError("ACCOUNT_PENDING", message));
    await user.type(screen.getByLabelText("NIK atau NIP"), "3519011708900001");
    await user.type(screen.getByLabelText("Kata sandi"), "Pelayanan-Prima-2026");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
  });

  it("waits out retryAfterSeconds before another attempt", async () => {
    const { user, requests } = setup(() => loginError("LOGIN_TOO_FAST", "Tunggu 2 detik sebelum mencoba lagi.", 2));
    await user.type(screen.getByLabelText("NIK atau NIP"), "3519011708900001");
    await user.type(screen.getByLabelText("Kata sandi"), "salah-sekali-123");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Tunggu 2 detik sebelum mencoba lagi.");
    const button = screen.getByRole("button", { name: "Masuk" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/Anda dapat mencoba lagi dalam \d detik/)).toBeTruthy();
    await waitFor(() => expect(button.disabled).toBe(false), { timeout: 4000 });
    await user.click(button);
    await waitFor(() => expect(requests).toHaveLength(2));
  });

  it("puts a message about the number next to the number", async () => {
    const { user } = setup(() => ({
      data: {
        login: { __typename: "ValidationError", code: "IDENTITY_FORMAT", message: "Masukkan NIK (16 angka) atau NIP (18 angka).", field: "nomorIdentitas" },
      },
    }));
    await user.type(screen.getByLabelText("NIK atau NIP"), "3519011708900001");
    await user.type(screen.getByLabelText("Kata sandi"), "x");
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    const nomor = screen.getByLabelText("NIK atau NIP");
    await waitFor(() => expect(descriptionOf(nomor)).toContain("Masukkan NIK (16 angka) atau NIP (18 angka)."));
    expect(nomor.getAttribute("aria-invalid")).toBe("true");
  });
});
