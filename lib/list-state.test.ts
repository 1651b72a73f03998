import { describe, expect, it } from "vitest";
import { getterOf, listQueryOf, listSearchOf, parseListState, type ListSpec } from "./list-state";

const spec: ListSpec<"created" | "name", "ACTIVE" | "ERROR"> = {
  sorts: ["created", "name"],
  defaultSort: "created",
  defaultDir: "desc",
  filter: { key: "status", values: ["ACTIVE", "ERROR"] },
};

describe("list URL state", () => {
  it("parses with defaults and drops anything invalid", () => {
    const s = parseListState(spec, getterOf({ sort: "ram", dir: "up", status: "NOPE", after: "a1,../x,b2", q: "  web " }));
    expect(s).toEqual({ search: "web", sort: "created", dir: "desc", filter: undefined, cursor: ["a1", "b2"] });
  });

  it("round-trips through the URL, leaving defaults out", () => {
    const s = parseListState(spec, getterOf(new URLSearchParams("q=db&status=ERROR&sort=name&dir=asc&after=m1,m2")));
    expect(listSearchOf(spec, s)).toBe("?q=db&status=ERROR&sort=name&dir=asc&after=m1%2Cm2");
    expect(listSearchOf(spec, parseListState(spec, getterOf({})))).toBe("");
  });

  it("asks the BFF for this page: the last cursor entry is the marker", () => {
    const s = parseListState(spec, getterOf({ status: "ACTIVE", after: "m1,m2" }));
    expect(listQueryOf(spec, s)).toEqual({ limit: 20, sort: "created", dir: "desc", marker: "m2", status: "ACTIVE" });
  });
});
