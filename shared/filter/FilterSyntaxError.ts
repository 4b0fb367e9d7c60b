/**
 * What is wrong with a filter query, and where: `start`/`end` index the
 * query text so the filter box can underline the offending part while the
 * last good filter stays in force.
 */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';

  constructor(
    message: string,
    /** Index of the first character of the offending part. */
    readonly start: number,
    /** Index just past it. */
    readonly end: number,
  ) {
    super(message);
  }
}
