"""The result of scoring the extractor against a gold file, shared by every task."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement with the gold: a missed gold item or a spurious emitted one."""

    record_id: str
    kind: str  # "missed", "wrong", "spurious"
    expected: str
    got: str
    text: str


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Counts and scores; ``extra`` holds task-specific figures (detection F1, accuracies...)."""

    task: str
    gold_file: str
    n_texts: int
    tp: int
    fp: int
    fn: int
    extra: dict[str, float] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, float | int | str]:
        row: dict[str, float | int | str] = {
            "task": self.task,
            "gold": self.gold_file,
            "texts": self.n_texts,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        row.update({k: round(v, 4) for k, v in self.extra.items()})
        return row

    def format(self, *, worst: int = 10) -> str:
        lines = [f"{self.task} on {self.gold_file}: {self.n_texts} texts"]
        lines.append(
            f"  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )
        for key, value in self.extra.items():
            lines.append(f"  {key} {value:.3f}")
        if self.misses and worst:
            lines.append(f"  first {min(worst, len(self.misses))} of {len(self.misses)} misses:")
            for miss in self.misses[:worst]:
                lines.append(
                    f"    [{miss.kind}] {miss.record_id}: expected {miss.expected} got {miss.got}"
                    f" | {miss.text[:100]!r}"
                )
        return "\n".join(lines)
