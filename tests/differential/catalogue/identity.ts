import { created, probes } from "./helpers";

const { list, p } = probes("identity");

// Tokens.
p("auth.tokens.bad-body", "POST", "/auth/tokens", { user: "anon", body: { auth: {} } });
p("auth.tokens.not-json", "POST", "/auth/tokens", { user: "anon", body: "{not json" });
p("auth.tokens.chunked", "POST", "/auth/tokens", {
  user: "anon",
  body: {
    auth: { identity: { methods: ["password"], password: { user: { name: "nobody", domain: { name: "Default" }, password: "x" } } } },
  },
  chunked: true,
});
p("auth.tokens.wrong-password", "POST", "/auth/tokens", {
  user: "anon",
  body: {
    auth: { identity: { methods: ["password"], password: { user: { name: "{tag}-nobody", domain: { name: "Default" }, password: "x" } } } },
  },
});
p("auth.tokens.validate.admin", "GET", "/auth/tokens", { user: "admin", headers: { "X-Subject-Token": "{member_token}" } });
p("auth.tokens.validate.self", "GET", "/auth/tokens", { headers: { "X-Subject-Token": "{member_token}" } });
p("auth.tokens.validate.missing", "GET", "/auth/tokens", { headers: { "X-Subject-Token": "gAAAAA{missing}" } });
p("auth.tokens.check.other-user", "HEAD", "/auth/tokens", { user: "other", headers: { "X-Subject-Token": "{member_token}" } });
p("auth.projects", "GET", "/auth/projects");
p("auth.catalog", "GET", "/auth/catalog");
// Users (the identity issue).
p("users.list.anon", "GET", "/users", { user: "anon" });
p("users.list.member", "GET", "/users");
p("users.list.admin", "GET", "/users", { user: "admin" });
p("users.list.admin.by-name", "GET", "/users?name={tag}-other", { user: "admin" });
p("users.get.self", "GET", "/users/{member_user}");
p("users.get.other-user", "GET", "/users/{other_user}");
p("users.get.other-user.by-other", "GET", "/users/{member_user}", { user: "other" });
p("users.get.admin", "GET", "/users/{other_user}", { user: "admin" });
p("users.get.missing.admin", "GET", "/users/{missing}", { user: "admin" });
p("users.projects.self", "GET", "/users/{member_user}/projects");
p("users.projects.other-user", "GET", "/users/{other_user}/projects");
p("users.create.member", "POST", "/users", { body: { user: { name: "{tag}-u2", domain_id: "default" } } });
p("users.create.bad-body", "POST", "/users", { user: "admin", body: { user: { domain_id: "default" } } });
p("users.create.chunked", "POST", "/users", {
  user: "admin",
  body: { user: { name: "{tag}-u3", domain_id: "default" } },
  chunked: true,
  cleanup: created("DELETE", "/users/{created}", (b) => b?.user?.id),
});
p("users.create.admin", "POST", "/users", {
  user: "admin",
  body: { user: { name: "{tag}-u4", domain_id: "default", enabled: false } },
  cleanup: created("DELETE", "/users/{created}", (b) => b?.user?.id, "admin"),
});
p("users.create.duplicate", "POST", "/users", { user: "admin", body: { user: { name: "{tag}-other", domain_id: "default" } } });
p("users.update.member", "PATCH", "/users/{other_user}", { body: { user: { enabled: false } } });
p("users.delete.missing", "DELETE", "/users/{missing}", { user: "admin" });
p("users.application-credentials.self", "GET", "/users/{member_user}/application_credentials");
p("users.application-credentials.other-user", "GET", "/users/{other_user}/application_credentials");
p("users.application-credentials.create.bad-body", "POST", "/users/{member_user}/application_credentials", {
  body: { application_credential: { description: "no name" } },
});
p("users.get.anon", "GET", "/users/{member_user}", { user: "anon" });
p("users.create.anon", "POST", "/users", { user: "anon", body: { user: { name: "{tag}-u5", domain_id: "default" } } });
p("users.update.admin", "PATCH", "/users/{other_user}", { user: "admin", body: { user: { description: "zenith differential" } } });
p("users.update.bad-body", "PATCH", "/users/{other_user}", { user: "admin", body: { user: { enabled: "perhaps" } } });
p("users.update.missing.admin", "PATCH", "/users/{missing}", { user: "admin", body: { user: { description: "x" } } });
p("users.update.chunked", "PATCH", "/users/{other_user}", { user: "admin", body: { user: { description: "y" } }, chunked: true });
p("users.delete.member", "DELETE", "/users/{other_user}");
// Projects.
p("projects.list.anon", "GET", "/projects", { user: "anon" });
p("projects.get.anon", "GET", "/projects/{member_project}", { user: "anon" });
p("projects.update.admin", "PATCH", "/projects/{other_project}", { user: "admin", body: { project: { description: "zenith" } } });
p("projects.update.member", "PATCH", "/projects/{member_project}", { body: { project: { description: "x" } } });
p("projects.update.bad-body", "PATCH", "/projects/{other_project}", { user: "admin", body: { project: { enabled: "perhaps" } } });
p("projects.update.missing.admin", "PATCH", "/projects/{missing}", { user: "admin", body: { project: { description: "x" } } });
p("projects.delete.missing.admin", "DELETE", "/projects/{missing}", { user: "admin" });
p("projects.create.chunked", "POST", "/projects", {
  user: "admin",
  body: { project: { name: "{tag}-p4", domain_id: "default" } },
  chunked: true,
  cleanup: created("DELETE", "/projects/{created}", (b) => b?.project?.id, "admin"),
});
p("projects.user-roles.admin", "GET", "/projects/{other_project}/users/{other_user}/roles", { user: "admin" });
p("projects.user-roles.member", "GET", "/projects/{other_project}/users/{other_user}/roles");
p("projects.list.member", "GET", "/projects");
p("projects.list.admin", "GET", "/projects", { user: "admin" });
p("projects.get.own", "GET", "/projects/{member_project}");
p("projects.get.other-project", "GET", "/projects/{other_project}");
p("projects.get.own.by-other", "GET", "/projects/{other_project}", { user: "other" });
p("projects.get.missing.admin", "GET", "/projects/{missing}", { user: "admin" });
p("projects.create.member", "POST", "/projects", { body: { project: { name: "{tag}-p2", domain_id: "default" } } });
p("projects.create.bad-body", "POST", "/projects", { user: "admin", body: { project: { name: "" } } });
p("projects.create.admin", "POST", "/projects", {
  user: "admin",
  body: { project: { name: "{tag}-p3", domain_id: "default" } },
  cleanup: created("DELETE", "/projects/{created}", (b) => b?.project?.id, "admin"),
});
p("projects.delete.member", "DELETE", "/projects/{other_project}");
// Roles and assignments.
p("roles.list.member", "GET", "/roles");
p("roles.list.admin", "GET", "/roles", { user: "admin" });
p("role-assignments.member", "GET", "/role_assignments?scope.project.id={member_project}");
p("role-assignments.admin", "GET", "/role_assignments?scope.project.id={other_project}", { user: "admin" });
p("role-grant.member", "PUT", "/projects/{other_project}/users/{member_user}/roles/{member_role}");
p("role-grant.check.admin", "HEAD", "/projects/{other_project}/users/{other_user}/roles/{member_role}", { user: "admin" });
p("domains.list.member", "GET", "/domains");
p("unknown.path", "GET", "/no-such-thing");

export const identity = list;
