"use client";

import { useT } from "@/lib/i18n/client";
import type { BootOptions } from "@/lib/queries/boot";
import { useBootWizardStore } from "@/lib/stores/boot-wizard-store";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/input";
import { ChoiceTable } from "./choice-table";
import { flavorUnfit, selectedImage } from "./flavor-fit";
import type { Problem } from "./validation";

const err = (problems: Problem[], field: string) => problems.find((p) => p.field === field);

/** Flavors; those too small for the image's min_ram (or, booting locally, its disk) are disabled with the reason. */
export function FlavorStep({ options, problems }: { options: BootOptions; problems: Problem[] }) {
  const t = useT();
  const d = useBootWizardStore();
  const image = selectedImage(options, d);
  const e = err(problems, "flavorId");
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium">{t("boot.flavor.title")}</legend>
      {!d.source ? <p className="text-xs text-muted-foreground">{t("boot.flavor.chooseSource")}</p> : null}
      <ChoiceTable
        name="flavor"
        kind="radio"
        caption={t("boot.flavor.title")}
        selected={d.flavorId ? [d.flavorId] : []}
        empty="—"
        columns={["name", "vcpus", "ram", "disk"].map((c) => t(`boot.flavor.columns.${c as "name"}`))}
        onToggle={(id) => d.update({ flavorId: id })}
        rows={options.flavors.map((f) => {
          const unfit = flavorUnfit(f, image, d.createVolume);
          return {
            id: f.id,
            label: f.name,
            disabled: !!unfit,
            reason: unfit ? t(unfit.key, unfit.vars) : undefined,
            cells: [f.vcpus, `${f.ram} MiB`, `${f.disk} GiB`],
          };
        })}
      />
      {e && e.key === "boot.errors.flavor" ? <p className="text-xs text-danger">{t(e.key)}</p> : null}
    </fieldset>
  );
}

export function NetworksStep({ options, problems }: { options: BootOptions; problems: Problem[] }) {
  const t = useT();
  const d = useBootWizardStore();
  const e = err(problems, "networkIds");
  return (
    <fieldset className="space-y-2" aria-describedby="networks-hint">
      <legend className="mb-1 text-sm font-medium">{t("boot.networks.title")}</legend>
      <p id="networks-hint" className="text-xs text-muted-foreground">
        {t("boot.networks.hint")}
      </p>
      <ChoiceTable
        name="network"
        kind="checkbox"
        caption={t("boot.networks.title")}
        columns={[t("boot.source.columns.name"), "", ""]}
        selected={d.networkIds}
        empty={t("boot.networks.empty")}
        onToggle={(id) => d.toggleIn("networkIds", id)}
        rows={options.networks.map((n) => ({
          id: n.id,
          label: (
            <>
              {n.name || n.id}
              {d.networkIds.includes(n.id) ? <Badge className="ml-2">#{d.networkIds.indexOf(n.id) + 1}</Badge> : null}
            </>
          ),
          cells: [n.shared ? t("boot.networks.shared") : "", t("boot.networks.subnets", { n: n.subnets })],
        }))}
      />
      {e ? (
        <p className="text-xs text-danger" role="alert">
          {t(e.key)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function SecurityStep({ options }: { options: BootOptions }) {
  const t = useT();
  const d = useBootWizardStore();
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">{t("boot.security.title")}</legend>
        <ChoiceTable
          name="secgroup"
          kind="checkbox"
          caption={t("boot.security.title")}
          columns={[t("boot.source.columns.name"), ""]}
          selected={d.securityGroups}
          empty={t("boot.security.emptyGroups")}
          onToggle={(name) => d.toggleIn("securityGroups", name)}
          rows={[...new Map(options.securityGroups.map((g) => [g.name, g])).values()].map((g) => ({
            id: g.name,
            label: g.name,
            cells: [g.description],
          }))}
        />
      </fieldset>
      <div className="max-w-sm space-y-1.5">
        <Label htmlFor="boot-keypair">{t("boot.security.keyPair")}</Label>
        <select
          id="boot-keypair"
          value={d.keyName ?? ""}
          onChange={(e) => d.update({ keyName: e.target.value || null })}
          className="h-9 w-full rounded-md border border-input bg-surface px-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-ring/40"
        >
          <option value="">{t("boot.security.noKeyPair")}</option>
          {options.keyPairs.map((k) => (
            <option key={k.name} value={k.name}>
              {k.name} ({k.fingerprint.slice(0, 23)})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
