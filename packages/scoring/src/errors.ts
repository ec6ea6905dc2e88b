/** Invalid input to a computation; `message` is in Bahasa Indonesia and names the bad value. */
export class ScoringInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScoringInputError';
  }
}
