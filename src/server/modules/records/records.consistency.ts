/**
 * X-Experience-API-Consistent-Through (Communication 2.1.3.s2.b4): the instant up to which every
 * statement this process is storing has been committed. A batch gets its `stored` time before its
 * transaction commits, so while batches are in flight the answer is just before the oldest of them;
 * otherwise it is now. Several API processes each answer for their own writes (documented in docs/lrs.md).
 */
const inFlight = new Map<number, Date>();
let nextTicket = 0;

/** Marks a batch as being stored; call the returned function when its transaction has ended. */
export function beginStoring(stored: Date): () => void {
  const ticket = nextTicket++;
  inFlight.set(ticket, stored);
  return () => {
    inFlight.delete(ticket);
  };
}

/**
 * The value of the Consistent-Through header now.
 * @example reply.header('X-Experience-API-Consistent-Through', consistentThrough())
 */
export function consistentThrough(now = new Date()): string {
  let oldest = now.getTime();
  for (const stored of inFlight.values()) oldest = Math.min(oldest, stored.getTime() - 1);
  return new Date(oldest).toISOString();
}
