import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { expect, it } from "vitest";
import { isUuid, rawId, toGlobalId } from "../../client/src/lib/ids";

// The web client builds ids from the uuids in its addresses (links in emails: /pengajuan/<uuid>) without Pothos;
// its encoding must stay the server's, or every such link would open "not found".
it("the client's global ids are the server's (Pothos encodeGlobalID / decodeGlobalID)", () => {
  const uuid = "0b6f8f5e-3c1a-4d2b-9e7f-5a4c3b2a1908";
  for (const type of ["Pengajuan", "Pengaduan", "PermohonanInformasi", "Layanan", "Instansi", "User"]) {
    expect(toGlobalId(type, uuid)).toBe(encodeGlobalID(type, uuid));
    expect(decodeGlobalID(toGlobalId(type, uuid))).toEqual({ typename: type, id: uuid });
    expect(rawId(encodeGlobalID(type, uuid))).toBe(uuid);
  }
  expect(isUuid(uuid)).toBe(true);
  expect(rawId("bukan-id")).toBe("");
});
