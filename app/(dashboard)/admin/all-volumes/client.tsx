"use client";

import { AllProjectsView } from "@/components/all-projects/all-projects-view";

export function AllVolumesClient() {
  return <AllProjectsView kind="volumes" />;
}
