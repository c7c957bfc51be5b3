/** Small number formatters shared by the table and the report. */
export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

export const signed = (x: number, digits = 2): string => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(digits);

export const money = (x: number): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0);

export const int = (x: number): string => Math.round(x).toLocaleString('en-US');
