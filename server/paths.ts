import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository's root folder (the one holding package.json), found from this module's own location. The same
 * code runs from the source tree (server/paths.ts under tsx or vitest) and from the bundle (dist/server/*.js,
 * where every module's import.meta.url is the bundle's), so files read at run time (prisma/migrations, the
 * catalogue seed, the built client, the persisted-operations manifest) are located from here, not relative to a
 * module's own folder.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const repoRoot = findRoot();

/** A path under the repository's root. */
export const fromRoot = (...parts: string[]) => path.join(repoRoot, ...parts);
