import { builder } from "./builder";
import "./errors";
import "./enums";
import "./node";
import "../modules/account/types";
import "../modules/calendar/types";
import "../modules/instansi/types";
import "../modules/notification/types";
import "../modules/layanan/types";
import "../modules/pengajuan/types";
import "../modules/pengaduan/types";
import "../modules/ppid/types";
import "../modules/skm/types";
import "../modules/audit/types";
import "../modules/api-client/types";
import "../modules/webhook/types";
import "../modules/mail/types";

export const schema = builder.toSchema({ sortSchema: false });
