/** A parsed Sigma condition (rules specification, "Condition"). */
export type ConditionNode =
  | { readonly type: 'identifier'; readonly name: string; readonly column: number }
  | { readonly type: 'not'; readonly operand: ConditionNode }
  | { readonly type: 'and' | 'or'; readonly operands: readonly ConditionNode[] }
  /** `1 of x*`, `any of x*`, `all of them`: `pattern` is `them` or an identifier pattern with `*`. */
  | { readonly type: 'quantified'; readonly quantifier: 'any' | 'all'; readonly pattern: string; readonly column: number };
