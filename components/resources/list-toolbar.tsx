"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

interface FilterProps {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}

interface ListToolbarProps {
  search: string;
  onSearch: (search: string) => void;
  placeholder: string;
  filter?: FilterProps;
  /** Right-aligned extras (e.g. a count or a note). */
  children?: ReactNode;
}

/** Search (debounced into the URL) and one filter, above a resource table. */
export function ListToolbar({ search, onSearch, placeholder, filter, children }: ListToolbarProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(search);
  const [synced, setSynced] = useState(search);
  // The URL changed from elsewhere (back button, a link): show what it says.
  if (search !== synced) {
    setSynced(search);
    setText(search);
  }
  useEffect(() => {
    if (text.trim() === search) return;
    const timer = window.setTimeout(() => onSearch(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text, search, onSearch]);
  return (
    <div className="flex flex-wrap items-center gap-2 border-b px-4 py-3">
      <div className="relative min-w-56 flex-1 sm:max-w-sm">
        <label htmlFor={`${id}-q`} className="sr-only">
          {t("lists.search")}
        </label>
        <Icon name="search" className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted-foreground" />
        <Input
          id={`${id}-q`}
          type="search"
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") onSearch(text.trim());
            if (e.key === "Escape" && text) {
              e.preventDefault();
              setText("");
              onSearch("");
            }
          }}
          className="pl-8"
        />
      </div>
      {filter ? (
        <>
          <label htmlFor={`${id}-f`} className="sr-only">
            {filter.label}
          </label>
          <Select id={`${id}-f`} value={filter.value ?? ""} onChange={(e) => filter.onChange(e.target.value || undefined)}>
            <option value="">
              {filter.label}: {t("lists.all")}
            </option>
            {filter.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </>
      ) : null}
      <div className="ml-auto flex items-center gap-2 text-xs text-muted-foreground">{children}</div>
    </div>
  );
}
