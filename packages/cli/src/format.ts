/**
 * Number formatting shared by the charts, `values` and `describe`.
 *
 * @packageDocumentation
 */

/**
 * The shortest text that reads back as exactly `value` (JavaScript's own number-to-string, which is
 * shortest round-trip): `0.1`, `0.09045084971874737`, `1e-7`.
 */
export function exact(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/**
 * A short label for axes and legends: `digits` significant digits, trailing zeros dropped, exponent notation
 * for very small or large magnitudes (`0.001`, `0.0955`, `1.5e-5`, `12000`).
 */
export function compact(value: number, digits = 3): string {
  if (value === 0 || Object.is(value, -0)) return '0';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa!)}e${Number(exponent)}`;
  }
  return trimZeros(value.toPrecision(digits).includes('e') ? value.toFixed(0) : value.toPrecision(digits));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
