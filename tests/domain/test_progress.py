from __future__ import annotations

import pytest

from desktop_app.domain.errors import Cancelled
from desktop_app.domain.progress import TaskControl


def test_progress_is_forwarded_and_cancel_stops_at_checkpoint() -> None:
    seen: list[tuple[int, int]] = []
    control = TaskControl(lambda done, total: seen.append((done, total)))
    control.report(1, 3)
    control.checkpoint()
    control.cancel()
    assert control.cancelled
    with pytest.raises(Cancelled):
        control.checkpoint()
    assert seen == [(1, 3)]
    TaskControl().report(1, 2)  # the command line's control reports nowhere
