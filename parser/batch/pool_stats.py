"""What happened to a run's worker processes, kept apart from ``pool`` so that a run that
starts no pool (one file, ``--jobs 1``) never imports ``multiprocessing``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import record


@record
class Death:
    """A worker process that ended while the pool still needed it."""

    pid: int
    cause: str  # "SIGKILL", or "exit status 70"


@dataclass
class PoolStats:
    """What happened to a run's workers: deaths, and items given up after them."""

    deaths: list[Death] = field(default_factory=list)
    given_up: int = 0

    def line(self) -> str | None:
        """One line for the end of a run, or None when no worker died."""
        if not self.deaths:
            return None
        count = len(self.deaths)
        causes = ", ".join(sorted({death.cause for death in self.deaths}))
        text = (f"{count} worker process{'es' if count > 1 else ''} died ({causes}); "
                "the files they held were retried one by one")
        if self.given_up:
            text += (f", {self.given_up} file{'s' if self.given_up > 1 else ''} skipped "
                     "after killing its worker twice (PA011)")
        return text
