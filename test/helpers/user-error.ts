import { UserError } from '../../src/core/cells';

/** The message of the UserError `run` throws; fails the test if it throws anything else or returns. */
export function userErrorMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}
