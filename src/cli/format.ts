/** Small number formatters shared by the table and the report. */
export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

/** "+1.2", "−0.4"; a value that rounds to zero is "±0.0", never "−0.0". */
export const signed = (x: number, digits = 2): string => {
  const shown = Math.abs(x).toFixed(digits);
  return (Number(shown) === 0 ? '±' : x > 0 ? '+' : '−') + shown;
};

export const money = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0));

export const int = (x: number): string => Math.round(x).toLocaleString('en-US');
