import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { CreateNetworkClient } from "./client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("networkDetail.createTitle") };
}

export default function CreateNetworkPage() {
  return <CreateNetworkClient />;
}
