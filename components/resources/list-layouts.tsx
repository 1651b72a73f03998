"use client";

import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/*
 * The list template's other shapes (ListPageFrame's `container` and `layout`), for the lists that are not a table
 * alone in a card. Their own module, so the paged lists' first load does not carry them.
 */

/** Beside the list, a side panel (e.g. its create form), below it on narrow screens. */
export const withAside =
  (aside: ReactNode) =>
  (list: ReactNode): ReactNode => (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
      {list}
      {aside}
    </div>
  );

/** The rows as a stack of cards (the failure and the empty state stand in the stack the same way). */
export const cardStack =
  (busy: boolean) =>
  (list: ReactNode): ReactNode => (
    <div className="space-y-3" aria-busy={busy}>
      {list}
    </div>
  );

/** A stack's cards, or its skeleton while the first answer loads. */
export const stackRows = <T,>(items: T[] | undefined, card: (item: T) => ReactNode): ReactNode =>
  items ? items.map(card) : <Skeleton className="h-16 w-full" />;
