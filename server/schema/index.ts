import { builder } from "./builder";
import "./errors";
import "./enums";
import "../modules/account/types";
import "../modules/instansi/types";
import "../modules/notification/types";

export const schema = builder.toSchema({ sortSchema: false });
