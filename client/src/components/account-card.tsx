import type { ReactNode } from "react";
import type { AccountStatus } from "../gql/graphql";
import { StatusBadge } from "./status-badge";

/** One account in an admin's list: the name and the account's status, then what the page shows and offers. */
export function AccountCard({ nama, status, children }: { nama: string; status: AccountStatus; children: ReactNode }) {
  return (
    <li className="card user">
      <div className="user__head">
        <h3 className="user__name">{nama}</h3>
        <StatusBadge status={status} />
      </div>
      {children}
    </li>
  );
}
