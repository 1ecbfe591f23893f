/**
 * Pothos hands resolvers `{ select: {} }` when a client selects no field of the object itself (only
 * `__typename`); Prisma rejects an empty select. Selecting the id keeps the query valid and cheap.
 */
export function q<T extends object>(query: T): T {
  const select = (query as { select?: Record<string, unknown> }).select;
  if (select && Object.keys(select).length === 0) return { ...query, select: { id: true } };
  return query;
}

/** Whether a Pothos query asks for nothing beyond the row's own scalar columns. */
export function onlyScalars(query: object): boolean {
  const { select, include } = query as { select?: Record<string, unknown>; include?: Record<string, unknown> };
  if (include && Object.keys(include).length > 0) return false;
  if (select) return Object.values(select).every((v) => v === true);
  return true;
}
