"use client";

import { AllProjectsView } from "@/components/all-projects/all-projects-view";

export function AllInstancesClient() {
  return <AllProjectsView kind="instances" />;
}
