import { blokJawaban } from "../../../../server/shared/bantuan";

/** An answer's plain text as paragraphs and lists (server/shared/bantuan.ts): elements built here, never HTML. */
export function Jawaban({ teks }: { teks: string }) {
  return (
    <div className="bantuan__jawaban">
      {blokJawaban(teks).map((b, i) =>
        b.jenis === "paragraf" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of one text, in order; they have no identity
          <p key={i}>{b.teks}</p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <ul key={i}>
            {b.butir.map((t, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <li key={j}>{t}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
