/** Number formatting shared by records and the CLI. */

/**
 * `n.toLocaleString('en-US')` ("1,250"): written by hand for safe integers, which is what figures are,
 * since the ICU call costs about a microsecond at every casualty record; anything else goes to ICU.
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let k = head; k < digits.length; k += 3) out += `,${digits.slice(k, k + 3)}`;
  return n < 0 ? `-${out}` : out;
}
