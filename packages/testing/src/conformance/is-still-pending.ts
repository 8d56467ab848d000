/**
 * Whether `promise` is still unsettled once the callbacks queued so far (and one timer turn)
 * have run; a promise that was already resolved or rejected reports `false`.
 */
export async function isStillPending(promise: Promise<unknown>): Promise<boolean> {
  const settled = Symbol('settled');
  const marker = promise.then(
    () => settled,
    () => settled,
  );
  const turn = new Promise<undefined>((resolve) => setTimeout(resolve, 0));
  return (await Promise.race([marker, turn])) !== settled;
}
