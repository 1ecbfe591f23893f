/**
 * The shared rules (server/shared/) declare their own unions, so the browser can read them without Prisma's
 * generated client. Here, where both are visible, each is checked equal to the enum or type it mirrors: adding a
 * value to one and not the other fails the type check.
 */
import type { ApiScope, FormFieldType, KanalPengaduan, PengaduanStatus, PengajuanStatus, WebhookEvent } from "../generated/prisma/enums";
import type { FormFieldType as SharedFormFieldType } from "../shared/form";
import type { ApiScope as SharedApiScope, WebhookEventName } from "../shared/klien-api";
import type {
  AksiPengajuan,
  KanalPengaduan as SharedKanalPengaduan,
  PengaduanStatus as SharedPengaduanStatus,
  PengajuanStatus as SharedPengajuanStatus,
} from "../shared/labels";
import type { Aksi } from "../modules/pengajuan/transitions";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

export const sharedEnumsMatch: {
  pengajuanStatus: Same<PengajuanStatus, SharedPengajuanStatus>;
  aksiPengajuan: Same<Aksi, AksiPengajuan>;
  pengaduanStatus: Same<PengaduanStatus, SharedPengaduanStatus>;
  formFieldType: Same<FormFieldType, SharedFormFieldType>;
  apiScope: Same<ApiScope, SharedApiScope>;
  webhookEvent: Same<WebhookEvent, WebhookEventName>;
  kanalPengaduan: Same<KanalPengaduan, SharedKanalPengaduan>;
} = { pengajuanStatus: true, aksiPengajuan: true, pengaduanStatus: true, formFieldType: true, apiScope: true, webhookEvent: true, kanalPengaduan: true };
