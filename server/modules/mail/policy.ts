import { MEJA_ADMIN, catalogue } from "../../lib/policy";

/**
 * Whether the install's emails go out is the admins' business: the admin pages say when emails wait because
 * no SMTP server is set (`pengirimanEmail`). The counts are the whole install's (an email row belongs to no
 * instansi) and hold no personal data: every ADMIN and SUPERADMIN sees them; API clients do not.
 */
export const EMAIL_POLICY = catalogue({
  "email:lihatPengiriman": { desk: MEJA_ADMIN },
});
