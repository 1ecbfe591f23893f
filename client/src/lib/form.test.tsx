// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { useForm } from "./form";
import { NETWORK_MESSAGE } from "./errors";

afterEach(cleanup);

const FIELDS = ["nama", "kontak"] as const;

let form: ReturnType<typeof useForm<{ nama: string; kontak: string }>>;

function Probe() {
  form = useForm({ nama: "", kontak: "" }, FIELDS);
  return (
    <form ref={form.formRef}>
      <input aria-label="Nama" name="nama" {...form.bind("nama")} />
      <input aria-label="Kontak" name="kontak" {...form.bind("kontak")} />
      <p data-testid="nama-error">{form.errors.nama}</p>
      <p data-testid="form-error">{form.formError}</p>
    </form>
  );
}

describe("useForm", () => {
  it("bind: typing sets the value and drops the message about it", async () => {
    render(<Probe />);
    act(() => void form.checked({ nama: "Tulis nama." }));
    expect(screen.getByTestId("nama-error").textContent).toBe("Tulis nama.");
    await userEvent.setup().type(screen.getByLabelText("Nama"), "Loket");
    expect(form.values.nama).toBe("Loket");
    expect(screen.getByTestId("nama-error").textContent).toBe("");
  });

  it("showRequestError: at the field it concerns (with focus), else for the whole form", () => {
    render(<Probe />);
    const forbidden = new CombinedError({ graphQLErrors: [new GraphQLError("Bukan instansi Anda.", { extensions: { code: "FORBIDDEN" } })] });
    act(() => form.showRequestError(forbidden, "kontak"));
    expect(form.errors.kontak).toBe("Bukan instansi Anda.");
    expect(document.activeElement).toBe(screen.getByLabelText("Kontak"));
    act(() => form.showRequestError(new CombinedError({ networkError: new Error("offline") })));
    expect(screen.getByTestId("form-error").textContent).toBe(NETWORK_MESSAGE);
  });
});
