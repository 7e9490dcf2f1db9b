/** Deterministic generator of synthetic secrets, so the repository holds no scanner-bait literals */
export type TGen = {
  chars: (alphabet: string, length: number) => string;
  an: (length: number) => string;
  hex: (length: number) => string;
  up: (length: number) => string;
  lo: (length: number) => string;
  letters: (length: number) => string;
  digits: (length: number) => string;
  b64: (length: number) => string;
  url: (length: number) => string;
  uuid: () => string;
};

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

/** A mulberry32-seeded generator: the same seed always yields the same secrets */
export function createGen(seed: number): TGen {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chars = (alphabet: string, length: number): string => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)] ?? "";

    return out;
  };
  const hex = (length: number): string => chars("0123456789abcdef", length);

  return {
    chars,
    an: (length) => chars(UPPER + LOWER + DIGITS, length),
    hex,
    up: (length) => chars(UPPER + DIGITS, length),
    lo: (length) => chars(LOWER + DIGITS, length),
    letters: (length) => chars(UPPER + LOWER, length),
    digits: (length) => chars(DIGITS, length),
    b64: (length) => chars(`${UPPER}${LOWER}${DIGITS}+/`, length),
    url: (length) => chars(`${UPPER}${LOWER}${DIGITS}_-`, length),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  };
}

/** One positive (a realistic secret in context) and one near miss for a rule */
export type TRuleCase = {
  id: string;
  positive: (g: TGen) => string;
  negative: (g: TGen) => string;
};

/** Five dashes, so PEM armour is never spelled out in the source */
export const DASHES = "-".repeat(5);
