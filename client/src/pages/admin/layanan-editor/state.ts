import { useFragment } from "../../../gql";
import type { FormFieldType, LayananEditorQuery, SlaSatuan } from "../../../gql/graphql";
import { KOMPONEN_TEKS, StandarPelayanan_LayananFragment, type KomponenTeks } from "../../../components/standar-pelayanan";

type Loaded = Extract<NonNullable<LayananEditorQuery["node"]>, { __typename: "Layanan" }>;

export const MIME_CHOICES = [
  ["application/pdf", "PDF"],
  ["image/jpeg", "JPG"],
  ["image/png", "PNG"],
] as const;

export const SIZE_CHOICES = [500 * 1024, 1024 * 1024, 2 * 1024 * 1024, 5 * 1024 * 1024, 10 * 1024 * 1024, 20 * 1024 * 1024];

export const FIELD_TYPES: Array<[FormFieldType, string]> = [
  ["TEXT", "Teks pendek"],
  ["TEXTAREA", "Teks panjang"],
  ["NUMBER", "Angka"],
  ["DATE", "Tanggal"],
  ["SELECT", "Pilihan"],
  ["NIK", "NIK"],
  ["PHONE", "Nomor telepon"],
  ["EMAIL", "Email"],
];

export interface SlotState {
  id?: string;
  label: string;
  keterangan: string;
  wajib: boolean;
  jenisFile: string[];
  maksBytes: number;
  templateUrl?: string | null;
}

export interface FieldState {
  nama: string;
  label: string;
  tipe: FormFieldType;
  wajib: boolean;
  bantuan: string;
  opsi: string;
  min: string;
  max: string;
  pola: string;
}

export interface EditorState extends Record<KomponenTeks, string> {
  kode: string;
  nama: string;
  kategori: string;
  deskripsi: string;
  aktif: boolean;
  unduhOnline: boolean;
  ambilDiKantor: boolean;
  slaJumlah: string;
  slaSatuan: SlaSatuan;
  biaya: string;
  prosedurFlowchart: string;
  persyaratan: SlotState[];
  formFields: FieldState[];
}

export function emptyState(): EditorState {
  return {
    kode: "",
    nama: "",
    kategori: "",
    deskripsi: "",
    aktif: true,
    unduhOnline: true,
    ambilDiKantor: false,
    slaJumlah: "3",
    slaSatuan: "HARI_KERJA",
    biaya: "0",
    prosedurFlowchart: "",
    persyaratan: [],
    formFields: [],
    ...(Object.fromEntries(KOMPONEN_TEKS.map(([k]) => [k, ""])) as Record<KomponenTeks, string>),
  };
}

export function fromLoaded(loaded: Loaded): EditorState {
  const l = { ...loaded, ...useFragment(StandarPelayanan_LayananFragment, loaded) };
  return {
    ...emptyState(),
    ...(Object.fromEntries(KOMPONEN_TEKS.map(([k]) => [k, l[k] ?? ""])) as Record<KomponenTeks, string>),
    kode: l.kode,
    nama: l.nama,
    kategori: l.kategori,
    deskripsi: l.deskripsi,
    aktif: l.aktif,
    unduhOnline: l.unduhOnline,
    ambilDiKantor: l.ambilDiKantor,
    slaJumlah: String(l.slaJumlah),
    slaSatuan: l.slaSatuan,
    biaya: String(l.biaya),
    prosedurFlowchart: l.prosedurFlowchart ?? "",
    persyaratan: l.persyaratan.map((s) => ({
      id: s.id,
      label: s.label,
      keterangan: s.keterangan,
      wajib: s.wajib,
      jenisFile: [...s.jenisFile],
      maksBytes: s.maksBytes,
      templateUrl: s.templateUrl,
    })),
    formFields: l.formFields.map((f) => ({
      nama: f.nama,
      label: f.label,
      tipe: f.tipe,
      wajib: f.wajib,
      bantuan: f.bantuan,
      opsi: f.opsi.join("\n"),
      min: f.min == null ? "" : String(f.min),
      max: f.max == null ? "" : String(f.max),
      pola: f.pola ?? "",
    })),
  };
}

export function move<T>(list: T[], i: number, d: number): T[] {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return copy;
}
