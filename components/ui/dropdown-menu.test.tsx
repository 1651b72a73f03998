// @vitest-environment jsdom
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DropdownMenu, DropdownMenuTrigger } from "./dropdown-menu";
import { DropdownMenuContent, DropdownMenuItem, DropdownMenuRadioItem } from "./dropdown-menu-content";

function Menu({ onPick = vi.fn() }: { onPick?: (v: string) => void }) {
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger>Account</DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem onSelect={() => onPick("profile")}>Profile</DropdownMenuItem>
          <DropdownMenuItem disabled onSelect={() => onPick("disabled")}>
            Disabled
          </DropdownMenuItem>
          <DropdownMenuRadioItem checked={false} onSelect={() => onPick("settings")}>
            Settings
          </DropdownMenuRadioItem>
          <DropdownMenuItem onSelect={() => onPick("logout")}>Sign out</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <button type="button">outside</button>
    </>
  );
}

const trigger = () => screen.getByRole("button", { name: "Account" });

describe("DropdownMenu", () => {
  it("opens with ArrowDown on the trigger and focuses the first item", () => {
    render(<Menu />);
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
    fireEvent.keyDown(trigger(), { key: "ArrowDown" });
    expect(screen.getByRole("menu")).toBeInTheDocument();
    expect(trigger()).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("menuitem", { name: "Profile" })).toHaveFocus();
  });

  it("moves with the arrows, skips disabled items, wraps, and jumps with Home/End", () => {
    render(<Menu />);
    fireEvent.keyDown(trigger(), { key: "ArrowDown" });
    const menu = screen.getByRole("menu");
    fireEvent.keyDown(menu, { key: "ArrowDown" });
    expect(screen.getByRole("menuitemradio", { name: "Settings" })).toHaveFocus();
    fireEvent.keyDown(menu, { key: "End" });
    expect(screen.getByRole("menuitem", { name: "Sign out" })).toHaveFocus();
    fireEvent.keyDown(menu, { key: "ArrowDown" });
    expect(screen.getByRole("menuitem", { name: "Profile" })).toHaveFocus();
    fireEvent.keyDown(menu, { key: "ArrowUp" });
    expect(screen.getByRole("menuitem", { name: "Sign out" })).toHaveFocus();
    fireEvent.keyDown(menu, { key: "s" });
    expect(screen.getByRole("menuitemradio", { name: "Settings" })).toHaveFocus();
  });

  it("closes on Escape and gives focus back to the trigger", () => {
    render(<Menu />);
    fireEvent.keyDown(trigger(), { key: "ArrowUp" });
    expect(screen.getByRole("menuitem", { name: "Sign out" })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole("menu"), { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(trigger()).toHaveFocus();
  });

  it("selecting an item runs it and closes; a disabled item does nothing", () => {
    const onPick = vi.fn();
    render(<Menu onPick={onPick} />);
    fireEvent.click(trigger());
    fireEvent.click(screen.getByRole("menuitem", { name: "Disabled" }));
    expect(onPick).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("menuitem", { name: "Sign out" }));
    expect(onPick).toHaveBeenCalledWith("logout");
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("closes when the pointer goes down outside", () => {
    render(<Menu />);
    fireEvent.click(trigger());
    fireEvent.pointerDown(screen.getByRole("button", { name: "outside" }));
    expect(screen.queryByRole("menu")).toBeNull();
  });
});
