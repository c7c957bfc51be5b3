/** A sparse feature vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
  length: number;
}

/** Many sparse rows in compressed-sparse-row form (the training matrix). */
export interface SparseRows {
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  rows: number;
}

export function squaredNorm(rows: SparseRows, row: number): number {
  let sum = 0;
  for (let p = rows.rowStart[row]!; p < rows.rowStart[row + 1]!; p++) sum += rows.values[p]! * rows.values[p]!;
  return sum;
}
