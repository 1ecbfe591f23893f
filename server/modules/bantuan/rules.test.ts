import { describe, expect, it } from "vitest";
import { kataCari, wordStartPattern } from "./rules";

describe("search words", () => {
  it("are lower case, without punctuation, at most 8 of at most 50 characters", () => {
    expect(kataCari('  Bagaimana, cara "MENDAFTAR"?  ')).toEqual(["bagaimana", "cara", "mendaftar"]);
    expect(kataCari("a b c d e f g h i j")).toHaveLength(8);
    expect(kataCari("x".repeat(80))).toEqual(["x".repeat(50)]);
    expect(kataCari(" ?! ")).toEqual([]);
  });

  it("match the start of a word, every symbol taken literally", () => {
    expect(wordStartPattern("2x24")).toBe("\\m2x24");
    expect(wordStartPattern("a.b*(c)")).toBe("\\ma\\.b\\*\\(c\\)");
    expect(wordStartPattern("%_")).toBe("\\m\\%\\_");
  });
});
