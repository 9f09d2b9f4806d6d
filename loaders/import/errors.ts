/** A file the importer cannot use: the command stops with this one Swedish sentence and exit 1. */
export class ImportError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "ImportError";
  }
}
