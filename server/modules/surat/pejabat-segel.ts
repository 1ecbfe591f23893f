import { type Keys, decrypt, encrypt } from "../../lib/crypto";
import { maskIdentity } from "../../shared/nik";

/**
 * A signing official's NIP (and id at the remote signing service), sealed like every identity number: AES-256-GCM
 * bound to the account (server/lib/crypto.ts). Opened only to print a letter or to sign.
 */
const nipAad = (userId: string) => `pejabat:${userId}:nip`;
const idRemoteAad = (userId: string) => `pejabat:${userId}:id-remote`;

export function segelNip(keys: Keys, userId: string, nip: string) {
  return { nipCipher: encrypt(keys, nip, nipAad(userId)), nipMasked: maskIdentity(nip) };
}

export function bukaNip(keys: Keys, p: { userId: string; nipCipher: string }): string {
  return decrypt(keys, p.nipCipher, nipAad(p.userId));
}

export function segelIdRemote(keys: Keys, userId: string, id: string): string {
  return encrypt(keys, id, idRemoteAad(userId));
}

export function bukaIdRemote(keys: Keys, p: { userId: string; idRemoteCipher: string }): string {
  return decrypt(keys, p.idRemoteCipher, idRemoteAad(p.userId));
}
