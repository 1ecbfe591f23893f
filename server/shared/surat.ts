/**
 * How a letter template's text field prints when it names no size, alignment or line height: one value for the
 * server's renderer (server/modules/surat/template-render.ts) and the admin's designer
 * (client/src/pages/admin/template-surat/konversi.ts), so a template opened and saved unchanged prints the same.
 */
export const TEKS_BAWAAN = { fontSize: 11, alignment: "left", lineHeight: 1.2 } as const;
