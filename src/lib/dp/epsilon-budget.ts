import { epsilonToNanos, nanosToEpsilon } from './epsilon.ts';

/** Why a spend was refused. */
export type BudgetRefusal = 'INSUFFICIENT_EPSILON' | 'INSUFFICIENT_DELTA';

export type SpendResult =
  | { ok: true; budget: EpsilonBudget; charged: { epsilon: number; delta: number } }
  | { ok: false; reason: BudgetRefusal; remaining: { epsilon: number; delta: number } };

/** Serialisable state, for the server to store beside a sharing agreement. */
export interface EpsilonBudgetState {
  totalNanos: number;
  spentNanos: number;
  deltaTotal: number;
  deltaSpent: number;
}

/**
 * A privacy-loss budget under sequential composition (Dwork & Roth 2014, Theorem 3.14): the ε (and δ) of
 * every answered query add up, and a query whose cost would exceed what remains is refused. The value is
 * immutable — `spend` returns a new budget — so the server can store it and compare-and-swap it in one
 * transaction. ε is counted in integer nano-ε (see epsilon.ts), so plans like 0.1 + 0.2 + 0.7 fit 1.0.
 * @example
 * let budget = EpsilonBudget.create({ epsilon: 1 });
 * const r = budget.spend(0.3);
 * if (r.ok) budget = r.budget; else throw new AppError('DP_BUDGET_EXHAUSTED', r);
 */
export class EpsilonBudget {
  private constructor(private readonly state: EpsilonBudgetState) {}

  /** A fresh budget; δ defaults to 0, which refuses every Gaussian (ε, δ) query. */
  static create(total: { epsilon: number; delta?: number }): EpsilonBudget {
    const delta = total.delta ?? 0;
    if (!(delta >= 0 && delta < 1)) throw new RangeError('delta budget must be in [0, 1)');
    return new EpsilonBudget({ totalNanos: epsilonToNanos(total.epsilon), spentNanos: 0, deltaTotal: delta, deltaSpent: 0 });
  }

  /** Restores a stored budget. */
  static fromJSON(state: EpsilonBudgetState): EpsilonBudget {
    const ok = [state.totalNanos, state.spentNanos].every((x) => Number.isSafeInteger(x) && x >= 0) && state.spentNanos <= state.totalNanos;
    if (!ok || !(state.deltaSpent >= 0 && state.deltaSpent <= state.deltaTotal)) throw new RangeError('invalid budget state');
    return new EpsilonBudget({ ...state });
  }

  toJSON(): EpsilonBudgetState {
    return { ...this.state };
  }

  get remaining(): { epsilon: number; delta: number } {
    return {
      epsilon: nanosToEpsilon(this.state.totalNanos - this.state.spentNanos),
      delta: Math.max(0, this.state.deltaTotal - this.state.deltaSpent),
    };
  }

  get spent(): { epsilon: number; delta: number } {
    return { epsilon: nanosToEpsilon(this.state.spentNanos), delta: this.state.deltaSpent };
  }

  /** Charges a query's cost, or refuses without change when the remaining budget cannot cover it. */
  spend(epsilon: number, delta = 0): SpendResult {
    const nanos = epsilonToNanos(epsilon);
    if (!(delta >= 0)) throw new RangeError('delta must be ≥ 0');
    if (nanos > this.state.totalNanos - this.state.spentNanos)
      return { ok: false, reason: 'INSUFFICIENT_EPSILON', remaining: this.remaining };
    // δ is a tiny probability; compare with a relative tolerance so 1e-7 + 1e-7 + … fits exactly its plan.
    const deltaAfter = this.state.deltaSpent + delta;
    if (delta > 0 && deltaAfter > this.state.deltaTotal * (1 + 1e-12))
      return { ok: false, reason: 'INSUFFICIENT_DELTA', remaining: this.remaining };
    const budget = new EpsilonBudget({
      ...this.state,
      spentNanos: this.state.spentNanos + nanos,
      deltaSpent: Math.min(deltaAfter, this.state.deltaTotal),
    });
    return { ok: true, budget, charged: { epsilon: nanosToEpsilon(nanos), delta } };
  }
}
