// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, render, screen } from "@testing-library/react";
import { PhoneMenuButton, usePhoneMenu } from "./phone-menu";

afterEach(cleanup);

/** The hook as the header uses it: `pathname` is the page on screen, window.location the address. */
function Menu({ pathname }: { pathname: string }) {
  const { open, toggle } = usePhoneMenu(pathname);
  return <PhoneMenuButton open={open} onClick={toggle} />;
}

const expanded = () => screen.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded");

describe("the phone menu", () => {
  it("closes when another page comes on screen after it was opened", () => {
    window.history.replaceState(null, "", "/");
    const { rerender } = render(<Menu pathname="/" />);
    act(() => screen.getByRole("button", { name: "Menu" }).click());
    expect(expanded()).toBe("true");
    // a link in the menu: the address changes, then the page once its code has loaded
    window.history.pushState(null, "", "/lacak");
    rerender(<Menu pathname="/lacak" />);
    expect(expanded()).toBe("false");
  });

  it("opened after the address changed but before the new page showed, it stays open when that page shows", () => {
    window.history.replaceState(null, "", "/masuk");
    const { rerender } = render(<Menu pathname="/masuk" />);
    // logged in: the address is the queue's, the login page is still on screen while the queue's code loads
    window.history.pushState(null, "", "/petugas/antrian");
    act(() => screen.getByRole("button", { name: "Menu" }).click());
    expect(expanded()).toBe("true");
    rerender(<Menu pathname="/petugas/antrian" />);
    expect(expanded()).toBe("true");
    // and a second tap closes it
    act(() => screen.getByRole("button", { name: "Menu" }).click());
    expect(expanded()).toBe("false");
  });
});
