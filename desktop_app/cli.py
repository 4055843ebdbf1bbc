"""The command line: ``python -m desktop_app COMMAND [options]``.

Global options may stand before or after the command. The database used is always printed on
stderr. Output and errors are French (``domain/messages.py``). Exit codes: 0 done, 2 wrong
usage, 3 refused, 1 unexpected error. This module never imports Qt, and each command imports
what it needs only when it runs, so ``--help`` stays instant.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from desktop_app import __version__
from desktop_app.domain.errors import KnownError, RefusedError, UsageError
from desktop_app.domain.figures import BLOCKING, Finding
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date, parse_date, parse_month
from desktop_app.domain.vocabulary import CHARGE_NATURE, ROLE
from desktop_app.logs import current_log_file, log_unexpected, setup_logging
from desktop_app.paths import DatabaseTarget, demo_database_path, log_dir, resolve_database

if TYPE_CHECKING:
    from desktop_app.services.charges import GenerationReport
    from desktop_app.services.imports import ImportReport
    from desktop_app.services.system import Workspace
    from desktop_app.services.users import NewAccount, RoleSpec

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3

# argparse speaks English through gettext; these are its phrases a user can meet.
_ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (possibles : %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "option %(argument_name)s : %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
}


def _french(text: str) -> str:
    return _ARGPARSE_FR.get(text, text)


argparse._ = _french  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Context:
    """What every command receives besides its own arguments."""

    target: DatabaseTarget
    today: date
    out: TextIO
    err: TextIO
    user: str | None = None

    def say(self, text: str) -> None:
        """Print a line of the command's result on stdout."""
        print(text, file=self.out)

    def open(self) -> Workspace:
        """Open the existing database as the person named by ``--user``.

        A database without accounts is worked on by the system actor (DOMAIN §1); one with
        accounts needs ``--user`` and its password (``SEUIL_PASSWORD``, else asked).
        """
        from dataclasses import replace

        from desktop_app.services.system import open_workspace
        from desktop_app.services.users import authenticate, has_accounts

        workspace = open_workspace(self.target, create=False)
        try:
            if not has_accounts(workspace.database):
                if self.user:
                    raise RefusedError("auth.no_accounts_user")
                return workspace
            if not self.user:
                raise RefusedError("auth.needs_user")
            password = os.environ.get("SEUIL_PASSWORD")
            if password is None:
                password = getpass.getpass("Mot de passe : ", stream=self.err)
            session = authenticate(workspace.database, login=self.user, password=password)
            return replace(workspace, actor=session.actor)
        except BaseException:
            workspace.close()
            raise


@dataclass(frozen=True, slots=True)
class Command:
    """A command: its French help, its own arguments, and what it runs."""

    name: str
    help_code: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Context], int]
    uses_database: bool = True
    # "default": --db, else SEUIL_DB, else the data folder's database. "demo": --db, else the
    # separate demonstration file (SEUIL_DB is ignored: a demo never lands on real data).
    target: str = "default"


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    """Commands without arguments of their own."""


def _run_check(_args: argparse.Namespace, context: Context) -> int:
    from desktop_app.reports.formatting import format_size
    from desktop_app.services.system import check_database

    report = check_database(context.target)
    detail = report.engine_version
    if report.size_bytes is not None:
        detail += f", {format_size(report.size_bytes)}"
    if report.ok:
        context.say(message("cli.check.ok", detail=detail))
        return EXIT_OK
    context.say(message("cli.check.problems", count=len(report.problems)))
    for problem in report.problems:
        context.say(f"  – {problem}")
    return EXIT_REFUSED


def _configure_demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--size",
        choices=("S", "M", "L"),
        default="S",
        type=str.upper,
        help=message("cli.help.demo.size"),
    )
    parser.add_argument("--seed", type=int, default=1, help=message("cli.help.demo.seed"))
    parser.add_argument("--force", action="store_true", help=message("cli.help.demo.force"))


def _run_demo(args: argparse.Namespace, context: Context) -> int:
    import time

    from desktop_app.reports.formatting import format_count
    from desktop_app.services.demo import create_demo_database

    started = time.perf_counter()
    result = create_demo_database(
        context.target, size=args.size, seed=args.seed, today=context.today, force=args.force
    )
    summary = result.summary
    context.say(
        message(
            "demo.done",
            seconds=f"{time.perf_counter() - started:.1f}".replace(".", ","),
            households=format_count(summary.households),
            persons=format_count(summary.persons),
            dwellings=format_count(summary.dwellings),
            programmes=format_count(summary.programmes),
        )
    )
    life = result.life
    context.say(
        message(
            "demo.life",
            stays=format_count(life.stays),
            closed=format_count(life.stays_closed),
            contracts=format_count(life.contracts),
            rate_changes=format_count(life.rate_changes),
            sliding=format_count(life.sliding_plans),
            reviews=format_count(life.reviews),
            glissements=format_count(life.glissements),
            failures=format_count(life.failures),
        )
    )
    context.say(message("demo.accounts"))
    for account in result.accounts:
        context.say(f"  {account.login:<20} {ROLE.label(account.role):<32} {account.password}")
    return EXIT_OK


def _configure_audit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("operation", choices=("verify",), help=message("cli.help.audit.operation"))


def _run_audit(_args: argparse.Namespace, context: Context) -> int:
    from desktop_app.reports.formatting import format_count
    from desktop_app.services.audit import verify_security_log

    workspace = context.open()
    try:
        report = verify_security_log(workspace.database, actor=workspace.actor)
    finally:
        workspace.close()
    if report.ok:
        context.say(message("audit.ok", count=format_count(report.checked)))
        return EXIT_OK
    context.say(message("audit.broken", event=report.broken_at, count=report.checked))
    return EXIT_REFUSED


def _configure_users(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "operation",
        choices=("add", "list", "disable", "delegate", "reset-admin"),
        help=message("cli.help.users.operation"),
    )
    parser.add_argument(
        "login", nargs="?", metavar="IDENTIFIANT", help=message("cli.help.users.login")
    )
    parser.add_argument("--name", metavar="NOM", help=message("cli.help.users.name"))
    parser.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="RÔLE[:dispositif=NOM|pension=NOM]",
        help=message("cli.help.users.role"),
    )
    parser.add_argument(
        "--until", metavar="DATE", type=_date_argument, help=message("cli.help.users.until")
    )
    parser.add_argument("--code", metavar="CODE", help=message("cli.help.users.code"))
    parser.add_argument("--to", metavar="IDENTIFIANT", help=message("cli.help.users.to"))
    parser.add_argument(
        "--start", metavar="DATE", type=_date_argument, help=message("cli.help.users.start")
    )


def _role_spec(text: str) -> RoleSpec:
    from desktop_app.services.users import RoleSpec

    role_text, _, scope = text.partition(":")
    role = ROLE.parse(role_text)
    if role is None:
        raise UsageError("cli.usage_error", detail=message("user.role_unknown", value=role_text))
    if not scope:
        return RoleSpec(role)
    kind, _, name = scope.partition("=")
    if kind.strip() in {"dispositif", "programme"} and name.strip():
        return RoleSpec(role, programme=name.strip())
    if kind.strip() in {"pension", "residence", "résidence"} and name.strip():
        return RoleSpec(role, residence=name.strip())
    raise UsageError("cli.usage_error", detail=message("cli.users.scope_syntax", value=scope))


def _run_users(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.services.users import (
        add_user,
        delegate_caseload,
        disable_user,
        list_users,
        reset_admin,
    )

    if args.operation in {"add", "disable"} and not args.login:
        raise UsageError("cli.usage_error", detail=message("cli.users.login_needed"))
    if args.operation == "reset-admin":
        from desktop_app.services.system import open_workspace

        code = args.code or os.environ.get("SEUIL_RECOVERY_CODE")
        if code is None:
            code = getpass.getpass("Code de récupération : ", stream=context.err)
        workspace = open_workspace(context.target, create=False)
        try:
            account = reset_admin(workspace.database, recovery_code=code)
        finally:
            workspace.close()
        _print_account(context, account)
        return EXIT_OK
    workspace = context.open()
    try:
        if args.operation == "list":
            for user in list_users(workspace.database, actor=workspace.actor):
                state = message("cli.users.active" if user.active else "cli.users.disabled")
                until = f" (jusqu'au {format_date(user.valid_until)})" if user.valid_until else ""
                roles = ", ".join(user.roles)
                context.say(f"{user.login:<20} {user.display_name:<28} {state}{until} — {roles}")
        elif args.operation == "add":
            specs = [_role_spec(text) for text in args.role]
            account = add_user(
                workspace.database,
                actor=workspace.actor,
                login=args.login,
                display_name=args.name or "",
                roles=specs,
                valid_until=args.until,
            )
            _print_account(context, account)
        elif args.operation == "delegate":
            if not (args.to and args.start and args.until):
                raise UsageError("cli.usage_error", detail=message("cli.users.delegate_needs"))
            delegate_caseload(
                workspace.database,
                actor=workspace.actor,
                to_login=args.to,
                start=args.start,
                end=args.until,
                from_login=args.login,
            )
            context.say(
                message(
                    "cli.users.delegated",
                    to=args.to,
                    start=format_date(args.start),
                    end=format_date(args.until),
                )
            )
        else:
            disable_user(workspace.database, actor=workspace.actor, login=args.login)
            context.say(message("cli.users.disabled_done", login=args.login))
    finally:
        workspace.close()
    return EXIT_OK


def _print_account(context: Context, account: NewAccount) -> None:
    context.say(message("cli.users.created", login=account.login))
    if account.password:
        context.say(message("cli.users.password", password=account.password))
    if account.recovery_code:
        context.say(message("cli.users.recovery", code=account.recovery_code))


def _configure_export_workbook(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FICHIER.xlsx", type=Path, help=message("cli.help.export_workbook.file")
    )


def _run_export_workbook(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.progress import TaskControl
    from desktop_app.services.workbook_export import export_workbook

    workspace = context.open()
    try:
        summary = export_workbook(
            workspace.database,
            actor=workspace.actor,
            path=args.file,
            control=TaskControl(_progress_on(context.err)),
        )
    finally:
        workspace.close()
    context.say(message("export.done", path=str(summary.path), households=summary.households))
    for sheet, count in summary.sheets:
        context.say(message("export.sheet_line", sheet=sheet, count=count))
    if summary.left_out:
        print(message("export.left_out", count=summary.left_out), file=context.err)
    return EXIT_OK


def _configure_export_household(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "reference", metavar="RÉFÉRENCE", help=message("cli.help.export_household.reference")
    )
    parser.add_argument(
        "file", metavar="FICHIER.xlsx", type=Path, help=message("cli.help.export_household.file")
    )


def _run_export_household(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.services.subject_access import export_household

    workspace = context.open()
    try:
        export = export_household(
            workspace.database, actor=workspace.actor, path=args.file, reference=args.reference
        )
    finally:
        workspace.close()
    context.say(
        message(
            "export.household_done",
            reference=export.reference,
            path=str(args.file),
            sheets=len(export.sheets),
        )
    )
    return EXIT_OK


def _configure_charges(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--month", metavar="MOIS", type=_month_argument, help=message("cli.help.charges.month")
    )


def _print_generation(context: Context, report: GenerationReport) -> None:
    """One line per contract created and skipped, then the month's total."""
    month = report.month.strftime("%m/%Y")
    if not report.created and not report.skipped:
        context.say(message("charges.no_contract", month=month))
        return
    context.say(message("charges.header", month=month))
    for created in report.created:
        parts = ", ".join(
            f"{CHARGE_NATURE.label(nature)} {format_eur(cents)}" for nature, cents in created.parts
        )
        context.say(
            message(
                "charges.created_line",
                household=created.household_reference,
                dwelling=created.dwelling_reference,
                total=format_eur(created.total),
                parts=parts,
            )
        )
    for skipped in report.skipped:
        context.say(
            message(
                "charges.skipped_line",
                household=skipped.household_reference,
                dwelling=skipped.dwelling_reference,
                reason=skipped.reason_text,
            )
        )
    context.say(
        message(
            "charges.total",
            month=month,
            entries=report.entries,
            contracts=len(report.created),
            amount=format_eur(report.total),
            skipped=len(report.skipped),
        )
    )
    if report.earlier_months_left:
        context.say(
            message("charges.earlier_months_left", count=report.earlier_months_left, month=month)
        )


def _run_charges(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.services.charges import generate_month

    month = args.month or context.today.replace(day=1)
    workspace = context.open()
    try:
        report = generate_month(
            workspace.database, actor=workspace.actor, month=month, today=context.today
        )
    finally:
        workspace.close()
    _print_generation(context, report)
    return EXIT_OK


def _run_daily(_args: argparse.Namespace, context: Context) -> int:
    from desktop_app.services.charges import daily

    workspace = context.open()
    try:
        report = daily(workspace.database, actor=workspace.actor, today=context.today)
    finally:
        workspace.close()
    for step in report.steps:
        line = message("daily.step_line", label=step.label, summary=step.summary)
        if step.status != "done":
            print(line, file=context.err)
            continue
        context.say(line)
        for generation in step.generation:
            _print_generation(context, generation)
    return EXIT_OK if report.ok else EXIT_REFUSED


def _write_atomically(out: Path, data: bytes) -> None:
    """Write ``out`` through ``out.partiel``: never a half-written file under the name asked."""
    partial = out.with_name(out.name + ".partiel")
    partial.write_bytes(data)
    partial.replace(out)


def _add_period_arguments(parser: argparse.ArgumentParser) -> None:
    """``--from DATE --to DATE``, both required (the period of a return or a grid)."""
    for flag, dest, help_code in (
        ("--from", "start", "cli.help.report.from"),
        ("--to", "end", "cli.help.report.to"),
    ):
        parser.add_argument(
            flag,
            dest=dest,
            metavar="DATE",
            type=_date_argument,
            required=True,
            help=message(help_code),
        )


def _print_findings(context: Context, findings: Sequence[Finding]) -> None:
    """The data-quality findings on stderr, one line each, blocking ones in capitals."""
    for finding in findings:
        print(
            message(
                "report.finding_line",
                level="BLOQUANT" if finding.level == BLOCKING else "avertissement",
                household=finding.household_reference,
                detail=finding.detail,
            ),
            file=context.err,
        )


def _configure_arrears(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--on", metavar="DATE", type=_date_argument, help=message("cli.help.arrears.on")
    )
    parser.add_argument(
        "--out", metavar="FICHIER", type=Path, required=True, help=message("cli.help.arrears.out")
    )


def _run_arrears(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.permissions import may_ever
    from desktop_app.reports.xlsx.arrears import ArrearsRow, render_arrears
    from desktop_app.services.arrears import arrears_list

    on = args.on or context.today
    workspace = context.open()
    try:
        if not may_ever(workspace.actor, "ledger.read_amounts"):
            raise RefusedError("arrears.export_needs_amounts")
        lines = arrears_list(workspace.database, actor=workspace.actor, on=on)
    finally:
        workspace.close()
    rows = [
        ArrearsRow.of(line.household_reference, line.dwelling_reference, line.assessment)
        for line in lines
    ]
    out: Path = args.out
    _write_atomically(out, render_arrears(rows, on=on))
    context.say(message("arrears.export_done", on=format_date(on), count=len(rows), path=str(out)))
    return EXIT_OK


def _configure_receipts(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--month", metavar="MOIS", type=_month_argument, help=message("cli.help.receipts.month")
    )
    parser.add_argument(
        "--out", metavar="DOSSIER", type=Path, help=message("cli.help.receipts.out")
    )
    parser.add_argument(
        "--single", metavar="FICHIER", type=Path, help=message("cli.help.receipts.single")
    )


def _progress_on(err: TextIO) -> Callable[[int, int], None] | None:
    """A counter rewritten in place on a terminal; nothing when stderr is a file or a pipe."""
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=err, flush=True)

    return show


def _run_receipts(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.progress import TaskControl
    from desktop_app.domain.vocabulary import ISSUED_KIND
    from desktop_app.services.receipts import run_receipts

    if (args.out is None) == (args.single is None):
        raise UsageError("cli.usage_error", detail=message("receipts.target_required"))
    month = args.month or context.today.replace(day=1)
    workspace = context.open()
    try:
        run = run_receipts(
            workspace.database,
            actor=workspace.actor,
            month=month,
            out_dir=args.out,
            single_file=args.single,
            today=context.today,
            control=TaskControl(_progress_on(context.err)),
        )
    finally:
        workspace.close()
    label = month.strftime("%m/%Y")
    for written in run.files:
        context.say(
            message(
                "receipts.file_line",
                kind=ISSUED_KIND.label(written.kind),
                number=written.number,
                household=written.household_reference,
                dwelling=written.dwelling_reference,
                file=written.path.name,
                reprint=message("receipts.reprint") if written.reprint else "",
            )
        )
    for skipped in run.skipped:
        context.say(
            message(
                "receipts.skipped_line",
                household=skipped.household_reference,
                dwelling=skipped.dwelling_reference,
                reason=skipped.text,
            )
        )
    households = {skipped.contract_id: skipped.household_reference for skipped in run.skipped}
    for flagged in run.flagged:
        print(
            message(
                "receipts.flag_line",
                number=flagged.number,
                month=label,
                household=households.get(flagged.contract_id, ""),
                dwelling=flagged.dwelling_reference,
            ),
            file=context.err,
        )
    if not run.files:
        context.say(message("receipts.nothing", month=label))
    context.say(
        message(
            "receipts.total",
            month=label,
            count=len(run.files),
            quittances=run.count("quittance"),
            receipts=run.count("receipt"),
            notices=run.count("notice"),
            invoices=run.count("services_invoice"),
            skipped=len(run.skipped),
        )
    )
    if run.single is not None and run.files:
        context.say(message("receipts.single_done", path=str(run.single)))
    return EXIT_OK


def _configure_report(parser: argparse.ArgumentParser) -> None:
    from desktop_app.domain.figures import RETURNS

    parser.add_argument(
        "kind", choices=RETURNS, metavar="BILAN", help=message("cli.help.report.kind")
    )
    _add_period_arguments(parser)
    parser.add_argument("--programme", metavar="NOM", help=message("cli.help.report.programme"))
    parser.add_argument("--funder", metavar="NOM", help=message("cli.help.report.funder"))
    parser.add_argument("--force", action="store_true", help=message("cli.help.report.force"))
    parser.add_argument(
        "--out",
        metavar="FICHIER",
        type=Path,
        action="append",
        required=True,
        help=message("cli.help.report.out"),
    )


def _report_outputs(outs: Sequence[Path]) -> dict[str, Path]:
    """Format → file asked for: one ``.xlsx`` and/or one ``.pdf``."""
    targets: dict[str, Path] = {}
    for out in outs:
        fmt = out.suffix.lower().removeprefix(".")
        if fmt not in {"xlsx", "pdf"} or fmt in targets:
            raise UsageError("cli.usage_error", detail=message("report.out_formats", path=str(out)))
        targets[fmt] = out
    return targets


def _run_report(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.periods import Period
    from desktop_app.domain.progress import TaskControl
    from desktop_app.services.reporting import produce_return

    targets = _report_outputs(args.out)
    if args.end < args.start:
        raise UsageError("cli.usage_error", detail=message("report.period_order"))
    workspace = context.open()
    try:
        produced = produce_return(
            workspace.database,
            actor=workspace.actor,
            kind=args.kind,
            period=Period(args.start, args.end),
            today=context.today,
            formats=tuple(targets),
            programme=args.programme,
            funder=args.funder,
            force=args.force,
            control=TaskControl(_progress_on(context.err)),
        )
    finally:
        workspace.close()
    report = produced.report
    _print_findings(context, report.findings)
    if produced.blocked:
        print(message("report.blocked", count=len(report.blocking)), file=context.err)
        return EXIT_REFUSED
    for fmt, out in targets.items():
        _write_atomically(out, produced.files[fmt])
        context.say(message("report.written", path=str(out)))
    context.say(
        message(
            "report.done",
            title=report.title,
            start=format_date(report.period.start),
            end=format_date(report.period.end),
            codes=len(report.figures),
            warnings=len(report.findings) - len(report.blocking),
            run=produced.run_id,
        )
    )
    if produced.forced:
        context.say(message("report.forced", count=len(report.blocking)))
    return EXIT_OK


def _configure_fill(parser: argparse.ArgumentParser) -> None:
    from desktop_app.domain.figures import RETURNS

    parser.add_argument(
        "grid", metavar="GRILLE.xlsx", type=Path, help=message("cli.help.fill.grid")
    )
    _add_period_arguments(parser)
    parser.add_argument(
        "--out", metavar="FICHIER.xlsx", type=Path, required=True, help=message("cli.help.fill.out")
    )
    parser.add_argument(
        "--return",
        dest="kind",
        choices=RETURNS,
        metavar="BILAN",
        help=message("cli.help.fill.return"),
    )
    parser.add_argument("--programme", metavar="NOM", help=message("cli.help.fill.programme"))
    parser.add_argument("--force", action="store_true", help=message("cli.help.fill.force"))


def _run_fill(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.periods import Period
    from desktop_app.domain.progress import TaskControl
    from desktop_app.services.grids import fill_grid

    grid, out = Path(args.grid), Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError("cli.usage_error", detail=message("funder_grid.out_format", path=str(out)))
    if args.end < args.start:
        raise UsageError("cli.usage_error", detail=message("report.period_order"))
    if not grid.is_file():
        raise UsageError("cli.usage_error", detail=message("import.file_missing", file=str(grid)))
    if out.resolve() == grid.resolve():
        raise UsageError(
            "cli.usage_error", detail=message("funder_grid.out_is_grid", path=str(out))
        )
    data = grid.read_bytes()
    workspace = context.open()
    try:
        filled = fill_grid(
            workspace.database,
            actor=workspace.actor,
            data=data,
            period=Period(args.start, args.end),
            today=context.today,
            kind=args.kind,
            programme=args.programme,
            force=args.force,
            grid_name=grid.stem,
            control=TaskControl(_progress_on(context.err)),
        )
    finally:
        workspace.close()
    _print_findings(context, filled.findings)
    if filled.blocked:
        print(message("funder_grid.blocked", count=len(filled.blocking)), file=context.err)
        return EXIT_REFUSED
    _write_atomically(out, filled.data)
    context.say(message("report.written", path=str(out)))
    context.say(
        message(
            "funder_grid.done",
            start=format_date(args.start),
            end=format_date(args.end),
            count=filled.cells,
            warnings=len(filled.findings) - len(filled.blocking),
            run=filled.run_id,
        )
    )
    if filled.forced:
        context.say(message("funder_grid.forced", count=len(filled.blocking)))
    return EXIT_OK


def _run_codes(_args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.figures import GROUPS, UNIT_LABELS

    for group in GROUPS:
        for code in group.codes:
            context.say(
                "\t".join((code.code, code.label, UNIT_LABELS[code.unit], group.definition))
            )
    return EXIT_OK


def _configure_import_template(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FICHIER", type=Path, help=message("cli.help.import_template.file")
    )


def _run_import_template(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.services.imports import write_template_file

    write_template_file(args.file)
    context.say(message("cli.import.template_done", path=str(args.file)))
    return EXIT_OK


def _configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FICHIER", type=Path, help=message("cli.help.import.file"))
    parser.add_argument("--dry-run", action="store_true", help=message("cli.help.import.dry_run"))
    parser.add_argument(
        "--errors", metavar="FICHIER", type=Path, help=message("cli.help.import.errors")
    )
    parser.add_argument("--yes", action="store_true", help=message("cli.help.import.yes"))


def _open_for_import(context: Context) -> tuple[Workspace, bool]:
    """The database to import into, and whether this import creates it (a new file)."""
    from desktop_app.services.system import open_workspace

    path = context.target.path
    if path is None or path.exists():
        return context.open(), False
    if context.user:
        raise RefusedError("auth.no_accounts_user")
    return open_workspace(context.target, create=True), True


def _remove_new_database(target: DatabaseTarget) -> None:
    """A file created for an import that did not happen is removed: nothing is left behind."""
    if target.path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target.path}{suffix}").unlink(missing_ok=True)


def _run_import(args: argparse.Namespace, context: Context) -> int:
    from desktop_app.domain.progress import TaskControl
    from desktop_app.services.imports import describe_issue, import_workbook, write_issues_file

    workspace, created = _open_for_import(context)
    applied = False
    try:
        report = import_workbook(
            workspace.database,
            actor=workspace.actor,
            path=args.file,
            dry_run=args.dry_run,
            confirmed=args.yes,
            today=context.today,
            control=TaskControl(_progress_on(context.err)),
        )
        applied = report.applied
    finally:
        workspace.close()
        if created and not applied:
            _remove_new_database(context.target)
    if created and applied:
        print(
            message("cli.import.database_created", database=context.target.display),
            file=context.err,
        )
    for sheet in report.sheets:
        context.say(
            message(
                "cli.import.sheet_line",
                sheet=sheet.sheet,
                created=sheet.created,
                updated=sheet.updated,
                unchanged=sheet.unchanged,
                errors=sheet.errors,
                warnings=sheet.warnings,
            )
        )
    for issue in report.issues:
        print(describe_issue(issue), file=context.err)
    if args.errors is not None and report.issues:
        write_issues_file(report, args.errors)
        context.say(message("cli.import.errors_written", path=str(args.errors)))
    return _import_outcome(args, context, report)


def _import_outcome(args: argparse.Namespace, context: Context, report: ImportReport) -> int:
    threshold = {
        "touched": report.households_touched,
        "before": report.households_before,
        "percent": report.threshold_percent,
    }
    if report.applied:
        if not report.sheets:
            context.say(message("cli.import.nothing"))
        context.say(message("cli.import.done", touched=report.households_touched))
        return EXIT_OK
    if report.blocking:
        code = "cli.import.dry_run_blocked" if args.dry_run else "cli.import.refused"
        print(message(code, count=report.blocking_count), file=context.err)
        return EXIT_REFUSED
    if args.dry_run:
        context.say(message("cli.import.dry_run_ok"))
        if report.threshold_exceeded:
            context.say(message("cli.import.dry_run_threshold", **threshold))
        return EXIT_OK
    print(message("cli.import.needs_yes", **threshold), file=context.err)
    return EXIT_REFUSED


COMMANDS: tuple[Command, ...] = (
    Command("arrears", "cli.help.arrears", _configure_arrears, _run_arrears),
    Command("audit", "cli.help.audit", _configure_audit, _run_audit),
    Command("charges", "cli.help.charges", _configure_charges, _run_charges),
    Command("check", "cli.help.check", _no_arguments, _run_check),
    Command("codes", "cli.help.codes", _no_arguments, _run_codes, uses_database=False),
    Command("daily", "cli.help.daily", _no_arguments, _run_daily),
    Command("demo", "cli.help.demo", _configure_demo, _run_demo, target="demo"),
    Command(
        "export-workbook",
        "cli.help.export_workbook",
        _configure_export_workbook,
        _run_export_workbook,
    ),
    Command(
        "export-household",
        "cli.help.export_household",
        _configure_export_household,
        _run_export_household,
    ),
    Command("fill", "cli.help.fill", _configure_fill, _run_fill),
    Command("import", "cli.help.import", _configure_import, _run_import),
    Command(
        "import-template",
        "cli.help.import_template",
        _configure_import_template,
        _run_import_template,
        uses_database=False,
    ),
    Command("receipts", "cli.help.receipts", _configure_receipts, _run_receipts),
    Command("report", "cli.help.report", _configure_report, _run_report),
    Command("users", "cli.help.users", _configure_users, _run_users),
)


def _date_argument(value: str) -> date:
    parsed = parse_date(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(message("cli.invalid_date", value=value))
    return parsed


def _month_argument(value: str) -> date:
    parsed = parse_month(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(message("cli.invalid_month", value=value))
    return parsed


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are French and exit with code 2."""

    def error(self, message_text: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, message("cli.usage_error", detail=message_text) + "\n")


def _add_global_options(parser: argparse.ArgumentParser, *, in_command: bool) -> None:
    # In a command's parser the defaults are suppressed, so a value given before the command
    # is not overwritten by the subparser's default.
    default: object = argparse.SUPPRESS if in_command else None
    group = parser.add_argument_group("options générales")
    group.add_argument("-h", "--help", action="help", help=message("cli.help.help"))
    group.add_argument("--db", metavar="CHEMIN|URL", default=default, help=message("cli.help.db"))
    group.add_argument(
        "--user", metavar="IDENTIFIANT", default=default, help=message("cli.help.user")
    )
    group.add_argument(
        "--today",
        metavar="DATE",
        type=_date_argument,
        default=default,
        help=message("cli.help.today"),
    )
    # Smoke runs of the GUI: quit after this many seconds (not shown in --help).
    group.add_argument("--quit-after", type=float, default=default, help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, commands included."""
    parser = _Parser(
        prog="python -m desktop_app",
        description=message("cli.help.description"),
        add_help=False,
    )
    _add_global_options(parser, in_command=False)
    parser._action_groups[-1].add_argument(
        "--version",
        action="version",
        version=f"Seuil {__version__}",
        help=message("cli.help.version"),
    )
    subparsers = parser.add_subparsers(
        dest="command",
        title=message("cli.help.commands"),
        metavar="COMMANDE",
        parser_class=_Parser,
    )
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name,
            help=message(command.help_code),
            description=message(command.help_code),
            add_help=False,
        )
        _add_global_options(sub, in_command=True)
        command.configure(sub)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the arguments (exits with code 2 and a French message when they are wrong)."""
    return build_parser().parse_args(list(argv))


def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command named in ``args``; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    command = next(c for c in COMMANDS if c.name == args.command)
    setup_logging(log_dir())
    try:
        if command.target == "demo":
            target = resolve_database(args.db or str(demo_database_path()))
        else:
            target = resolve_database(args.db)
        if command.uses_database:
            print(message("cli.database", database=target.display), file=err)
        context = Context(
            target=target, today=args.today or date.today(), out=out, err=err, user=args.user
        )
        return command.run(args, context)
    except KnownError as error:
        print(error.text, file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print(message("cli.interrupted"), file=err)
        return EXIT_UNEXPECTED
    except Exception as error:
        log_unexpected(log, error, where=f"command {command.name}")
        print(
            message("cli.unexpected", kind=type(error).__name__, log_path=current_log_file()),
            file=err,
        )
        return EXIT_UNEXPECTED
