"""The import workbook's ledger sheets: Contrats, Loyers, Statut APL and Mouvements.

The importers run inside one write transaction, as `services.imports` runs them: most tests
build that transaction themselves (an `ImportContext` over parsed rows given by French heading)
so that every rule is tested on its own; the last ones go through `imports.import_workbook`
with a real .xlsx file, from the reference sheets to the movements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, insert, select, text, update
from sqlalchemy.orm import Session

from desktop_app.domain import workbook as wb
from desktop_app.domain.messages import MESSAGES, message
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.reports.xlsx.workbook import write_workbook
from desktop_app.services import charges, import_ledger, imports, ledger
from desktop_app.services.arrears import arrears_list
from desktop_app.services.import_context import ImportContext, key_of
from desktop_app.services.import_ledger import (
    import_benefit_statuses,
    import_contracts,
    import_movements,
    import_rates,
)
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 15)
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def parsed(spec: wb.SheetSpec, rows: Sequence[Mapping[str, Any]]) -> wb.ParsedSheet:
    """A sheet as `parse_sheet` reads it: every column of the spec, rows from line 2."""
    headings = [column.heading for column in spec.columns]
    return wb.parse_sheet(
        spec,
        headings,
        [(number, [row.get(h) for h in headings]) for number, row in enumerate(rows, start=2)],
    )


class _RollbackError(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__("rolled back")
        self.outcome = outcome


@dataclass(frozen=True)
class Outcome:
    """What one import said: its issues, and per sheet (created, updated, unchanged)."""

    issues: tuple[wb.WorkbookIssue, ...]
    tallies: Mapping[str, tuple[int, int, int]]
    touched: frozenset[int]
    applied: bool

    def _sorted(self, *, blocking: bool) -> list[tuple[str | None, int | None, str | None, str]]:
        """Issues by sheet then row, as the import's report lists them."""
        order = {spec.name: index for index, spec in enumerate(wb.SHEETS)}
        found = [
            (order.get(i.sheet or "", -1), i.row or 0, n, (i.sheet, i.row, i.column, i.code))
            for n, i in enumerate(self.issues)
            if i.blocking is blocking
        ]
        return [item for *_, item in sorted(found)]

    @property
    def errors(self) -> list[tuple[str | None, int | None, str | None, str]]:
        return self._sorted(blocking=True)

    @property
    def warnings(self) -> list[tuple[str | None, int | None, str | None, str]]:
        return self._sorted(blocking=False)

    def text(self, code: str) -> str:
        [issue] = [i for i in self.issues if i.code == code]
        return message(issue.code, **issue.params)


@dataclass
class Scene:
    database: Database
    households: dict[str, int] = field(default_factory=dict)
    dwellings: dict[str, int] = field(default_factory=dict)
    stays: dict[str, int] = field(default_factory=dict)
    programmes: dict[str, int] = field(default_factory=dict)
    main_lease: int = 0

    def run(
        self,
        *,
        contracts: Sequence[Mapping[str, object]] | None = None,
        rates: Sequence[Mapping[str, object]] | None = None,
        statuses: Sequence[Mapping[str, object]] | None = None,
        movements: Sequence[Mapping[str, object]] | None = None,
        today: date = TODAY,
    ) -> Outcome:
        """Run the four importers as the orchestrator does: all or nothing."""
        sheets = [
            (wb.CONTRACTS, contracts, import_contracts),
            (wb.RATES, rates, import_rates),
            (wb.BENEFIT_STATUSES, statuses, import_benefit_statuses),
            (wb.MOVEMENTS, movements, import_movements),
        ]

        def work(session: Session) -> Outcome:
            ctx = ImportContext(session=session, actor=SYSTEM_ACTOR, user_id=None, today=today)
            for table, query in (
                (ctx.households, select(m.Household.id, m.Household.reference)),
                (ctx.dwellings, select(m.Dwelling.id, m.Dwelling.reference)),
                (ctx.programmes, select(m.Programme.id, m.Programme.name)),
            ):
                for row_id, name in session.execute(query):
                    table[key_of(name)] = row_id
            for spec, rows, importer in sheets:
                sheet = parsed(spec, rows) if rows is not None else None
                if sheet is not None:
                    ctx.issues.extend(sheet.issues)
                importer(ctx, sheet)
                ctx.write_history()  # as the orchestrator does after each sheet
            outcome = Outcome(
                tuple(ctx.issues),
                {
                    name: (tally.created, tally.updated, tally.unchanged)
                    for name, tally in ctx.tallies.items()
                },
                frozenset(ctx.touched_households),
                applied=not ctx.blocked,
            )
            if ctx.blocked:
                raise _RollbackError(outcome)
            return outcome

        try:
            return self.database.run_write(work)
        except _RollbackError as rolled_back:
            return rolled_back.outcome

    def read(self, work: Any) -> Any:
        return self.database.run_read(work)

    def counts(self) -> dict[str, int]:
        """Rows in every table (idempotence: a second import adds none)."""

        def read(session: Session) -> dict[str, int]:
            return {
                table: session.execute(text(f"select count(*) from {table}")).scalar_one()
                for table in m.Base.metadata.tables
            }

        result: dict[str, int] = self.read(read)
        return result

    def contract_id(self, household: str, dwelling: str) -> int:
        def read(session: Session) -> int:
            return session.execute(
                select(m.OccupancyContract.id).where(
                    m.OccupancyContract.household_id == self.households[household],
                    m.OccupancyContract.dwelling_id == self.dwellings[dwelling],
                )
            ).scalar_one()

        result: int = self.read(read)
        return result

    def entries(self, contract_id: int) -> list[tuple[Any, ...]]:
        def read(session: Session) -> list[tuple[Any, ...]]:
            rows = session.execute(
                select(
                    m.LedgerEntry.import_reference,
                    m.LedgerEntry.kind,
                    m.LedgerEntry.nature,
                    m.LedgerEntry.amount,
                    m.LedgerEntry.posted_on,
                    m.LedgerEntry.period_month,
                )
                .where(m.LedgerEntry.contract_id == contract_id)
                .order_by(m.LedgerEntry.id)
            )
            return [tuple(row) for row in rows]

        result: list[tuple[Any, ...]] = self.read(read)
        return result

    def balance(self, contract_id: int, on: date = TODAY) -> ledger.ContractBalance:
        return ledger.contract_balance(
            self.database, actor=SYSTEM_ACTOR, contract_id=contract_id, on=on
        )


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    """Two IML dwellings, a bail glissant's dwelling with its main lease, a pension's rooms;
    households M-1 … M-4, each with its stay in the programme."""
    workspace = open_workspace(database_target)
    scene = Scene(workspace.database)
    with scene.database.begin_write() as c:
        p = scene.programmes
        p["IML"] = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        p["BG"] = add(c, m.Programme, name="Bail glissant", kind="sliding_lease")
        p["PF"] = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        residence = add(c, m.Residence, name="Les Tilleuls", programme_id=p["PF"])
        landlord = add(c, m.Landlord, name="Lyon Habitat", kind="social")
        for reference, programme, lots in (
            ("L-1", "IML", 1),
            ("L-2", "IML", 1),
            ("L-3", "BG", 1),
            ("PF-1", "PF", 10),
        ):
            scene.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=p[programme],
                residence_id=residence if programme == "PF" else None,
                landlord_id=landlord,
                lots=lots,
                places=lots,
                captured_on=date(2020, 1, 1),
            )
        scene.main_lease = add(
            c,
            m.MainLease,
            dwelling_id=scene.dwellings["L-3"],
            landlord_id=landlord,
            start_date=date(2020, 1, 1),
            rent=45_000,
            has_sliding_clause=True,
        )
        for reference, programme in (("M-1", "IML"), ("M-2", "IML"), ("M-3", "BG"), ("M-4", "PF")):
            scene.households[reference] = add(c, m.Household, reference=reference)
            scene.stays[reference] = add(
                c,
                m.Stay,
                household_id=scene.households[reference],
                programme_id=p[programme],
                entry_date=date(2024, 6, 1),
            )
    yield scene
    workspace.close()


def contract_row(**values: object) -> dict[str, object]:
    """A Contrats row: M-1 in L-1 from 01/01/2025, example A's rate (DOMAIN §4)."""
    row: dict[str, object] = {
        "Référence ménage": "M-1",
        "Référence logement": "L-1",
        "Type": "Sous-location",
        "Début": "01/01/2025",
        "Loyer": 400,
        "Charges": 40,
        "APL prévue": 260,
        "Tiers payant": "Oui",
        "Jour d'échéance": 5,
    }
    row.update({key.replace("_", " "): value for key, value in values.items()})
    return row


CONTRACT_A = contract_row()


def movement(
    reference: str, kind: str, amount: object, posted_on: str, **more: object
) -> dict[str, object]:
    row: dict[str, object] = {
        "Référence": reference,
        "Référence ménage": "M-1",
        "Date": posted_on,
        "Type": kind,
        "Montant": amount,
    }
    row.update(more)
    return row


# ------------------------------------------------------------------ Contrats, Loyers, Statut APL


def test_contracts_rates_and_statuses_are_created_then_left_unchanged(scene: Scene) -> None:
    rates = [
        {
            "Référence ménage": "M-1",
            "Référence logement": "L-1",
            "Début du contrat": "01/01/2025",
            "Date d'effet": "01/01/2026",
            "Loyer": "410,00",
            "Charges": 40,
            "APL prévue": 260,
            "Tiers payant": "Oui",
        }
    ]
    statuses: list[dict[str, object]] = [
        {
            "Référence ménage": "M-1",
            "Référence logement": "L-1",
            "Début du contrat": date(2025, 1, 1),
            "Date d'effet": "2026-03-01",
            "Statut": "Suspendue",
        },
        {
            "Référence ménage": "m-1",  # keys compare case-free
            "Référence logement": "l–1",
            "Début du contrat": "01/01/2025",
            "Date d'effet": "01/06/2026",
            "Statut": "versée",
        },
        {  # the day tiers payant starts: the contract recorded it, the row confirms it
            "Référence ménage": "M-1",
            "Référence logement": "L-1",
            "Début du contrat": "01/01/2025",
            "Date d'effet": "01/01/2025",
            "Statut": "Versée",
        },
    ]
    outcome = scene.run(contracts=[CONTRACT_A], rates=rates, statuses=statuses)
    assert outcome.errors == []
    assert outcome.tallies == {"Contrats": (1, 0, 0), "Loyers": (1, 0, 0), "Statut APL": (3, 0, 0)}
    assert outcome.touched == {scene.households["M-1"]}

    def read(session: Session) -> tuple[Any, ...]:
        contract = session.execute(select(m.OccupancyContract)).scalar_one()
        rates = session.execute(
            select(m.RentRate.valid_from, m.RentRate.rent, m.RentRate.due_day)
            .where(m.RentRate.contract_id == contract.id)
            .order_by(m.RentRate.valid_from)
        ).all()
        statuses = session.execute(
            select(m.BenefitStatus.valid_from, m.BenefitStatus.status).order_by(
                m.BenefitStatus.valid_from
            )
        ).all()
        history = session.execute(
            select(m.ChangeHistory.entity, m.ChangeHistory.field, m.ChangeHistory.new_value)
            .where(m.ChangeHistory.household_id == contract.household_id)
            .order_by(m.ChangeHistory.id)
        ).all()
        summary = (
            contract.kind,
            contract.start_date,
            contract.end_date,
            contract.state,
            contract.stay_id,
        )
        return summary, [tuple(r) for r in rates], [tuple(s) for s in statuses], history

    contract, rates_read, statuses_read, history = scene.read(read)
    assert contract == ("sublease", date(2025, 1, 1), None, "active", scene.stays["M-1"])
    assert rates_read == [(date(2025, 1, 1), 40_000, 5), (date(2026, 1, 1), 41_000, 5)]
    assert statuses_read == [
        (date(2025, 1, 1), "paid"),  # tiers payant: the benefit is paid from the start
        (date(2026, 3, 1), "suspended"),
        (date(2026, 6, 1), "paid"),
    ]
    assert ("occupancy_contract", "start_date", "2025-01-01") in history
    assert ("rent_rate", "rent", "41000") in history
    assert ("benefit_status", "status", "suspended") in history
    before = scene.counts()
    again = scene.run(contracts=[CONTRACT_A], rates=rates, statuses=statuses)
    assert again.issues == ()
    assert again.tallies == {"Contrats": (0, 0, 1), "Loyers": (0, 0, 1), "Statut APL": (0, 0, 3)}
    assert again.touched == frozenset()
    assert scene.counts() == before


def test_a_corrected_contract_is_updated_with_its_history(scene: Scene) -> None:
    scene.run(contracts=[CONTRACT_A])
    corrected = contract_row(Fin="31/08/2026", Charges=45, Tiers_payant="Non")
    outcome = scene.run(contracts=[corrected])
    assert outcome.errors == []
    assert outcome.tallies == {"Contrats": (0, 1, 0)}

    def read(session: Session) -> tuple[Any, ...]:
        contract = session.execute(select(m.OccupancyContract)).scalar_one()
        rate = session.execute(select(m.RentRate)).scalar_one()
        lines = session.execute(
            select(m.ChangeHistory.field, m.ChangeHistory.old_value, m.ChangeHistory.new_value)
            .where(m.ChangeHistory.entity.in_(["occupancy_contract", "rent_rate"]))
            .order_by(m.ChangeHistory.id)
        ).all()
        return contract.end_date, contract.state, rate.charges, rate.tiers_payant, lines

    end, state, charges_read, tiers, lines = scene.read(read)
    assert (end, state, charges_read, tiers) == (date(2026, 8, 31), "ended", 4_500, False)
    assert ("end_date", None, "2026-08-31") in lines
    assert ("state", "active", "ended") in lines
    assert ("charges", "4000", "4500") in lines
    assert ("tiers_payant", "true", "false") in lines or ("tiers_payant", "1", "0") in lines


def test_contract_problems_are_all_reported_and_nothing_is_written(scene: Scene) -> None:
    before = scene.counts()
    outcome = scene.run(
        contracts=[
            contract_row(Référence_ménage="M-9"),  # unknown household
            contract_row(Référence_logement="L-9"),  # unknown dwelling
            contract_row(
                Référence_ménage="M-2", Référence_logement="L-2", Type="Contrat de résidence"
            ),
            contract_row(Référence_ménage="M-2", Début="01/01/2026", Fin="31/12/2025"),
            contract_row(
                Référence_ménage="M-4", Référence_logement="L-2", **{"Jour d'échéance": 32}
            ),
            contract_row(Référence_ménage="M-2", Référence_logement="PF-1", Type="Sous-location"),
            contract_row(),
            contract_row(Loyer="12,3,4"),  # a cell problem (reported by the sheet), same key
            contract_row(),  # the same key again
        ]
    )
    assert not outcome.applied
    assert outcome.errors == [
        ("Contrats", 2, "Référence ménage", "import.household_unknown"),
        ("Contrats", 3, "Référence logement", "import.dwelling_unknown"),
        ("Contrats", 4, "Type", "contract.residence_required"),
        ("Contrats", 5, "Fin", "contract.end_before_start"),
        ("Contrats", 6, "Jour d'échéance", "rate.due_day_invalid"),
        ("Contrats", 7, "Type", "contract.kind_not_allowed"),
        ("Contrats", 9, "Loyer", "import.amount_invalid"),
        ("Contrats", 9, "Référence ménage", "import.duplicate_key"),
        ("Contrats", 10, "Référence ménage", "import.duplicate_key"),
    ]
    assert outcome.text("import.dwelling_unknown").startswith("Le logement « L-9 » n'existe")
    assert scene.counts() == before


def test_two_households_in_a_one_lot_dwelling_are_refused(scene: Scene) -> None:
    outcome = scene.run(
        contracts=[
            CONTRACT_A,
            contract_row(Référence_ménage="M-2", Début="01/06/2026"),
        ]
    )
    assert outcome.errors == [("Contrats", 2, "Référence logement", "dwelling.over_occupied")]
    assert outcome.text("dwelling.over_occupied") == (
        "Le 01/06/2026, le logement accueillerait 2 ménages pour 1 lot(s)."
    )
    # One after the other is fine, in the pension's rooms several at once too.
    assert (
        scene.run(
            contracts=[
                contract_row(Fin="31/05/2026"),
                contract_row(Référence_ménage="M-2", Début="01/06/2026"),
                contract_row(
                    Référence_ménage="M-4", Référence_logement="PF-1", Type="Contrat de résidence"
                ),
            ]
        ).errors
        == []
    )


def test_a_contract_without_stay_is_a_warning(scene: Scene) -> None:
    outcome = scene.run(contracts=[contract_row(Début="01/01/2024")])  # before the stay
    assert outcome.errors == []
    assert outcome.warnings == [("Contrats", 2, "Début", "import.contract_without_stay")]
    assert "M-1" in outcome.text("import.contract_without_stay")


SLIDING_ROW = contract_row(
    Référence_ménage="M-3",
    Référence_logement="L-3",
    Type="Sous-location – bail glissant",
    Début="01/07/2024",
    Tiers_payant="Non",
    APL_prévue=None,
)


def test_a_glissement_closes_what_contracts_slide_closes(scene: Scene) -> None:
    assert scene.run(contracts=[SLIDING_ROW]).tallies == {"Contrats": (1, 0, 0)}
    slid = {**SLIDING_ROW, "Date de glissement": "01/10/2026"}
    outcome = scene.run(contracts=[slid])
    assert outcome.errors == []
    assert outcome.tallies == {"Contrats": (0, 1, 0)}

    def read(session: Session) -> tuple[Any, ...]:
        contract = session.execute(select(m.OccupancyContract)).scalar_one()
        plan = session.execute(select(m.SlidingPlan)).scalar_one()
        stay = session.get(m.Stay, scene.stays["M-3"])
        dwelling = session.get(m.Dwelling, scene.dwellings["L-3"])
        lease = session.get(m.MainLease, scene.main_lease)
        assert stay is not None
        assert dwelling is not None
        assert lease is not None
        return (
            (contract.end_date, contract.state, contract.end_reason),
            (plan.outcome, plan.slid_on, plan.review_period_months, plan.max_months),
            (stay.exit_date, stay.destination, stay.exit_reason),
            dwelling.returned_on,
            lease.end_date,
        )

    last_day = date(2026, 9, 30)
    assert scene.read(read) == (
        (last_day, "ended", "Bail glissé"),
        ("slid", date(2026, 10, 1), 6, 24),
        (last_day, "slid", "project_achieved"),
        last_day,
        last_day,
    )
    before = scene.counts()
    assert scene.run(contracts=[slid]).tallies == {"Contrats": (0, 0, 1)}
    assert scene.counts() == before
    # A glissement is never undone nor moved by an import.
    for changed in (SLIDING_ROW, {**SLIDING_ROW, "Date de glissement": "01/09/2026"}):
        refused = scene.run(contracts=[changed])
        assert refused.errors == [
            ("Contrats", 2, "Date de glissement", "import.glissement_changed")
        ]


def test_glissement_problems(scene: Scene) -> None:
    outcome = scene.run(
        contracts=[
            contract_row(**{"Date de glissement": "01/10/2026"}),  # not a sliding sublease
            {**SLIDING_ROW, "Date de glissement": "01/10/2026", "Fin": "15/10/2026"},
        ]
    )
    assert outcome.errors == [
        ("Contrats", 2, "Date de glissement", "import.glissement_not_sliding"),
        ("Contrats", 3, "Fin", "import.glissement_end_mismatch"),
    ]
    assert outcome.text("import.glissement_end_mismatch") == (
        "Avec un glissement le 01/10/2026, la sous-location se termine la veille (30/09/2026) : "
        "laissez la colonne Fin vide ou écrivez 30/09/2026."
    )
    future = scene.run(contracts=[{**SLIDING_ROW, "Date de glissement": "01/12/2026"}])
    assert future.errors == [("Contrats", 2, "Date de glissement", "sliding.slid_in_future")]
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Stay)
            .where(m.Stay.id == scene.stays["M-3"])
            .values(exit_date=date(2026, 10, 15))
        )
    stay_open = scene.run(contracts=[{**SLIDING_ROW, "Date de glissement": "01/10/2026"}])
    assert stay_open.errors == [
        ("Contrats", 2, "Date de glissement", "import.glissement_stay_exit")
    ]


def test_rate_and_status_problems(scene: Scene) -> None:
    key = {"Référence ménage": "M-1", "Référence logement": "L-1", "Début du contrat": "01/01/2025"}
    outcome = scene.run(
        contracts=[contract_row(Fin="31/12/2025")],
        rates=[
            {**key, "Date d'effet": "01/01/2025", "Loyer": 420},  # the Contrats row's date
            {**key, "Date d'effet": "01/01/2026", "Loyer": 420},  # after the end
            {**key, "Début du contrat": "02/01/2025", "Date d'effet": "01/06/2025", "Loyer": 1},
        ],
        statuses=[
            {**key, "Date d'effet": "01/12/2024", "Statut": "Suspendue"},
            {**key, "Date d'effet": "01/03/2025", "Statut": "Suspendue"},
            {**key, "Date d'effet": "01/03/2025", "Statut": "Fin de droit"},
        ],
    )
    assert outcome.errors == [
        ("Loyers", 2, "Date d'effet", "import.rate_at_contract_start"),
        ("Loyers", 3, "Date d'effet", "rate.after_end"),
        ("Loyers", 4, "Début du contrat", "import.contract_unknown"),
        ("Statut APL", 2, "Date d'effet", "contract.benefit_before_start"),
        ("Statut APL", 4, "Référence ménage", "import.duplicate_key"),
    ]
    assert outcome.text("import.contract_unknown") == (
        "Aucun contrat du ménage « M-1 » dans le logement « L-1 » ne commence le 02/01/2025 : "
        "ajoutez-le à la feuille Contrats ou corrigez le début du contrat."
    )


# ------------------------------------------------------------------ Mouvements


def every_type() -> list[dict[str, object]]:
    """Movements of every Type on example A's contract (rent 400 + charges 40, APL 260)."""
    return [
        movement(
            "R-1", "Solde de reprise", 300, "30/09/2026", **{"Date du premier impayé": "05/06/2026"}
        ),
        movement("A-10", "Appel", 440, "01/10/2026", **{"Mois concerné": "2026-10"}),
        movement("A-11", "Appel de loyer", "440,00", "01/11/2026", **{"Mois concerné": "11/2026"}),
        movement("APL-10", "APL", 260, "09/10/2026", **{"Mois concerné": "10/2026"}),
        movement("P-10", "Paiement ménage", 180, "08/10/2026"),
        movement("P-11", "Paiement ménage", 180, "08/11/2026", **{"Référence logement": "L-1"}),
        movement("FSL", "Aide FSL", 150, "12/10/2026"),
        movement("AID", "Autre aide", 20, "12/10/2026"),
        movement("RD", "Régularisation (débit)", 15, "13/10/2026", Nature="Frais", Motif="Relance"),
        movement("RC", "Régularisation (crédit)", 5, "13/10/2026", Motif="Geste"),
        movement("REM", "Remise gracieuse", 10, "14/10/2026", Motif="Accord"),
        movement("IRR", "Créance irrécouvrable", 7, "14/10/2026", Motif="Prescrit"),
        movement("EFF", "Effacement", 8, "14/10/2026", Motif="Commission"),
        movement("DAM", "Réparations locatives", 50, "16/10/2026"),
        movement("FEE", "Frais", 12, "16/10/2026", **{"Mois concerné": "09/2026"}),
        movement("IND", "Indemnité d'occupation", 30, "16/10/2026"),
        movement("DR", "Dépôt reçu", 400, "02/01/2025"),
        movement("DI", "Dépôt imputé", 100, "20/10/2026"),
        movement("DX", "Dépôt restitué", 250, "21/10/2026"),
        movement(
            "ANN",
            "Annulation",
            180,
            "25/10/2026",
            **{"Référence annulée": "P-10", "Motif": "Chèque sans provision"},
        ),
    ]


def test_every_type_writes_its_entries(scene: Scene) -> None:
    outcome = scene.run(contracts=[CONTRACT_A], movements=every_type())
    assert outcome.errors == []
    assert outcome.tallies["Mouvements"] == (20, 0, 0)
    contract = scene.contract_id("M-1", "L-1")
    entries = scene.entries(contract)
    oct1, nov1 = date(2026, 10, 1), date(2026, 11, 1)
    assert entries == [
        ("R-1", "opening_balance", None, 30_000, date(2026, 9, 30), None),
        ("A-10", "charge", "rent", 40_000, oct1, oct1),
        ("A-10", "charge", "charges", 4_000, oct1, oct1),
        ("A-11", "charge", "rent", 40_000, nov1, nov1),
        ("A-11", "charge", "charges", 4_000, nov1, nov1),
        ("APL-10", "housing_benefit", None, 26_000, date(2026, 10, 9), oct1),
        ("P-10", "household_payment", None, 18_000, date(2026, 10, 8), None),
        ("P-11", "household_payment", None, 18_000, date(2026, 11, 8), None),
        ("FSL", "fsl_aid", None, 15_000, date(2026, 10, 12), None),
        ("AID", "other_aid", None, 2_000, date(2026, 10, 12), None),
        ("RD", "adjustment", "fees", 1_500, date(2026, 10, 13), None),
        ("RC", "adjustment", None, -500, date(2026, 10, 13), None),
        ("REM", "remission", None, 1_000, date(2026, 10, 14), None),
        ("IRR", "irrecoverable", None, 700, date(2026, 10, 14), None),
        ("EFF", "debt_erased", None, 800, date(2026, 10, 14), None),
        ("DAM", "charge", "damage", 5_000, date(2026, 10, 16), oct1),
        ("FEE", "charge", "fees", 1_200, date(2026, 10, 16), date(2026, 9, 1)),
        ("IND", "charge", "occupation_indemnity", 3_000, date(2026, 10, 16), oct1),
        ("DI", "deposit_applied", None, 10_000, date(2026, 10, 20), None),
        ("ANN", "reversal", None, 18_000, date(2026, 10, 25), None),
    ]

    def read(session: Session) -> tuple[Any, ...]:
        deposits = session.execute(
            select(
                m.DepositEntry.import_reference,
                m.DepositEntry.kind,
                m.DepositEntry.amount,
                m.DepositEntry.ledger_entry_id.is_not(None),
            ).order_by(m.DepositEntry.posted_on)
        ).all()
        reversal = session.execute(
            select(m.LedgerEntry).where(m.LedgerEntry.kind == "reversal")
        ).scalar_one()
        cancelled = session.get(m.LedgerEntry, reversal.reverses_id)
        assert cancelled is not None
        generated = session.scalar(select(func.count()).where(m.LedgerEntry.generated))
        return [tuple(d) for d in deposits], cancelled.import_reference, reversal.reason, generated

    deposits, cancelled, reason, generated = scene.read(read)
    assert deposits == [
        ("DR", "received", 40_000, False),
        ("DI", "applied", 10_000, True),
        ("DX", "refunded", 25_000, False),
    ]
    assert (cancelled, reason, generated) == ("P-10", "Chèque sans provision", 0)
    balance = scene.balance(contract)
    # Owed: 300 + 2 × 440 + 15 + 50 + 12 + 30 = 1 287; received: 260 + 180 (P-11) + 150 + 20
    # + 5 + 10 + 7 + 8 + 100 = 740 (P-10 cancelled); November's APL (260) is still expected.
    assert balance.charged == 128_700
    assert balance.balance == 128_700 - 74_000 - balance.benefit_pending - balance.benefit_overdue
    assert balance.deposit_held == 5_000
    assert balance.credited("household_payment") == 18_000


def test_a_second_import_changes_nothing(scene: Scene) -> None:
    first = scene.run(contracts=[CONTRACT_A], movements=every_type())
    assert first.errors == []
    before = scene.counts()
    again = scene.run(contracts=[CONTRACT_A], movements=every_type())
    assert again.issues == ()
    assert again.tallies == {"Contrats": (0, 0, 1), "Mouvements": (0, 0, 20)}
    assert again.touched == frozenset()
    assert scene.counts() == before


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("Montant", 181),
        ("Date", "09/10/2026"),
        ("Mois concerné", "10/2026"),
        ("Type", "Aide FSL"),
        ("Motif", "Virement"),
        ("Référence logement", "L-2"),
    ],
)
def test_a_changed_movement_asks_for_a_reversal(scene: Scene, column: str, value: object) -> None:
    scene.run(
        contracts=[CONTRACT_A, contract_row(Référence_ménage="M-2", Référence_logement="L-2")],
        movements=[movement("P-10", "Paiement ménage", 180, "08/10/2026")],
    )
    before = scene.counts()
    changed = movement("P-10", "Paiement ménage", 180, "08/10/2026")
    changed[column] = value
    outcome = scene.run(movements=[changed])
    expected = (
        "import.movement_no_contract_dwelling"
        if column == "Référence logement"
        else "import.movement_changed"
    )
    assert [code for *_, code in outcome.errors] == [expected]
    if expected == "import.movement_changed":
        assert outcome.text(expected).startswith(
            "Le mouvement « P-10 » a déjà été importé avec d'autres valeurs"
        )
    assert scene.counts() == before


def test_movement_problems_are_all_reported(scene: Scene) -> None:
    with scene.database.begin_write() as c:
        c.execute(insert(m.MonthClosing).values(period_month=date(2026, 8, 1), closed_at=NOW))
    before = scene.counts()
    outcome = scene.run(
        contracts=[CONTRACT_A],
        movements=[
            movement("A-10", "Appel", 400, "01/10/2026", **{"Mois concerné": "10/2026"}),
            movement("APL", "APL", 260, "09/10/2026"),
            movement("F", "Paiement ménage", 180, "16/11/2026"),
            movement("C", "Paiement ménage", 180, "08/08/2026"),
            movement("B", "Paiement ménage", 180, "08/10/2026", **{"Mois concerné": "12/2024"}),
            movement("X", "Annulation", 180, "09/10/2026", **{"Référence annulée": "B"}),
            movement(
                "Y",
                "Annulation",
                180,
                "09/10/2026",
                **{"Référence annulée": "NOPE", "Motif": "Erreur"},
            ),
            movement("OK", "Paiement ménage", 180, "08/10/2026"),
            movement(
                "Z",
                "Annulation",
                100,
                "09/10/2026",
                **{"Référence annulée": "OK", "Motif": "Erreur"},
            ),
            movement("S", "Solde de reprise", 300, "30/09/2026"),
            movement("D", "Dépôt imputé", 100, "20/10/2026"),
            movement("R", "Régularisation (débit)", 10, "20/10/2026", Motif="x"),
            movement("M", "Paiement ménage", "12,3,4", "20/10/2026"),
            movement("OK", "Paiement ménage", 1, "20/10/2026"),
            movement("N", "Paiement ménage", 1, "20/10/2026", **{"Référence ménage": "M-2"}),
            movement("DR", "Dépôt reçu", 400, "02/01/2025", **{"Mois concerné": "01/2025"}),
        ],
    )
    assert outcome.errors == [
        ("Mouvements", 2, "Montant", "import.call_amount_mismatch"),
        ("Mouvements", 3, "Mois concerné", "ledger.period_required"),
        ("Mouvements", 4, "Date", "ledger.posted_in_future"),
        ("Mouvements", 5, "Date", "ledger.posted_in_closed_month"),
        ("Mouvements", 6, "Mois concerné", "ledger.period_before_contract"),
        ("Mouvements", 7, "Motif", "ledger.reason_required"),
        ("Mouvements", 8, "Référence annulée", "import.reversed_unknown"),
        ("Mouvements", 10, "Montant", "import.reversal_amount_mismatch"),
        ("Mouvements", 11, "Date du premier impayé", "ledger.first_default_required"),
        ("Mouvements", 12, "Montant", "ledger.deposit_exceeds_held"),
        ("Mouvements", 13, "Nature", "ledger.nature_required"),
        ("Mouvements", 14, "Montant", "import.amount_invalid"),
        ("Mouvements", 15, "Référence", "import.duplicate_key"),
        ("Mouvements", 16, "Référence ménage", "import.movement_no_contract"),
        ("Mouvements", 17, "Mois concerné", "import.period_not_allowed"),
    ]
    assert outcome.text("import.call_amount_mismatch") == (
        "L'appel de 10/2026 vaut 440,00\u00a0€ selon le loyer du contrat, et non 400,00\u00a0€ : "
        "corrigez le Montant, ou le loyer dans les feuilles Contrats et Loyers."
    )
    for issue in outcome.issues:
        assert message(issue.code, **issue.params)
    assert scene.counts() == before


def test_an_appel_never_doubles_charges_already_there(scene: Scene) -> None:
    call = movement("A-10", "Appel", 440, "01/10/2026", **{"Mois concerné": "10/2026"})
    twice = movement("B-10", "Appel", 440, "02/10/2026", **{"Mois concerné": "10/2026"})
    outcome = scene.run(contracts=[CONTRACT_A], movements=[call, twice])
    assert outcome.errors == [("Mouvements", 3, "Mois concerné", "import.call_month_twice")]
    assert scene.run(contracts=[CONTRACT_A], movements=[call]).errors == []
    later = scene.run(movements=[twice])
    assert later.errors == [("Mouvements", 2, "Mois concerné", "import.call_month_charged")]


def test_an_appel_splits_a_prorated_month_like_the_generation(scene: Scene) -> None:
    row = contract_row(Début="16/09/2026", Prestations_obligatoires=30)
    # September: 15 days of 30 → 200 + 20 + 15.
    outcome = scene.run(
        contracts=[row],
        movements=[movement("A-9", "Appel", 235, "16/09/2026", **{"Mois concerné": "09/2026"})],
    )
    assert outcome.errors == []
    contract = scene.contract_id("M-1", "L-1")
    assert [(e[2], e[3]) for e in scene.entries(contract)] == [
        ("rent", 20_000),
        ("charges", 2_000),
        ("mandatory_services", 1_500),
    ]


def test_the_contract_of_a_movement_is_the_one_running_then(scene: Scene) -> None:
    contracts = [
        contract_row(Fin="30/06/2026"),
        contract_row(Référence_logement="L-2", Début="01/07/2026", Loyer=500, Charges=50),
    ]
    moves = [
        movement("P-6", "Paiement ménage", 100, "08/06/2026"),
        movement("P-7", "Paiement ménage", 100, "08/07/2026"),
        movement("L-6", "Paiement ménage", 100, "08/07/2026", **{"Mois concerné": "06/2026"}),
        movement("A-7", "Appel", 550, "01/07/2026", **{"Mois concerné": "07/2026"}),
    ]
    outcome = scene.run(contracts=contracts, movements=moves)
    assert outcome.errors == []
    first, second = scene.contract_id("M-1", "L-1"), scene.contract_id("M-1", "L-2")
    assert [e[0] for e in scene.entries(first)] == ["P-6", "L-6"]
    assert [e[0] for e in scene.entries(second)] == ["P-7", "A-7", "A-7"]
    # Paid after both contracts ended: nothing tells which one.
    late = scene.run(
        contracts=[
            contracts[0],
            contract_row(
                Référence_logement="L-2",
                Début="01/07/2026",
                Fin="31/10/2026",
                Loyer=500,
                Charges=50,
            ),
        ],
        movements=[movement("P-11", "Paiement ménage", 100, "08/11/2026")],
    )
    assert late.errors == [("Mouvements", 2, "Référence logement", "import.contract_ambiguous")]
    assert late.text("import.contract_ambiguous") == (
        "Le ménage « M-1 » a plusieurs contrats (L-1, L-2) et aucun ne se distingue à cette "
        "date : indiquez la Référence logement."
    )


def test_reversal_rules(scene: Scene) -> None:
    scene.run(
        contracts=[CONTRACT_A],
        movements=[
            movement("P-10", "Paiement ménage", 180, "08/10/2026"),
            movement("DR", "Dépôt reçu", 400, "02/01/2025"),
            movement(
                "X-10",
                "Annulation",
                180,
                "10/10/2026",
                **{"Référence annulée": "P-10", "Motif": "Rejet"},
            ),
        ],
    )
    outcome = scene.run(
        movements=[
            movement(
                "X-11",
                "Annulation",
                180,
                "11/10/2026",
                **{"Référence annulée": "p-10", "Motif": "Rejet"},
            ),
            movement(
                "X-12",
                "Annulation",
                180,
                "11/10/2026",
                **{"Référence annulée": "X-10", "Motif": "Rejet"},
            ),
            movement(
                "X-13",
                "Annulation",
                400,
                "11/10/2026",
                **{"Référence annulée": "DR", "Motif": "Rejet"},
            ),
            movement("Q", "Paiement ménage", 10, "20/10/2026"),
            movement(
                "X-14",
                "Annulation",
                10,
                "19/10/2026",
                **{"Référence annulée": "Q", "Motif": "Rejet"},
            ),
            movement(
                "X-15",
                "Annulation",
                10,
                "21/10/2026",
                **{"Référence annulée": "Q", "Motif": "Rejet", "Référence ménage": "M-2"},
            ),
            movement("Q2", "Paiement ménage", 10, "20/10/2026", **{"Mois concerné": "10/2026"}),
            movement(
                "X-16",
                "Annulation",
                10,
                "21/10/2026",
                **{"Référence annulée": "Q2", "Motif": "Rejet", "Mois concerné": "09/2026"},
            ),
        ]
    )
    assert outcome.errors == [
        ("Mouvements", 2, "Référence annulée", "ledger.already_reversed"),
        ("Mouvements", 3, "Référence annulée", "ledger.reversal_of_reversal"),
        ("Mouvements", 4, "Référence annulée", "import.reversal_of_deposit"),
        ("Mouvements", 6, "Date", "ledger.reversal_before_entry"),
        ("Mouvements", 7, "Référence annulée", "import.reversal_other_household"),
        ("Mouvements", 9, "Mois concerné", "import.reversal_period_mismatch"),
    ]


def test_an_appel_reversal_cancels_each_component(scene: Scene) -> None:
    outcome = scene.run(
        contracts=[CONTRACT_A],
        movements=[
            movement("A-10", "Appel", 440, "01/10/2026", **{"Mois concerné": "10/2026"}),
            movement("X", "Annulation", 440, "02/10/2026", Motif="Appel en double"),
        ],
    )
    assert outcome.errors == [
        ("Mouvements", 3, "Référence annulée", "import.reversed_reference_required")
    ]
    rows = [
        movement("A-10", "Appel", 440, "01/10/2026", **{"Mois concerné": "10/2026"}),
        movement(
            "X",
            "Annulation",
            440,
            "02/10/2026",
            **{"Motif": "Appel en double", "Référence annulée": "A-10"},
        ),
    ]
    assert scene.run(contracts=[CONTRACT_A], movements=rows).errors == []
    contract = scene.contract_id("M-1", "L-1")
    assert [(e[0], e[1], e[3]) for e in scene.entries(contract)] == [
        ("A-10", "charge", 40_000),
        ("A-10", "charge", 4_000),
        ("X", "reversal", 40_000),
        ("X", "reversal", 4_000),
    ]
    assert scene.balance(contract).charged == 0
    before = scene.counts()
    assert scene.run(contracts=[CONTRACT_A], movements=rows).tallies["Mouvements"] == (0, 0, 2)
    assert scene.counts() == before


# ------------------------------------------------------------------ charges after an import


def go_live(scene: Scene) -> Any:
    def read(session: Session) -> Any:
        return session.execute(
            select(m.Parameter.value).where(m.Parameter.key == "go_live_date")
        ).scalar_one()

    return scene.read(read)


def calls(first: int, last: int) -> list[dict[str, object]]:
    return [
        movement(
            f"A-{month}",
            "Appel",
            440,
            f"01/{month:02d}/2026",
            **{"Mois concerné": f"{month:02d}/2026"},
        )
        for month in range(first, last + 1)
    ]


def test_daily_after_an_import_charges_only_the_months_after_the_file(scene: Scene) -> None:
    other = contract_row(Référence_ménage="M-2", Référence_logement="L-2", Début="01/03/2026")
    outcome = scene.run(
        contracts=[CONTRACT_A, other],
        movements=[
            *calls(1, 9),
            movement(
                "B-3",
                "Appel",
                440,
                "01/03/2026",
                **{"Mois concerné": "03/2026", "Référence ménage": "M-2"},
            ),
        ],
    )
    assert outcome.errors == []
    assert go_live(scene) == '"2026-10-01"'  # the month after the file's last Appel
    report = charges.daily(scene.database, actor=SYSTEM_ACTOR, today=TODAY)
    assert report.ok
    months = {
        (g.month, c.household_reference) for g in report.steps[0].generation for c in g.created
    }
    assert months == {
        (date(2026, 10, 1), "M-1"),
        (date(2026, 11, 1), "M-1"),
        (date(2026, 10, 1), "M-2"),  # its calls stop in March: April–September stay as imported
        (date(2026, 11, 1), "M-2"),
    }
    # A month of the file asked for by hand is skipped too (`charges --month`).
    may = charges.generate_month(
        scene.database, actor=SYSTEM_ACTOR, month=date(2026, 5, 1), today=TODAY
    )
    assert may.created == ()
    assert {(s.household_reference, s.reason) for s in may.skipped} == {
        ("M-1", "already_charged"),
        ("M-2", "before_latest_term"),
    }
    first = scene.contract_id("M-1", "L-1")
    charged = {e[5] for e in scene.entries(first)}
    assert charged == {date(2026, month, 1) for month in range(1, 12)}
    assert len(scene.entries(first)) == 22  # nothing twice
    # The import does not move a go-live date already set, and a new import is untouched.
    again = scene.run(contracts=[CONTRACT_A, other], movements=calls(1, 9))
    assert again.errors == []
    assert go_live(scene) == '"2026-10-01"'
    assert not charges.daily(scene.database, actor=SYSTEM_ACTOR, today=TODAY).changes


def test_daily_after_an_import_with_an_earlier_go_live(scene: Scene) -> None:
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Parameter)
            .where(m.Parameter.key == "go_live_date")
            .values(value='"2025-01-01"')
        )
    assert scene.run(contracts=[CONTRACT_A], movements=calls(1, 8)).errors == []
    assert go_live(scene) == '"2025-01-01"'
    report = charges.daily(scene.database, actor=SYSTEM_ACTOR, today=TODAY)
    assert [g.month for g in report.steps[0].generation] == [
        date(2026, 9, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
    ]


def test_arrears_level_from_an_imported_opening_balance(scene: Scene) -> None:
    outcome = scene.run(
        contracts=[CONTRACT_A],
        movements=[
            movement(
                "R",
                "Solde de reprise",
                2_000,
                "30/09/2026",
                **{"Date du premier impayé": "05/03/2026"},
            ),
            *calls(10, 11),
            movement("APL-10", "APL", 260, "09/11/2026", **{"Mois concerné": "10/2026"}),
            movement("P-10", "Paiement ménage", 180, "08/10/2026", **{"Mois concerné": "10/2026"}),
            movement("P-11", "Paiement ménage", 180, "08/11/2026", **{"Mois concerné": "11/2026"}),
        ],
    )
    assert outcome.errors == []
    [line] = arrears_list(scene.database, actor=SYSTEM_ACTOR, on=TODAY)
    assert line.household_reference == "M-1"
    assert line.housing_debt == 200_000
    assert line.level == "ccapex"  # 2 000 € ≥ 6 × the housing share (180 €)


# ------------------------------------------------------------------ through import_workbook


def workbook_file(
    tmp_path: Path, name: str, sheets: Mapping[str, Sequence[Mapping[str, object]]]
) -> Path:
    path = tmp_path / name
    path.write_bytes(write_workbook(sheets))
    return path


def full_file() -> dict[str, list[dict[str, object]]]:
    """Rows keyed by column key, as the workbook writer takes them."""
    return {
        "Dispositifs": [{"name": "IML Villeurbanne", "kind": "iml_sublease"}],
        "Ménages": [
            {"reference": "V-1", "programme": "IML Villeurbanne", "entry_date": date(2025, 3, 1)}
        ],
        "Personnes": [
            {"household": "V-1", "last_name": "Durand", "first_name": "Ana", "role": "head"}
        ],
        "Logements": [
            {
                "reference": "V-L1",
                "address": "2 rue B",
                "town": "Villeurbanne",
                "programme": "IML Villeurbanne",
            }
        ],
        "Contrats": [
            {
                "household": "V-1",
                "dwelling": "V-L1",
                "kind": "sublease",
                "start": date(2025, 3, 1),
                "rent": 50_000,
                "charges": 5_000,
                "third_party_payment": False,
            }
        ],
        "Loyers": [
            {
                "household": "V-1",
                "dwelling": "V-L1",
                "contract_start": date(2025, 3, 1),
                "effective_from": date(2026, 1, 1),
                "rent": 51_000,
                "charges": 5_000,
            }
        ],
        "Statut APL": [
            {
                "household": "V-1",
                "dwelling": "V-L1",
                "contract_start": date(2025, 3, 1),
                "effective_from": date(2026, 2, 1),
                "status": "suspended",
            }
        ],
        "Mouvements": [
            {
                "reference": "VR",
                "household": "V-1",
                "posted_on": date(2026, 9, 30),
                "type": "opening_balance",
                "amount": 12_000,
                "first_default_on": date(2026, 7, 5),
            },
            {
                "reference": "VA10",
                "household": "V-1",
                "posted_on": date(2026, 10, 1),
                "period_month": date(2026, 10, 1),
                "type": "call",
                "amount": 56_000,
            },
            {
                "reference": "VP10",
                "household": "V-1",
                "dwelling": "V-L1",
                "posted_on": date(2026, 10, 8),
                "type": "household_payment",
                "amount": 56_000,
            },
        ],
    }


def test_import_workbook_end_to_end_is_idempotent(scene: Scene, tmp_path: Path) -> None:
    path = workbook_file(tmp_path, "reprise.xlsx", full_file())
    report = imports.import_workbook(
        scene.database, actor=SYSTEM_ACTOR, path=path, today=TODAY, confirmed=True
    )
    assert [i.code for i in report.issues if i.blocking] == []
    assert report.applied
    counts = {
        sheet.sheet: (sheet.created, sheet.updated, sheet.unchanged) for sheet in report.sheets
    }
    assert counts["Contrats"] == (1, 0, 0)
    assert counts["Loyers"] == (1, 0, 0)
    assert counts["Statut APL"] == (1, 0, 0)
    assert counts["Mouvements"] == (3, 0, 0)

    def read(session: Session) -> int:
        return session.execute(
            select(m.OccupancyContract.id)
            .join(m.Household, m.Household.id == m.OccupancyContract.household_id)
            .where(m.Household.reference == "V-1")
        ).scalar_one()

    contract = scene.read(read)
    balance = scene.balance(contract)
    assert (balance.charged, balance.balance) == (12_000 + 56_000, 12_000)
    before = scene.counts()
    again = imports.import_workbook(
        scene.database, actor=SYSTEM_ACTOR, path=path, today=TODAY, confirmed=True
    )
    assert again.applied
    assert [(s.created, s.updated) for s in again.sheets] == [(0, 0)] * len(again.sheets)
    after = scene.counts()
    assert after.pop("audit_event") == before.pop("audit_event") + len(again.sheets)
    assert after == before


def test_import_workbook_with_one_bad_movement_writes_nothing(scene: Scene, tmp_path: Path) -> None:
    sheets = full_file()
    sheets["Mouvements"].append(
        {
            "reference": "VP11",
            "household": "V-1",
            "posted_on": date(2026, 12, 8),  # in the future
            "type": "household_payment",
            "amount": 100,
        }
    )
    path = workbook_file(tmp_path, "reprise.xlsx", sheets)
    before = scene.counts()
    report = imports.import_workbook(
        scene.database, actor=SYSTEM_ACTOR, path=path, today=TODAY, confirmed=True
    )
    assert not report.applied
    assert [(i.sheet, i.column, i.code) for i in report.issues if i.blocking] == [
        ("Mouvements", "Date", "ledger.posted_in_future")
    ]
    assert scene.counts() == before
    # Corrected, then the same payment amended: refused, asking for an Annulation row.
    sheets["Mouvements"][-1]["posted_on"] = date(2026, 11, 8)
    imports.import_workbook(
        scene.database,
        actor=SYSTEM_ACTOR,
        path=workbook_file(tmp_path, "b.xlsx", sheets),
        today=TODAY,
        confirmed=True,
    )
    sheets["Mouvements"][-1]["amount"] = 200
    amended = imports.import_workbook(
        scene.database,
        actor=SYSTEM_ACTOR,
        path=workbook_file(tmp_path, "c.xlsx", sheets),
        today=TODAY,
        confirmed=True,
    )
    assert [(i.row, i.code) for i in amended.issues if i.blocking] == [
        (5, "import.movement_changed")
    ]


def test_every_code_the_importers_use_has_its_french_text() -> None:
    # `ctx.error(…, code)` escapes the catalogue test's patterns: check this module's codes.
    source = Path(import_ledger.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"\"(import\.[a-z_]+)\"", source))
    used |= set(re.findall(r"ValidationIssue\(\s*\"[a-z_]+\",\s*\"([a-z_]+\.[a-z_.]+)\"", source))
    assert {"import.movement_changed", "ledger.already_reversed"} <= used
    assert used <= set(MESSAGES), used - set(MESSAGES)
