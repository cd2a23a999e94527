/** Spells non-negative integers the way people say them ("two hundred and five" without the "and"). */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function below100(n: number): string {
  if (n < 20) return ONES[n];
  const t = Math.floor(n / 10);
  const o = n % 10;
  return o === 0 ? TENS[t] : `${TENS[t]} ${ONES[o]}`;
}

function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return below100(rest);
  return rest === 0 ? `${ONES[h]} hundred` : `${ONES[h]} hundred ${below100(rest)}`;
}

/** 0..999999 as words; larger or non-integer values are rejected. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`cannot spell ${n}`);
  if (n < 1000) return below1000(n);
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  return rest === 0 ? `${below1000(th)} thousand` : `${below1000(th)} thousand ${below1000(rest)}`;
}

/** Every word numberToWords can produce (so the dictionary always covers spoken numbers). */
export const NUMBER_WORDS: readonly string[] = [...ONES, ...TENS.filter((t) => t !== ''), 'hundred', 'thousand'];
