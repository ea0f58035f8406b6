// The one clock a test may look at: the limit after which a test that has not finished is taken to hang (an
// exponential regex, a lost message, a loop that never ends) and is stopped, so that the run ends and names
// it. It is far beyond what the slowest machine, however busy, needs for any test: no test judges speed by
// the clock (how cost grows with size is measured in test/support/growth.ts).
export const HANG_GUARD_MS = 20 * 60_000;
