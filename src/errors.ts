/** A document that cannot be extracted: names the source and the problem in one line. */
export class DocumentError extends Error {
  constructor(
    readonly source: string,
    readonly problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = "DocumentError";
  }
}
