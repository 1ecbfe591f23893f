import type { AccountStatus } from "../gql/graphql";
import { STATUS_LABEL } from "../lib/labels";

const CLASS: Record<AccountStatus, string> = {
  MENUNGGU_AKTIVASI: "badge--pending",
  AKTIF: "badge--ok",
  DITOLAK: "badge--bad",
  DITANGGUHKAN: "badge--bad",
  TAMU: "badge--pending",
};

export function StatusBadge({ status, large = false }: { status: AccountStatus; large?: boolean }) {
  return <span className={`badge ${CLASS[status]}${large ? " badge--large" : ""}`}>{STATUS_LABEL[status]}</span>;
}
