"""Measure claimcheck on annotated text: corpus readers, scoring, error lists.

`corpora` reads annotated corpora into `GoldDoc`s (or claimcheck gold YAML into `GoldFile`s),
`score` compares them with claimcheck's reports (pure functions, no stanza), `errors`
formats the misses and false hits. `claimcheck eval` (claimcheck.cli_eval) wires them to the
same `pipeline.check_sources` that `claimcheck check` uses. See docs/evaluation.md.
"""
