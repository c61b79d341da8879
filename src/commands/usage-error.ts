// A usage error: the command line asks for something that does not exist or does not fit. The CLI
// prints its message with a pointer to --help and exits 2, never with a stack trace.
export class UsageError extends Error {
  override name = 'UsageError';
}
