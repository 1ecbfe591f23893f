-- The flowchart drawn as SVG when it is saved, so citizens' pages show an image without the charting library
ALTER TABLE "Layanan" ADD COLUMN "prosedurFlowchartSvg" TEXT;
