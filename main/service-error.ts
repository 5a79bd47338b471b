/** What the vault service throws for a request it refuses; `dispatch` passes the code on to the caller. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'not-found' | 'no-vault' | 'forbidden' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}
