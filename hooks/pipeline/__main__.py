"""Print the build's steps in the order MkDocs runs them: `PYTHONPATH=hooks python -m pipeline`."""

from __future__ import annotations

from pipeline import in_run_order


def main() -> int:
    """One line per step: event, priority, adapter, what it reads and what it writes."""
    for step in in_run_order():
        print(f"{step.event:<17} {step.priority:>4}  {step.adapter:<32} reads: {step.reads or '-'}; writes: {step.writes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
