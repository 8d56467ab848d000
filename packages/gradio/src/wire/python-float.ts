/**
 * A number the Python server holds as a `float`: serialised like Python's `repr`
 * (`0.0`, `12.5`, `3e-05`, `1e+16`), never as a bare integer.
 */
export class PythonFloat {
  constructor(readonly value: number) {}

  toString(): string {
    return formatPythonFloat(this.value);
  }

  /** The plain number, so that `JSON.stringify` of a message holding one stays valid JSON. */
  toJSON(): number {
    return this.value;
  }
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const pointPosition = exponent + 1;
  let text: string;
  if (pointPosition <= 0) text = `0.${'0'.repeat(-pointPosition)}${digits}`;
  else if (pointPosition >= digits.length) text = `${digits}${'0'.repeat(pointPosition - digits.length)}.0`;
  else text = `${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
  return negative ? `-${text}` : text;
}
