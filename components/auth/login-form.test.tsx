// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeSession, renderWithProviders } from "@/components/test/render";
import { LoginForm } from "./login-form";

const router = vi.hoisted(() => ({ replace: vi.fn(), push: vi.fn(), refresh: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const respond = (status: number, body: unknown) =>
  vi
    .spyOn(globalThis, "fetch")
    .mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

afterEach(() => {
  vi.restoreAllMocks();
  router.replace.mockReset();
});

describe("LoginForm", () => {
  it("shows a readable message for a 401 and keeps the user on the form", async () => {
    respond(401, { code: "invalid_credentials", message: "The request you have made requires authentication.", requestId: "r1" });
    renderWithProviders(<LoginForm next="/project" />);
    fireEvent.change(screen.getByLabelText("Username"), { target: { value: "admin" } });
    fireEvent.change(screen.getByLabelText("Password", { selector: "input" }), { target: { value: "bad" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong username or password.");
    expect(router.replace).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByLabelText("Password", { selector: "input" })).toHaveValue(""));
  });

  it("posts the password body (with optional fields only when filled) and goes to next", async () => {
    const fetch = respond(200, makeSession());
    renderWithProviders(<LoginForm next="/admin/system" />);
    fireEvent.change(screen.getByLabelText("Username"), { target: { value: " admin " } });
    fireEvent.change(screen.getByLabelText("Password", { selector: "input" }), { target: { value: "zenith-admin" } });
    fireEvent.click(screen.getByRole("button", { name: "More options" }));
    fireEvent.change(screen.getByLabelText("Project"), { target: { value: "demo" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/admin/system"));
    const req = fetch.mock.calls[0][0] as Request;
    expect(new URL(req.url).pathname).toBe("/api/auth/login");
    expect(req.headers.get("X-Zenith-Request")).toBe("1");
    expect(await req.json()).toEqual({ username: "admin", password: "zenith-admin", project: "demo" });
  });

  it("flags empty required fields without calling the BFF", () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    renderWithProviders(<LoginForm next="/project" />);
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Username")).toHaveAttribute("aria-invalid", "true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("switches to the application-credential tab and sends that body", async () => {
    const fetch = respond(401, { code: "invalid_credentials", message: "nope", requestId: "r2" });
    renderWithProviders(<LoginForm next="/project" />);
    fireEvent.click(screen.getByRole("tab", { name: "Application credential" }));
    fireEvent.change(screen.getByLabelText("Application credential ID"), { target: { value: "abc" } });
    fireEvent.change(screen.getByLabelText("Secret"), { target: { value: "s3cret" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong application credential ID or secret.");
    expect(await (fetch.mock.calls[0][0] as Request).json()).toEqual({
      applicationCredentialId: "abc",
      applicationCredentialSecret: "s3cret",
    });
  });

  it("names the failing service for an upstream error", async () => {
    respond(502, { code: "upstream_error", message: "Keystone (identity) answered 503", requestId: "req-9", service: "identity" });
    renderWithProviders(<LoginForm next="/project" />);
    fireEvent.change(screen.getByLabelText("Username"), { target: { value: "admin" } });
    fireEvent.change(screen.getByLabelText("Password", { selector: "input" }), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Keystone (identity) answered 503");
    expect(alert).toHaveTextContent("req-9");
  });
});
