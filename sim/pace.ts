// The simulated day runs at PACE times a real register's rate: each turn (20 s to 2 min of
// simulated time) a register rings up PACE bursts of sales, so a push carries about a dozen
// sales instead of four and a seed's 2,000 sales take a third of the pushes and pulls. The
// fault plan's chances per turn are scaled by the same factor, so faults per sale stay as they
// were; only the number of requests per sale goes down. (Measured on seed 5: 22.4 s at pace 1,
// 14.3 s at pace 3; docs/reliability.md.)
export const PACE = 3;

/** A chance per turn for something that should happen `p` per turn at a real register's pace. */
export const often = (p: number): number => Math.min(1, p * PACE);
