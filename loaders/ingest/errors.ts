/** A file that cannot be used at all: the build stops with this one sentence (Swedish, names the fix). */
export class IngestFatalError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "IngestFatalError";
  }
}
