"""The tabs of the household file, one module each.

Every tab is a QWidget built with ``(workspace, household_id, *, tasks, dialogs, parent=None)``,
reads its content in ``load()`` through the task runner, and emits ``changed`` after a save so
that the file reloads its other tabs.
"""
