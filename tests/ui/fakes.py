"""A scripted dialog provider: tests give the answers, and read what was asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ScriptedDialogs:
    """Answers prepared by the test; every call recorded as (kind, title, text)."""

    files: list[Path | None] = field(default_factory=list)
    confirmations: list[bool] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    calls: list[tuple[str, str, str]] = field(default_factory=list)
    opened: list[Path] = field(default_factory=list)
    choices: list[int | None] = field(default_factory=list)
    folders: list[Path | None] = field(default_factory=list)

    def open_file(self, parent, title, filters):
        self.calls.append(("open_file", title, filters))
        return self.files.pop(0)

    def save_file(self, parent, title, suggested, filters):
        self.calls.append(("save_file", title, str(suggested)))
        return self.files.pop(0)

    def confirm(self, parent, title, text):
        self.calls.append(("confirm", title, text))
        return self.confirmations.pop(0)

    def inform(self, parent, title, text):
        self.calls.append(("inform", title, text))

    def ask_text(self, parent, title, label):
        self.calls.append(("ask_text", title, label))
        return self.texts.pop(0)

    def warn(self, parent, title, text):
        self.calls.append(("warn", title, text))

    def unexpected_error(self, parent, log_path):
        self.calls.append(("unexpected_error", "", str(log_path)))

    def open_path(self, path):
        self.opened.append(path)
        return True

    def choose(self, parent, title, text, choices):
        self.calls.append(("choose", title, text + "\n" + "\n".join(choices)))
        return self.choices.pop(0)

    def choose_folder(self, parent, title, suggested):
        self.calls.append(("choose_folder", title, str(suggested)))
        return self.folders.pop(0)
