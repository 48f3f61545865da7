// Smart encoding, after Twilio's: look-alike Unicode (curly quotes from word processors, dashes,
// odd spaces, fullwidth forms) replaced with GSM-7 characters, so one stray ’ does not turn a
// 160-character SMS into a 70-character UCS-2 one. Twilio's published table is the guide, with
// three deliberate differences:
// - Combining marks in Twilio's table (U+0302, U+0303, U+0313, ...) are left out: they sit on the
//   letter before them, so "e" + U+0302 would become "e^" instead of "ê".
// - Odd spaces become one space (Twilio's calculator gives two), line/paragraph separators a newline.
// - Nothing is replaced unless the result is GSM-7. A message that stays UCS-2 (emoji, CJK) gains
//   nothing: in UCS-2 a ’ costs what a ' costs and … is cheaper than "...".
import { segmentMessage } from "@/lib/sms/segments";

export interface SmartReplacement {
  from: string;
  to: string;
  /** How many times `from` occurs in the text. */
  count: number;
}

export interface SmartEncoded {
  text: string;
  /** In order of first appearance; empty when nothing was (or would usefully be) replaced. */
  replacements: SmartReplacement[];
}

// Replacement -> the characters it stands for. Invisible characters are written as escapes.
const GROUPS: [to: string, from: string][] = [
  ['"', "«»“”„‟ʺˮ❝❞〝〞〟″‶"],
  ["'", "‘’‛ʹʻʼʽˈˊˋ´`❛❜′‵︐︑"],
  [",", "‚﹐﹑、､"],
  ["-", "\u2010\u2011‒–—―−﹘﹣⎼⎽•‣⁃∙"],
  ["...", "…"],
  ["!!", "‼"],
  ["<", "‹﹤"],
  [">", "›﹥"],
  ["/", "÷⧸⁄∕"],
  ["1/4", "¼"],
  ["1/2", "½"],
  ["3/4", "¾"],
  ["\\", "⧹⧵﹨"],
  ["_", "‗"],
  ["|", "∣⎸⎹⏐⎜⎟"],
  ["@", "﹫"],
  ["$", "﹩"],
  ["!", "ǃ︕﹗"],
  ["#", "﹟"],
  ["%", "﹪"],
  ["&", "﹠"],
  ["(", "❨❪﹙⟮⦅"],
  [")", "❩❫﹚⟯⦆"],
  ["*", "⁎∗⊛✢✣✤✥✱✲✳✺✻✼✽❃❉❊❋⧆﹡"],
  ["+", "˖﹢"],
  [".", "。﹒｡"],
  [":", "ː˸⦂꞉︓"],
  [";", "⁏︔﹔"],
  ["=", "꞊﹦"],
  ["?", "︖﹖"],
  ["^", "ˆ"],
  ["{", "❴﹛"],
  ["}", "❵﹜"],
  ["~", "˜˷∼"],
  // Small capitals, which "fancy text" generators use.
  ...[..."ABCDEFGHIJKLMNOPRSTUVWYZ"].map((letter, i): [string, string] => [letter, "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ"[i]!]),
  // No-break, en/em, thin, hair, figure, narrow, ideographic and the other wide spaces.
  [" ", "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"],
  ["\n", "\u2028\u2029"],
  // Zero-width characters, soft hyphens, BOMs and control codes: invisible, so dropped.
  ["", "\u200b\u200c\u200d\u2060\ufeff\u00ad"],
  ["", controlCharacters()],
];

/** C0 (but tab, newline, form feed, carriage return) and C1 controls, and DEL. */
function controlCharacters(): string {
  const codes = [...range(0x00, 0x1f).filter((c) => ![0x09, 0x0a, 0x0c, 0x0d].includes(c)), 0x7f, ...range(0x80, 0x9f)];
  return String.fromCharCode(...codes);
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Every replacement by character: the groups above, and fullwidth ASCII (U+FF01–U+FF5E). */
export const SMART_REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ...range(0xff01, 0xff5e).map((code): [string, string] => {
    const ascii = String.fromCharCode(code - 0xfee0);
    // The grave accent is the one printable ASCII character GSM-7 lacks.
    return [String.fromCharCode(code), ascii === "`" ? "'" : ascii];
  }),
  ...GROUPS.flatMap(([to, from]) => [...from].map((char): [string, string] => [char, to])),
]);

export function smartEncode(text: string): SmartEncoded {
  const counts = new Map<string, number>();
  let out = "";
  for (const char of text) {
    const to = SMART_REPLACEMENTS.get(char);
    if (to === undefined) {
      out += char;
    } else {
      out += to;
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  if (counts.size === 0 || segmentMessage(out).encoding !== "GSM-7") return { text, replacements: [] };
  return { text: out, replacements: [...counts].map(([from, count]) => ({ from, to: SMART_REPLACEMENTS.get(from)!, count })) };
}
