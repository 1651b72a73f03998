import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The absolute path of an executable on PATH (or the Debian default dirs), or null. */
export function findTool(name: string, path = process.env.PATH ?? ""): string | null {
  for (const dir of [...path.split(delimiter), "/usr/bin", "/usr/local/bin"]) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      /* next */
    }
  }
  return null;
}
