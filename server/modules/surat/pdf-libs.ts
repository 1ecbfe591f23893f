/**
 * The PDF libraries of the signing and stamping code, loaded together on first use: `await import("./pdf-libs")`.
 *
 * Why a module of re-exports: the server is bundled (scripts/build.mjs) with its dependencies, and a dynamic
 * import of the bundled CommonJS package pdf-lib came back without its named exports (PDFDocument undefined), so signing failed in the built server while it passed under tsx. Static imports are resolved when
 * the bundle is made; tests/code/dynamic-imports.test.ts keeps every dynamic import of a bundled package out.
 */
export { PDFDict, PDFDocument, PDFName, StandardFonts, rgb } from "pdf-lib";
export { default as QRCode } from "qrcode";
export { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
export { SignPdf, Signer } from "@signpdf/signpdf";
export { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
