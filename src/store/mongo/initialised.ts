/** The store once its indexes are made; closed (its connection released) when they cannot be. */
export async function initialised<T extends { init(): Promise<void>; close(): Promise<void> }>(store: T): Promise<T> {
  try {
    await store.init();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
