import type { ReactNode } from "react";
import { Link, type To } from "react-router-dom";

/**
 * One answer on a "Periksa kembali" list (GOV.UK check answers, issue #14): its label, what was given, and an
 * "Ubah" link back to its field. Inside `<dl className="check-answers__list">`.
 */
export function AnswerRow({ label, value, to }: { label: string; value: ReactNode; to: To }) {
  return (
    <div className="check-answers__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="check-answers__change">
        <Link to={to}>
          Ubah<span className="sr-only"> {label.toLowerCase()}</span>
        </Link>
      </dd>
    </div>
  );
}
