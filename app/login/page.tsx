import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { prefetch } from "@/lib/api/prefetch";
import { getQueryClient } from "@/lib/api/query-client";
import { createServerApi } from "@/lib/api/server";
import { getT } from "@/lib/i18n/server";
import { sessionQueries } from "@/lib/queries/auth";
import { safeNextPath } from "@/lib/safe-next";
import { LoginClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  // Already signed in: go straight on. Any failure (401, BFF down) just shows the form.
  const status = await prefetch(getQueryClient(), sessionQueries.current(await createServerApi()));
  if (status === null) redirect(next);
  return <LoginClient next={next} returning={typeof params.next === "string" && next === params.next} />;
}
