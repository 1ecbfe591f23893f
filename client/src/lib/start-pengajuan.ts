import { useNavigate } from "react-router-dom";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { failureMessage } from "./errors";
import { rawId } from "./ids";

const StartPengajuanMutation = graphql(`
  mutation StartPengajuan($layananId: ID!, $dari: ID) {
    createPengajuan(layananId: $layananId, dariPengajuanId: $dari) {
      __typename
      ... on CreatePengajuanSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

/**
 * Starts a draft pengajuan of a service — from the service's page, or again from a refused or cancelled one
 * (`dari`: its answers and documents are copied) — and opens it. `start` gives a message when it cannot.
 */
export function useStartPengajuan() {
  const navigate = useNavigate();
  const [{ fetching }, create] = useMutation(StartPengajuanMutation);
  async function start(layananId: string, dari?: string): Promise<string | null> {
    const r = await create({ layananId, dari: dari ?? null });
    const res = r.data?.createPengajuan;
    if (res?.__typename === "CreatePengajuanSuccess") {
      navigate(`/pengajuan/${rawId(res.data.id)}`);
      return null;
    }
    return failureMessage(res, r.error);
  }
  return { start, starting: fetching };
}
