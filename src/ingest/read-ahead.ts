/** The first chunks of a stream, up to `bytes`, and the iterator to go on with. */
export async function readAhead(chunks: AsyncIterable<Buffer>, bytes: number): Promise<{ head: Buffer[]; rest: AsyncIterator<Buffer>; complete: boolean }> {
  const rest = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await rest.next();
    if (next.done) return { head, rest, complete: true };
    head.push(next.value);
    length += next.value.length;
  }
  return { head, rest, complete: false };
}

/** The chunks read ahead, then the rest; a consumer that stops early ends the rest too. */
export async function* replay(head: readonly Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
