"""The partners' address book and the partners of a household, on real databases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, insert, select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import partners as svc
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.partners import ContactInput, PartnerInput
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db

CMP = PartnerInput(
    name="CMP Hôpital Édouard Herriot",
    kind="psychiatry",
    phone="04 72 11 22 33",
    email="cmp.herriot@example.org",
    address="5 place d'Arsonval",
    postcode="69003",
    commune="Lyon",
)
CCAS = PartnerInput(name="CCAS de Vénissieux", kind="ccas", commune="Vénissieux")
SPIP = PartnerInput(name="SPIP du Rhône", kind="spip", commune="Lyon", phone="3949")


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    worker: Actor  # key worker of ``followed``
    other_worker: Actor  # key worker of nobody here
    programme_id: int
    followed: int  # a household in the programme, followed by ``worker``
    elsewhere: int  # a household of another programme


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with db.begin_write() as c:
        sami = add(c, m.UserAccount, login="sami", display_name="Sami", created_at=at)
        lea = add(c, m.UserAccount, login="lea", display_name="Léa", created_at=at)
        programme_id = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        avdl = add(c, m.Programme, name="AVDL Rhône", kind="avdl")
    households = [
        create_household(
            db,
            actor=SYSTEM_ACTOR,
            start=date(2025, 3, 3),
            key_worker_id=sami,
            members=[MemberInput(last, first, None, "f", "head")],
        ).household_id
        for last, first in (("Diallo", "Aminata"), ("Haddad", "Leïla"))
    ]
    with db.begin_write() as c:
        add(
            c,
            m.Stay,
            household_id=households[0],
            programme_id=programme_id,
            entry_date=date(2025, 3, 3),
        )
        add(c, m.Stay, household_id=households[1], programme_id=avdl, entry_date=date(2025, 5, 5))
    yield Scene(
        db,
        Actor(user_id=sami, login="sami", grants=(Grant("social_worker"),)),
        Actor(user_id=lea, login="lea", grants=(Grant("social_worker"),)),
        programme_id,
        households[0],
        households[1],
    )
    workspace.close()


def texts(error: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return {issue.field: issue.text for issue in error.value.issues}


def events(database: Database) -> list[tuple[str, str | None, int | None]]:
    return database.run_read(
        lambda s: [
            (e.action, e.entity, e.household_id)
            for e in s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]
    )


def test_add_update_and_search_ignoring_accents(scene: Scene) -> None:
    db, worker = scene.database, scene.worker
    cmp = svc.add_partner(db, actor=worker, data=CMP)
    svc.add_partner(db, actor=worker, data=CCAS)
    svc.add_partner(db, actor=worker, data=SPIP)
    assert cmp.version == 1
    assert (cmp.name, cmp.kind, cmp.postcode, cmp.households) == (
        CMP.name,
        "psychiatry",
        "69003",
        0,
    )

    def names(**query: Any) -> list[str]:
        return [p.name for p in svc.list_partners(db, actor=worker, **query)]

    assert names() == ["CCAS de Vénissieux", "CMP Hôpital Édouard Herriot", "SPIP du Rhône"]
    assert names(text="edouard HERRIOT") == ["CMP Hôpital Édouard Herriot"]
    assert names(text="venissieux") == ["CCAS de Vénissieux"]
    assert names(text="lyon") == ["CMP Hôpital Édouard Herriot", "SPIP du Rhône"]
    assert names(text="hopital lyon") == ["CMP Hôpital Édouard Herriot"]
    assert names(kind="spip") == ["SPIP du Rhône"]
    assert names(text="lyon", kind="ccas") == []

    updated = svc.update_partner(
        db,
        actor=worker,
        partner_id=cmp.partner_id,
        version=cmp.version,
        data=PartnerInput(name="  Écoute CMP  ", kind="other", commune="Bron", email=""),
    )
    assert (updated.name, updated.kind, updated.email, updated.version) == (
        "Écoute CMP",
        "other",
        None,
        2,
    )
    assert names()[0] == "CCAS de Vénissieux"
    assert names()[1] == "Écoute CMP"  # sorted as "ecoute", not after the Zs
    assert svc.get_partner(db, actor=worker, partner_id=cmp.partner_id) == updated
    history = db.run_read(
        lambda s: [
            (h.entity, h.field, h.old_value, h.new_value, h.household_id)
            for h in s.scalars(select(m.ChangeHistory).where(m.ChangeHistory.entity == "partner"))
        ]
    )
    assert history == [("partner", "kind", "psychiatry", "other", None)]
    assert events(db)[-4:] == [
        ("create", "partner", None),
        ("create", "partner", None),
        ("create", "partner", None),
        ("update", "partner", None),
    ]
    assert db.run_read(audit.verify).ok


def test_refusals_with_their_french_texts(scene: Scene) -> None:
    db, worker = scene.database, scene.worker
    with pytest.raises(InvalidInput) as error:
        svc.add_partner(
            db,
            actor=worker,
            data=PartnerInput(
                name=" ",
                kind="hospital",
                phone="appeler le standard",
                email="cmp.herriot@",
                postcode="690",
                commune="x" * 101,
            ),
        )
    assert texts(error) == {
        "name": "Indiquez le nom du partenaire.",
        "kind": "Type de partenaire inconnu : « hospital ».",
        "phone": "« appeler le standard » ne ressemble pas à un numéro de téléphone.",
        "email": "« cmp.herriot@ » ne ressemble pas à une adresse électronique.",
        "postcode": "Le code postal « 690 » doit compter 5 chiffres.",
        "commune": "Ce texte dépasse 100 caractères.",
    }
    # Loosely checked: an international number, a short number, a plain address pass.
    svc.add_partner(
        db,
        actor=worker,
        data=PartnerInput(name="SIAO 69", kind="siao", phone="+33 (0)4 72 00 00 00"),
    )
    svc.add_partner(db, actor=worker, data=CMP)
    # Pinned: a duplicate name in the same commune is refused, accents and case ignored.
    with pytest.raises(InvalidInput) as error:
        svc.add_partner(
            db,
            actor=worker,
            data=PartnerInput(name="cmp hopital edouard  herriot", kind="other", commune="LYON"),
        )
    assert texts(error) == {
        "name": "Le carnet d'adresses compte déjà « CMP Hôpital Édouard Herriot » à Lyon : "
        "complétez cette fiche plutôt que d'en créer une seconde."
    }
    with pytest.raises(InvalidInput) as error:
        svc.add_partner(db, actor=worker, data=PartnerInput(name="Siao 69", kind="siao"))
    assert "(sans commune)" in texts(error)["name"]
    # The same name in another commune is another partner.
    svc.add_partner(db, actor=worker, data=PartnerInput(name=CMP.name, kind="psychiatry"))
    assert len(svc.list_partners(db, actor=worker, text="herriot")) == 2
    with pytest.raises(RefusedError, match="n'existe pas"):
        svc.update_partner(db, actor=worker, partner_id=10_000, version=1, data=CMP)


def test_who_may_read_and_edit_the_book(scene: Scene) -> None:
    db = scene.database
    secretary = Actor(user_id=None, login="sec", grants=(Grant("secretary"),))
    volunteer = Actor(user_id=None, login="vol", grants=(Grant("volunteer"),))
    host = Actor(user_id=None, login="host", grants=(Grant("host"),))
    # A social worker edits the shared book, though households only in their caseload.
    added = svc.add_partner(db, actor=scene.other_worker, data=CCAS)
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas de créer et modifier"):
        svc.add_partner(db, actor=secretary, data=SPIP)
    assert [p.name for p in svc.list_partners(db, actor=secretary)] == [CCAS.name]
    assert [p.name for p in svc.list_partners(db, actor=host)] == [CCAS.name]
    with pytest.raises(RefusedError, match="voir l'identité et les coordonnées"):
        svc.list_partners(db, actor=volunteer)
    # A host links partners to their residents only.
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        svc.link_partner(db, actor=host, household_id=scene.followed, partner_id=added.partner_id)


def test_a_stale_save_names_who_changed_the_partner(scene: Scene) -> None:
    db = scene.database
    first = svc.add_partner(db, actor=scene.worker, data=CMP)
    svc.update_partner(
        db,
        actor=scene.other_worker,
        partner_id=first.partner_id,
        version=first.version,
        data=PartnerInput(name=CMP.name, kind="psychiatry", phone="04 72 99 99 99"),
    )
    with pytest.raises(RefusedError) as error:
        svc.update_partner(
            db,
            actor=scene.worker,
            partner_id=first.partner_id,
            version=first.version,
            data=PartnerInput(name=CMP.name, kind="other"),
        )
    text = error.value.text
    assert text.startswith("« CMP Hôpital Édouard Herriot » a été modifié par lea le ")
    assert text.endswith("rouvrez-la et refaites vos changements.")
    kept = svc.get_partner(db, actor=scene.worker, partner_id=first.partner_id)
    assert (kept.kind, kept.phone, kept.version) == ("psychiatry", "04 72 99 99 99", 2)


def test_contact_persons(scene: Scene) -> None:
    db, worker = scene.database, scene.worker
    cmp = svc.add_partner(db, actor=worker, data=CMP)
    nurse = svc.add_contact(
        db,
        actor=worker,
        partner_id=cmp.partner_id,
        data=ContactInput("Dr Karine Moreau", "Psychiatre", "04 72 11 22 34"),
    )
    svc.add_contact(
        db, actor=worker, partner_id=cmp.partner_id, data=ContactInput("Awa Camara", "IDE")
    )
    [listed] = svc.list_partners(db, actor=worker)
    assert [(c.name, c.position) for c in listed.contacts] == [
        ("Awa Camara", "IDE"),
        ("Dr Karine Moreau", "Psychiatre"),
    ]
    with pytest.raises(InvalidInput) as error:
        svc.add_contact(
            db, actor=worker, partner_id=cmp.partner_id, data=ContactInput("", email="awa@")
        )
    assert texts(error) == {
        "name": "Indiquez le nom de la personne à contacter.",
        "email": "« awa@ » ne ressemble pas à une adresse électronique.",
    }
    changed = svc.update_contact(
        db,
        actor=worker,
        contact_id=nurse.contact_id,
        data=ContactInput("Dr Karine Moreau", "Cheffe de service", email="k.moreau@example.org"),
    )
    assert (changed.position, changed.phone, changed.email) == (
        "Cheffe de service",
        None,
        "k.moreau@example.org",
    )
    svc.remove_contact(db, actor=worker, contact_id=nurse.contact_id)
    [listed] = svc.list_partners(db, actor=worker)
    assert [c.name for c in listed.contacts] == ["Awa Camara"]
    with pytest.raises(RefusedError, match="n'existe pas"):
        svc.remove_contact(db, actor=worker, contact_id=nurse.contact_id)
    assert [(a, e) for a, e, _ in events(db) if e == "partner_contact"] == [
        ("create", "partner_contact"),
        ("create", "partner_contact"),
        ("update", "partner_contact"),
        ("delete", "partner_contact"),
    ]


def test_links_roles_and_unlink(scene: Scene) -> None:
    db, worker, household = scene.database, scene.worker, scene.followed
    cmp = svc.add_partner(db, actor=worker, data=CMP)
    spip = svc.add_partner(db, actor=worker, data=SPIP)
    svc.add_contact(db, actor=worker, partner_id=cmp.partner_id, data=ContactInput("Dr Moreau"))
    linked = svc.link_partner(
        db, actor=worker, household_id=household, partner_id=cmp.partner_id, role=" CMP — Dr X "
    )
    assert (linked.role, linked.phone, [c.name for c in linked.contacts]) == (
        "CMP — Dr X",
        CMP.phone,
        ["Dr Moreau"],
    )
    svc.link_partner(db, actor=worker, household_id=household, partner_id=spip.partner_id)
    with pytest.raises(InvalidInput) as error:
        svc.link_partner(db, actor=worker, household_id=household, partner_id=spip.partner_id)
    assert texts(error) == {
        "partner_id": "« SPIP du Rhône » figure déjà parmi les partenaires de ce ménage."
    }
    # Another social worker may not touch a household outside their caseload.
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        svc.link_partner(
            db, actor=scene.other_worker, household_id=household, partner_id=cmp.partner_id
        )
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        svc.unlink_partner(
            db, actor=scene.other_worker, household_id=household, partner_id=cmp.partner_id
        )

    shown = svc.list_household_partners(db, actor=scene.other_worker, household_id=household)
    assert not shown.masked
    assert [(p.name, p.kind, p.role, p.email) for p in shown.partners] == [
        ("CMP Hôpital Édouard Herriot", "psychiatry", "CMP — Dr X", CMP.email),
        ("SPIP du Rhône", "spip", None, None),
    ]
    renamed = svc.set_partner_role(
        db, actor=worker, household_id=household, partner_id=spip.partner_id, role="Suivi SME"
    )
    assert renamed.role == "Suivi SME"
    with pytest.raises(InvalidInput):
        svc.set_partner_role(
            db, actor=worker, household_id=household, partner_id=spip.partner_id, role="r" * 201
        )
    svc.unlink_partner(db, actor=worker, household_id=household, partner_id=cmp.partner_id)
    after = svc.list_household_partners(db, actor=worker, household_id=household)
    assert [(p.name, p.role) for p in after.partners] == [("SPIP du Rhône", "Suivi SME")]
    with pytest.raises(RefusedError, match="n'est pas \\(ou plus\\) lié"):
        svc.unlink_partner(db, actor=worker, household_id=household, partner_id=cmp.partner_id)
    with pytest.raises(RefusedError, match="n'est pas \\(ou plus\\) lié"):
        svc.set_partner_role(
            db, actor=worker, household_id=household, partner_id=cmp.partner_id, role="x"
        )
    # Every write is in the security log with its household; the links in its history.
    link_events = [(a, h) for a, e, h in events(db) if e == "household_partner"]
    assert link_events == [
        ("create", household),
        ("create", household),
        ("update", household),
        ("delete", household),
    ]
    history = db.run_read(
        lambda s: [
            (h.household_id, h.field, h.old_value, h.new_value)
            for h in s.scalars(
                select(m.ChangeHistory)
                .where(m.ChangeHistory.entity == "household_partner")
                .order_by(m.ChangeHistory.id)
            )
        ]
    )
    cmp_id = str(cmp.partner_id)
    assert history == [
        (household, "partner_id", None, cmp_id),
        (household, "partner_id", None, str(spip.partner_id)),
        (household, "partner_id", cmp_id, None),
    ]
    assert db.run_read(audit.verify).ok


def test_which_households_a_partner_follows(scene: Scene) -> None:
    db, worker = scene.database, scene.worker
    siao = svc.add_partner(db, actor=worker, data=PartnerInput(name="SIAO 69", kind="siao"))
    for household, role in ((scene.followed, "Orientation"), (scene.elsewhere, None)):
        svc.link_partner(
            db, actor=SYSTEM_ACTOR, household_id=household, partner_id=siao.partner_id, role=role
        )
    everything = svc.partner_households(db, actor=worker, partner_id=siao.partner_id)
    assert everything.count == 2
    assert [(h.reference, h.role) for h in everything.households] == [
        ("M-00001", "Orientation"),
        ("M-00002", None),
    ]
    [listed] = svc.list_partners(db, actor=worker)
    assert listed.households == 2
    # A worker of one programme reads only its households: the other is counted, not named.
    scoped = Actor(
        user_id=None,
        login="scoped",
        grants=(Grant("social_worker", programme_id=scene.programme_id),),
    )
    partial = svc.partner_households(db, actor=scoped, partner_id=siao.partner_id)
    assert partial.count == 2
    assert [h.household_id for h in partial.households] == [scene.followed]
    # A protected file is named to its circle only (and its partners tab is masked).
    with db.begin_write() as c:
        c.execute(
            update(m.Household).where(m.Household.id == scene.followed).values(protected=True)
        )
    outsider = svc.partner_households(db, actor=scene.other_worker, partner_id=siao.partner_id)
    assert (outsider.count, [h.reference for h in outsider.households]) == (2, ["M-00002"])
    inside = svc.partner_households(db, actor=worker, partner_id=siao.partner_id)
    assert [h.reference for h in inside.households] == ["M-00001", "M-00002"]
    masked = svc.list_household_partners(db, actor=scene.other_worker, household_id=scene.followed)
    assert (masked.masked, masked.partners) == (True, ())
    assert (
        svc.list_household_partners(db, actor=worker, household_id=scene.followed).partners[0].name
        == "SIAO 69"
    )


def test_delete_refused_while_linked(scene: Scene) -> None:
    db, worker = scene.database, scene.worker
    guardian = svc.add_partner(
        db, actor=worker, data=PartnerInput(name="UDAF du Rhône", kind="legal_guardian")
    )
    svc.add_contact(db, actor=worker, partner_id=guardian.partner_id, data=ContactInput("M. Roux"))
    svc.link_partner(
        db,
        actor=worker,
        household_id=scene.followed,
        partner_id=guardian.partner_id,
        role="mandataire",
    )
    with db.begin_write() as c:
        c.execute(update(m.Person).values(mandataire_id=guardian.partner_id))
    with pytest.raises(RefusedError) as error:
        svc.delete_partner(db, actor=worker, partner_id=guardian.partner_id)
    assert error.value.text == (
        "« UDAF du Rhône » ne peut pas être supprimé : il suit 1 ménage(s), il est mandataire "
        "de 2 personne(s). Retirez d'abord ces liens (un partenaire sans lien peut être "
        "supprimé)."
    )
    svc.unlink_partner(
        db, actor=worker, household_id=scene.followed, partner_id=guardian.partner_id
    )
    with pytest.raises(RefusedError, match="il est mandataire de 2 personne"):
        svc.delete_partner(db, actor=worker, partner_id=guardian.partner_id)
    following = svc.partner_households(db, actor=worker, partner_id=guardian.partner_id)
    assert (following.count, following.mandates) == (0, 2)
    with db.begin_write() as c:
        c.execute(update(m.Person).values(mandataire_id=None))
    svc.delete_partner(db, actor=worker, partner_id=guardian.partner_id)
    assert svc.list_partners(db, actor=worker) == []
    assert db.run_read(lambda s: s.scalars(select(m.PartnerContact)).all()) == []
    assert events(db)[-2:] == [("delete", "partner_contact", None), ("delete", "partner", None)]
    with pytest.raises(RefusedError, match="n'existe pas"):
        svc.delete_partner(db, actor=worker, partner_id=guardian.partner_id)
    assert db.run_read(audit.verify).ok
