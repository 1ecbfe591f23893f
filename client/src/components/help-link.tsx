import { Link } from "react-router-dom";

/** "Butuh bantuan? Lihat Bantuan" under an error or a page that could not be shown: the way to the help pages. */
export function HelpLink({ inline = false }: { inline?: boolean }) {
  const content = (
    <>
      Butuh bantuan? <Link to="/bantuan">Lihat Bantuan</Link>
    </>
  );
  return inline ? <span className="help-link">{content}</span> : <p className="help-link">{content}</p>;
}
