"use client";

import type { PowerAction } from "@/lib/queries/instances";
import { DropdownMenuContent, DropdownMenuItem } from "@/components/ui/dropdown-menu-content";
import { Icon } from "@/components/ui/icon";
import { cn } from "@/lib/cn";
import { ACTION_ICON } from "./use-action-text";

// Inline, not utility classes: this code loads lazily, but every class would weigh on each page's first-load CSS.
const SHEET = { position: "fixed", left: 12, right: 12, top: "auto", bottom: 12, margin: 0 } as const;

export interface RowMenuAction {
  action: PowerAction;
  label: string;
  enabled: boolean;
  why: string;
  destructive: boolean;
}

/**
 * The row's actions as a menu, for narrow screens where the icon buttons would sit off-screen in a scrolled table.
 * A sheet pinned to the bottom of the viewport (fixed, so the table's scroll container never clips it). A disabled
 * action is listed with its reason. Loaded when the menu first opens, or on intent (instance-row-actions.tsx).
 */
export function InstanceRowMenuItems({ actions, onPick }: { actions: RowMenuAction[]; onPick: (a: PowerAction) => void }) {
  return (
    <DropdownMenuContent style={SHEET}>
      {actions.map((a) => (
        <DropdownMenuItem
          key={a.action}
          disabled={!a.enabled}
          onSelect={() => onPick(a.action)}
          className={cn("py-2.5", a.destructive && a.enabled && "text-danger")}
        >
          <Icon name={ACTION_ICON[a.action]} />
          <span className="flex min-w-0 flex-col">
            <span>{a.label}</span>
            {a.enabled ? null : <span className="text-xs text-muted-foreground">{a.why}</span>}
          </span>
        </DropdownMenuItem>
      ))}
    </DropdownMenuContent>
  );
}
