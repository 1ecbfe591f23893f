// Types of what tests import from build.mjs (tests/code/dynamic-imports.test.ts).
/** The packages the server bundle leaves for Node to load (`packages/*` patterns allowed). */
export declare const SERVER_EXTERNAL: readonly string[];
