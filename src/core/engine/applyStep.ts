/**
 * Machines in the engine keep their reasoning in pure steps that return the next context and the
 * events to emit; this queues both inside an XState `enqueueActions` block.
 */
interface Enqueue<C, E> {
  assign: (assigner: () => Partial<C>) => void;
  emit: (event: E) => void;
}

/** Queues a step in an XState `enqueueActions` block: assigns its context, then emits its events in order. */
export function applyStep<C, E>(
  step: { readonly context: C; readonly emitted: readonly E[] },
  enqueue: unknown,
): void {
  // enqueueActions' own type is specific to each machine's setup(); only these two calls are used.
  const q = enqueue as Enqueue<C, E>;
  q.assign(() => step.context as Partial<C>);
  for (const event of step.emitted) q.emit(event);
}
