"""Editing a household's file: composition over time, identity and rights, address, workers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.household_edit import (
    IdentityInput,
    PossibleDuplicates,
    ResourceEntry,
    add_member,
    change_roles,
    key_worker_choices,
    mandataire_choices,
    may_assign_key_workers,
    member_leaves,
    person_detail,
    read_address,
    read_composition,
    replace_resources,
    set_key_workers,
    update_address,
    update_person,
)
from desktop_app.services.households import (
    HouseholdQuery,
    MemberInput,
    create_household,
    household_contact,
    household_history,
    search_households,
)
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
START = date(2025, 3, 3)
TODAY = date(2026, 11, 27)


@dataclass
class Scene:
    db: Database
    household_id: int
    other_household_id: int
    worker: Actor
    colleague: Actor
    coordinator: Actor
    secretary: Actor
    guardian_id: int
    siao_id: int
    users: dict[str, int]


def add_user(db, login: str, name: str, role: str, **account) -> int:
    def work(session):
        user = m.UserAccount(
            login=login, display_name=name, created_at=datetime(2026, 1, 1, tzinfo=UTC), **account
        )
        session.add(user)
        session.flush()
        session.add(m.UserRole(user_id=user.id, role=role))
        return int(user.id)

    return int(db.run_write(work))


def add_partner(db, name: str, kind: str) -> int:
    def work(session):
        partner = m.Partner(name=name, kind=kind)
        session.add(partner)
        session.flush()
        return int(partner.id)

    return int(db.run_write(work))


@pytest.fixture
def scene(database_target: DatabaseTarget):
    workspace = open_workspace(database_target)
    db = workspace.database
    users = {
        "sami": add_user(db, "sami", "Sami Benali", "social_worker"),
        "lea": add_user(db, "lea", "Léa Martin", "social_worker"),
        "camille": add_user(db, "camille", "Camille Roux", "coordinator"),
        "rita": add_user(db, "rita", "Rita Gomes", "rental_manager"),
        "sonia": add_user(db, "sonia", "Sonia Petit", "secretary"),
        "ivan": add_user(db, "ivan", "Ivan Stagiaire", "intern", valid_until=date(2026, 6, 30)),
        "omar": add_user(db, "omar", "Omar Parti", "social_worker", active=False),
    }
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        key_worker_id=users["sami"],
        members=[
            MemberInput("Diallo", "Aminata", date(1988, 4, 12), "f", "head"),
            MemberInput("Diallo", "Moussa", date(2015, 9, 3), "h", "child"),
        ],
    )
    other = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        members=[MemberInput("Keita", "Fatoumata", date(1990, 1, 1), "f", "head")],
    )
    yield Scene(
        db=db,
        household_id=created.household_id,
        other_household_id=other.household_id,
        worker=Actor(users["sami"], "sami", (Grant("social_worker"),)),
        colleague=Actor(users["lea"], "lea", (Grant("social_worker"),)),
        coordinator=Actor(users["camille"], "camille", (Grant("coordinator"),)),
        secretary=Actor(users["sonia"], "sonia", (Grant("secretary"),)),
        guardian_id=add_partner(db, "UDAF du Rhône", "legal_guardian"),
        siao_id=add_partner(db, "SIAO 69", "siao"),
        users=users,
    )
    workspace.close()


def members(scene: Scene, actor: Actor | None = None):
    composition = read_composition(
        scene.db, actor=actor or scene.worker, household_id=scene.household_id
    )
    return composition.members


def member(scene: Scene, first_name: str, role: str | None = None):
    return next(
        p for p in members(scene) if p.first_name == first_name and (role is None or p.role == role)
    )


def history(scene: Scene) -> list[tuple[str, str, str | None, str | None]]:
    lines = household_history(scene.db, actor=SYSTEM_ACTOR, household_id=scene.household_id)
    return [(h.entity, h.field, h.old_value, h.new_value) for h in lines]


def count(db, model) -> int:
    return int(db.run_read(lambda s: s.scalar(select(func.count()).select_from(model))))


def texts(error: InvalidInput) -> dict[str, str]:
    return {issue.field: issue.text for issue in error.issues}


# ------------------------------------------------------------------ reading


def test_composition_lists_members_over_time_and_workers(scene: Scene) -> None:
    composition = read_composition(scene.db, actor=scene.worker, household_id=scene.household_id)
    assert [(p.name, p.role, p.joined_on, p.left_on) for p in composition.members] == [
        ("Diallo Aminata", "head", START, None),
        ("Diallo Moussa", "child", START, None),
    ]
    assert composition.start == START
    assert composition.key_worker is not None
    assert composition.key_worker.name == "Sami Benali"
    assert composition.co_workers == ()
    assert not composition.masked
    assert all(p.person_version == 1 for p in composition.members)


# ------------------------------------------------------------------ identity and rights


def test_identity_and_rights_saved_history_written_and_search_finds_new_name(
    scene: Scene,
) -> None:
    moussa = member(scene, "Moussa")
    detail = person_detail(
        scene.db, actor=scene.worker, household_id=scene.household_id, person_id=moussa.person_id
    )
    assert detail.identity.last_name == "Diallo"
    identity = replace(
        detail.identity,
        last_name="Diallo-Keita",
        birth_date=date(2015, 9, 4),
        nationality="non_eu",
        phone="06 39 98 12 34",
        email="moussa@exemple.fr",
        language="peul",
        interpreter_needed=True,
        benefit_agency="caf",
        allocataire_number="1234567",
        residence_permit_expiry=date(2027, 5, 31),
        legal_protection="guardianship",
        mandataire_id=scene.guardian_id,
        emergency_contact="Awa Diallo, 06 11 22 33 44",
        emergency_contact_consent=True,
    )
    saved = update_person(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        person_id=moussa.person_id,
        identity=identity,
        version=detail.version,
        today=TODAY,
    )
    assert saved.version == detail.version + 1
    assert saved.identity == identity
    assert saved.mandataire == "UDAF du Rhône"
    again = person_detail(
        scene.db, actor=scene.worker, household_id=scene.household_id, person_id=moussa.person_id
    )
    assert again == saved
    found = search_households(
        scene.db, actor=SYSTEM_ACTOR, query=HouseholdQuery(text="keita moussa"), on=TODAY
    )
    assert [row.household_id for row in found.rows] == [scene.household_id]
    found = search_households(
        scene.db, actor=SYSTEM_ACTOR, query=HouseholdQuery(text="0639981234"), on=TODAY
    )
    assert [row.household_id for row in found.rows] == [scene.household_id]
    lines = history(scene)
    assert ("person", "birth_date", "2015-09-03", "2015-09-04") in lines
    assert ("person", "legal_protection", "none", "guardianship") in lines
    assert ("person", "residence_permit_expiry", None, "2027-05-31") in lines
    assert not any(field in ("last_name", "phone", "email") for _, field, _, _ in lines)
    contact = household_contact(
        scene.db, actor=scene.worker, household_id=scene.household_id, on=TODAY
    )
    rights = next(p for p in contact.persons if p.person_id == moussa.person_id)
    assert (rights.allocataire_number, rights.mandataire) == ("1234567", "UDAF du Rhône")
    actor, fields = scene.db.run_read(
        lambda s: s.execute(
            select(m.AuditEvent.actor, m.AuditEvent.fields)
            .where(m.AuditEvent.entity == "person")
            .order_by(m.AuditEvent.id.desc())
            .limit(1)
        ).one()
    )
    assert actor == "sami"
    assert "last_name" in (fields or "")
    assert "Keita" not in (fields or "")
    assert scene.db.run_read(audit.verify).ok


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"last_name": "  "}, "last_name", "Indiquez le nom de la personne."),
        ({"first_name": ""}, "first_name", "Indiquez le prénom de la personne."),
        (
            {"emergency_contact": "Awa, 06 11 22 33 44"},
            "emergency_contact_consent",
            "Un contact d'urgence n'est enregistré qu'avec l'accord de la personne : cochez son "
            "accord, ou laissez le contact vide.",
        ),
        (
            {"allocataire_number": "12A4", "benefit_agency": "caf"},
            "allocataire_number",
            "Le numéro d'allocataire « 12A4 » ne doit contenir que des chiffres.",
        ),
        (
            {"allocataire_number": "1234567"},
            "benefit_agency",
            "Indiquez l'organisme (CAF ou MSA) qui a attribué ce numéro d'allocataire.",
        ),
        (
            {"email": "moussa@"},
            "email",
            "« moussa@ » ne ressemble pas à une adresse électronique (exemple : nom@exemple.fr).",
        ),
        ({"phone": "appeler"}, "phone", "« appeler » ne ressemble pas à un numéro de téléphone."),
        (
            {"birth_date": date(2027, 1, 1)},
            "birth_date",
            "La date de naissance (01/01/2027) est dans le futur.",
        ),
        (
            {"nationality": "fr", "residence_permit_expiry": date(2027, 1, 1)},
            "residence_permit_expiry",
            "Une personne de nationalité française n'a pas de titre de séjour : laissez la date "
            "vide.",
        ),
        (
            {"mandataire_id": "guardian"},
            "mandataire_id",
            "Un mandataire est choisi sans mesure de protection : indiquez la mesure, ou retirez "
            "le mandataire.",
        ),
        (
            {"mandataire_id": "siao", "legal_protection": "curatorship"},
            "mandataire_id",
            "Ce mandataire n'est pas dans le carnet d'adresses (mandataire judiciaire, "
            "association, service social, CCAS ou autre).",
        ),
        ({"sex": "x"}, "sex", "Valeur inconnue : « x »."),
        ({"language": "l" * 101}, "language", "Ce texte dépasse 100 caractères."),
    ],
)
def test_each_identity_refusal_is_on_its_field_and_nothing_is_written(
    scene: Scene, changes: dict[str, object], field: str, text: str
) -> None:
    moussa = member(scene, "Moussa")
    values: dict[str, Any] = dict(changes)
    if values.get("mandataire_id") == "guardian":
        values["mandataire_id"] = scene.guardian_id
    elif values.get("mandataire_id") == "siao":
        values["mandataire_id"] = scene.siao_id
    identity = replace(IdentityInput("Diallo", "Moussa", date(2015, 9, 3), "h"), **values)
    with pytest.raises(InvalidInput) as refused:
        update_person(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            person_id=moussa.person_id,
            identity=identity,
            version=moussa.person_version,
            today=TODAY,
        )
    assert texts(refused.value) == {field: text}
    assert member(scene, "Moussa").person_version == moussa.person_version
    assert history(scene) == [
        line for line in history(scene) if line[0] != "person"
    ]  # no person line


def test_a_stale_identity_save_names_who_changed_it(scene: Scene) -> None:
    moussa = member(scene, "Moussa")
    opened = person_detail(
        scene.db, actor=scene.worker, household_id=scene.household_id, person_id=moussa.person_id
    )
    update_person(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        person_id=moussa.person_id,
        identity=replace(opened.identity, phone="06 11 22 33 44"),
        version=opened.version,
    )
    with pytest.raises(RefusedError) as refused:
        update_person(
            scene.db,
            actor=scene.coordinator,
            household_id=scene.household_id,
            person_id=moussa.person_id,
            identity=replace(opened.identity, first_name="Mousa"),
            version=opened.version,
        )
    text = refused.value.text
    assert text.startswith("La fiche de Diallo Moussa a été modifiée par sami le ")
    assert "pendant que vous la modifiiez" in text
    detail = person_detail(
        scene.db, actor=scene.worker, household_id=scene.household_id, person_id=moussa.person_id
    )
    assert (detail.identity.first_name, detail.identity.phone) == ("Moussa", "06 11 22 33 44")


def test_identity_of_someone_else_and_outside_the_caseload_refused(scene: Scene) -> None:
    other_head = read_composition(
        scene.db, actor=SYSTEM_ACTOR, household_id=scene.other_household_id
    ).members[0]
    with pytest.raises(RefusedError, match="n'est pas membre de ce ménage"):
        person_detail(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            person_id=other_head.person_id,
        )
    moussa = member(scene, "Moussa")
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        update_person(
            scene.db,
            actor=scene.colleague,  # a social worker, not of this household
            household_id=scene.household_id,
            person_id=moussa.person_id,
            identity=IdentityInput("Diallo", "Moussa"),
            version=moussa.person_version,
        )
    saved = update_person(  # the secretary records identity and contact
        scene.db,
        actor=scene.secretary,
        household_id=scene.household_id,
        person_id=moussa.person_id,
        identity=IdentityInput("Diallo", "Moussa", date(2015, 9, 3), "h", phone="0611223344"),
        version=moussa.person_version,
    )
    assert saved.identity.phone == "0611223344"


def test_mandataire_choices_are_partners_who_may_be_one(scene: Scene) -> None:
    choices = mandataire_choices(scene.db, actor=scene.worker)
    assert choices == [(scene.guardian_id, "UDAF du Rhône (Mandataire judiciaire)")]


# ------------------------------------------------------------------ resources


def test_resources_replaced_with_amount_history_and_a_new_version(scene: Scene) -> None:
    aminata = member(scene, "Aminata")
    first = replace_resources(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        person_id=aminata.person_id,
        resources=[
            ResourceEntry("rsa", 60_720),
            ResourceEntry("salary", 45_000, date(2026, 1, 1), date(2026, 6, 30)),
        ],
        version=aminata.person_version,
    )
    assert first.version == aminata.person_version + 1
    second = replace_resources(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        person_id=aminata.person_id,
        resources=[ResourceEntry("rsa", 61_000)],
        version=first.version,
    )
    assert second.resources == (ResourceEntry("rsa", 61_000),)
    lines = history(scene)
    assert ("person_resource", "rsa", None, "60720") in lines
    assert ("person_resource", "rsa", "60720", "61000") in lines
    assert ("person_resource", "salary", "45000", None) in lines
    contact = household_contact(
        scene.db, actor=scene.worker, household_id=scene.household_id, on=TODAY
    )
    head = next(p for p in contact.persons if p.person_id == aminata.person_id)
    assert [(r.kind, r.monthly_amount) for r in head.resources] == [("rsa", 61_000)]
    with pytest.raises(RefusedError, match="a été modifiée par sami le"):
        replace_resources(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            person_id=aminata.person_id,
            resources=[],
            version=first.version,  # the form opened before the second save
        )
    assert count(scene.db, m.PersonResource) == 1


def test_resource_refusals_each_on_its_line(scene: Scene) -> None:
    aminata = member(scene, "Aminata")
    with pytest.raises(InvalidInput) as refused:
        replace_resources(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            person_id=aminata.person_id,
            resources=[
                ResourceEntry("rsa", -1),
                ResourceEntry("none", 100),
                ResourceEntry("aah", 97_123, date(2026, 6, 1), date(2026, 5, 31)),
                ResourceEntry("lottery", 5),
            ],
            version=aminata.person_version,
        )
    assert texts(refused.value) == {
        "resources[0].monthly_amount": "Le montant mensuel ne peut pas être négatif.",
        "resources[1].monthly_amount": (
            "« Aucune » ressource n'a pas de montant : laissez 0, ou choisissez le type de "
            "ressource."
        ),
        "resources[2].valid_until": (
            "La fin de cette ressource (31/05/2026) précède son début (01/06/2026)."
        ),
        "resources[3].kind": "Valeur inconnue : « lottery ».",
    }
    assert count(scene.db, m.PersonResource) == 0


# ------------------------------------------------------------------ address


def test_address_checked_saved_searchable_and_versioned(scene: Scene) -> None:
    opened = read_address(scene.db, actor=scene.worker, household_id=scene.household_id)
    with pytest.raises(InvalidInput) as refused:
        update_address(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            address="12 rue Paul Bert",
            postcode="6900",
            commune="",
            domiciliation=None,
            version=opened.version,
        )
    assert texts(refused.value) == {
        "postcode": "Le code postal « 6900 » doit compter 5 chiffres.",
        "commune": "Indiquez la commune de cette adresse.",
    }
    saved = update_address(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        address=" 12 rue Paul Bert ",
        postcode="69003",
        commune="Lyon",
        domiciliation="CCAS de Lyon",
        version=opened.version,
    )
    assert (saved.address, saved.postcode, saved.commune) == ("12 rue Paul Bert", "69003", "Lyon")
    assert saved.version == opened.version + 1  # one new version per save
    assert read_address(scene.db, actor=scene.worker, household_id=scene.household_id) == saved
    found = search_households(
        scene.db, actor=SYSTEM_ACTOR, query=HouseholdQuery(text="paul bert"), on=TODAY
    )
    assert [row.household_id for row in found.rows] == [scene.household_id]
    with pytest.raises(RefusedError) as stale:
        update_address(
            scene.db,
            actor=scene.coordinator,
            household_id=scene.household_id,
            address=None,
            postcode=None,
            commune=None,
            domiciliation=None,
            version=opened.version,
        )
    assert stale.value.text.startswith("Le ménage M-00001 a été modifié par sami le ")


# ------------------------------------------------------------------ composition


def test_new_member_proposes_known_persons_then_links_or_creates(scene: Scene) -> None:
    persons = count(scene.db, m.Person)
    typed = MemberInput(
        "KEITA", "Fatoumata", date(1990, 1, 1), "f", "partner", joined_on=date(2026, 2, 1)
    )
    with pytest.raises(PossibleDuplicates) as proposed:
        add_member(scene.db, actor=scene.worker, household_id=scene.household_id, member=typed)
    [candidate] = proposed.value.candidates
    assert (candidate.first_name, candidate.households) == ("Fatoumata", ("M-00002",))
    assert "peut-être déjà connue de Seuil (1 fiche(s) proche(s))" in proposed.value.text
    assert count(scene.db, m.Person) == persons
    assert count(scene.db, m.Membership) == 3
    linked = add_member(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        member=MemberInput(
            person_id=candidate.person_id, role="partner", joined_on=date(2026, 2, 1)
        ),
    )
    assert (linked.person_id, linked.role, linked.joined_on) == (
        candidate.person_id,
        "partner",
        date(2026, 2, 1),
    )
    assert count(scene.db, m.Person) == persons
    baby = add_member(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        member=MemberInput("Diallo", "Moussa", None, "h", "child", joined_on=date(2026, 10, 2)),
        create_anyway=True,  # a namesake the user knows to be another person
        today=TODAY,
    )
    assert count(scene.db, m.Person) == persons + 1
    assert baby.person_id not in {p.person_id for p in members(scene) if p.first_name == "Aminata"}
    assert ("membership", "joined_on", None, "2026-10-02") in history(scene)
    assert ("membership", "role", None, "partner") in history(scene)


def test_new_member_fields_checked(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as refused:
        add_member(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            member=MemberInput("", "", None, "?", "cousin", phone="x"),
        )
    assert texts(refused.value) == {
        "last_name": "Indiquez le nom de la personne.",
        "first_name": "Indiquez le prénom de la personne.",
        "sex": "Valeur inconnue : « ? ».",
        "phone": "« x » ne ressemble pas à un numéro de téléphone.",
        "role": "Valeur inconnue : « cousin ».",
        "joined_on": "Indiquez la date d'arrivée dans le ménage.",
    }


def test_a_visiting_child_is_a_member_not_counted_in_the_list(scene: Scene) -> None:
    add_member(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        member=MemberInput(
            "Diallo", "Inès", date(2019, 5, 5), "f", "visiting_child", joined_on=START
        ),
        create_anyway=True,
    )
    assert [p.role for p in members(scene)] == ["head", "child", "visiting_child"]
    page = search_households(
        scene.db, actor=SYSTEM_ACTOR, query=HouseholdQuery(text="ines"), on=TODAY
    )
    assert page.rows[0].members == 2


def test_one_head_on_every_day_across_dates(scene: Scene) -> None:
    aminata = member(scene, "Aminata")
    # GIVEN the head leaves while her son stays: no head from the next day
    with pytest.raises(InvalidInput) as refused:
        member_leaves(
            scene.db,
            actor=scene.worker,
            membership_id=aminata.membership_id,
            left_on=date(2026, 6, 30),
        )
    assert refused.value.issues[0].text == (
        "Le ménage n'a pas de personne de référence le 01/07/2026."
    )
    # a second head arriving later: two heads from that day
    with pytest.raises(InvalidInput) as refused:
        add_member(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            member=MemberInput("Sow", "Ibrahim", None, "h", "head", joined_on=date(2026, 2, 1)),
            create_anyway=True,
        )
    assert refused.value.issues[0].text == (
        "Le ménage a plusieurs personnes de référence le 01/02/2026 : une seule est possible "
        "chaque jour."
    )
    assert count(scene.db, m.Membership) == 3  # nothing half-saved
    # WHEN a partner arrives, then takes over as head while the mother stays as partner
    ibrahim = add_member(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        member=MemberInput("Sow", "Ibrahim", None, "h", "partner", joined_on=date(2026, 2, 1)),
        create_anyway=True,
    )
    changed = change_roles(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        from_day=date(2026, 7, 1),
        roles={aminata.membership_id: "partner", ibrahim.membership_id: "head"},
    )
    # THEN both memberships are closed the day before and continue with the new roles
    assert sorted((p.first_name, p.role, p.joined_on) for p in changed) == [
        ("Aminata", "partner", date(2026, 7, 1)),
        ("Ibrahim", "head", date(2026, 7, 1)),
    ]
    rows = [(p.first_name, p.role, p.joined_on, p.left_on) for p in members(scene)]
    assert rows == [
        ("Aminata", "head", START, date(2026, 6, 30)),
        ("Moussa", "child", START, None),
        ("Ibrahim", "partner", date(2026, 2, 1), date(2026, 6, 30)),
        ("Ibrahim", "head", date(2026, 7, 1), None),
        ("Aminata", "partner", date(2026, 7, 1), None),
    ]
    lines = history(scene)
    assert ("membership", "left_on", None, "2026-06-30") in lines
    assert ("membership", "role", "head", "partner") in lines
    assert ("membership", "role", "partner", "head") in lines
    # and the head may now leave only with everyone: the household's life ends that day
    new_head = member(scene, "Ibrahim", "head")
    with pytest.raises(InvalidInput) as refused:
        member_leaves(
            scene.db,
            actor=scene.worker,
            membership_id=new_head.membership_id,
            left_on=date(2026, 8, 31),
        )
    assert refused.value.issues[0].text == (
        "Le ménage n'a pas de personne de référence le 01/09/2026."
    )
    for person in members(scene):
        if person.left_on is None and person.role != "head":
            member_leaves(
                scene.db,
                actor=scene.worker,
                membership_id=person.membership_id,
                left_on=date(2026, 8, 31),
            )
    left = member_leaves(
        scene.db,
        actor=scene.worker,
        membership_id=new_head.membership_id,
        left_on=date(2026, 8, 31),
    )
    assert left.left_on == date(2026, 8, 31)
    assert ("membership", "left_on", None, "2026-08-31") in history(scene)
    assert scene.db.run_read(audit.verify).ok


def test_leaving_before_arriving_and_role_changes_checked(scene: Scene) -> None:
    moussa = member(scene, "Moussa")
    with pytest.raises(InvalidInput) as refused:
        member_leaves(
            scene.db,
            actor=scene.worker,
            membership_id=moussa.membership_id,
            left_on=date(2025, 1, 1),
        )
    assert texts(refused.value) == {
        "left_on": "La date de départ (01/01/2025) est antérieure à la date d'arrivée (03/03/2025)."
    }
    with pytest.raises(InvalidInput) as refused:
        change_roles(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            from_day=date(2024, 1, 1),
            roles={moussa.membership_id: "other"},
        )
    assert texts(refused.value) == {
        f"roles.{moussa.membership_id}": "Diallo Moussa n'est pas membre du ménage le 01/01/2024."
    }
    with pytest.raises(InvalidInput) as refused:
        change_roles(
            scene.db,
            actor=scene.worker,
            household_id=scene.household_id,
            from_day=TODAY,
            roles={moussa.membership_id: "child"},
        )
    assert texts(refused.value) == {"roles": "Aucun rôle n'a été changé."}
    # on the first day of the membership, the role is corrected in place
    [fixed] = change_roles(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        from_day=START,
        roles={moussa.membership_id: "visiting_child"},
    )
    assert (fixed.membership_id, fixed.role) == (moussa.membership_id, "visiting_child")
    assert len(members(scene)) == 2
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        member_leaves(
            scene.db, actor=scene.colleague, membership_id=moussa.membership_id, left_on=TODAY
        )
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        member_leaves(  # identity and contact only
            scene.db, actor=scene.secretary, membership_id=moussa.membership_id, left_on=TODAY
        )


# ------------------------------------------------------------------ key workers


def test_key_workers_chosen_by_coordinators_only(scene: Scene) -> None:
    """DOMAIN §1 reading: choosing who follows a household is not within one's caseload.

    Coordinators and direction (``household.edit`` on every household) choose; a social worker
    (even the key worker) does not hand the household over; the secretary edits identity and
    contact only.
    """
    assert may_assign_key_workers(scene.coordinator)
    assert may_assign_key_workers(Actor(None, "d", (Grant("director"),)))
    assert not may_assign_key_workers(scene.worker)
    assert not may_assign_key_workers(scene.secretary)
    choices = key_worker_choices(scene.db, actor=scene.coordinator, on=TODAY)
    assert [c.name for c in choices] == ["Camille Roux", "Léa Martin", "Sami Benali"]
    assert "Ivan Stagiaire" in [
        c.name for c in key_worker_choices(scene.db, actor=scene.coordinator, on=date(2026, 6, 1))
    ]
    version = read_composition(
        scene.db, actor=scene.coordinator, household_id=scene.household_id
    ).version
    saved = set_key_workers(
        scene.db,
        actor=scene.coordinator,
        household_id=scene.household_id,
        key_worker_id=scene.users["lea"],
        co_worker_ids=[scene.users["sami"]],
        version=version,
        on=TODAY,
    )
    assert saved.key_worker is not None
    assert saved.key_worker.name == "Léa Martin"
    assert [c.name for c in saved.co_workers] == ["Sami Benali"]
    assert saved.version == version + 1
    composition = read_composition(scene.db, actor=scene.colleague, household_id=scene.household_id)
    assert composition.key_worker == saved.key_worker
    assert composition.co_workers == saved.co_workers
    # now in Léa's caseload: she may edit its composition
    moussa = member(scene, "Moussa")
    member_leaves(
        scene.db,
        actor=scene.colleague,
        membership_id=moussa.membership_id,
        left_on=date(2026, 11, 1),
    )
    with pytest.raises(RefusedError) as refused:
        set_key_workers(
            scene.db,
            actor=scene.colleague,  # the key worker herself
            household_id=scene.household_id,
            key_worker_id=scene.users["lea"],
            co_worker_ids=[],
            version=saved.version,
        )
    assert refused.value.text == (
        "Seuls les coordinateurs et la direction désignent le référent et les co-référents "
        "d'un ménage."
    )
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        set_key_workers(
            scene.db,
            actor=scene.secretary,
            household_id=scene.household_id,
            key_worker_id=None,
            co_worker_ids=[],
            version=saved.version,
        )
    with pytest.raises(InvalidInput) as invalid:
        set_key_workers(
            scene.db,
            actor=scene.coordinator,
            household_id=scene.household_id,
            key_worker_id=scene.users["rita"],
            co_worker_ids=[scene.users["omar"]],
            version=saved.version,
            on=TODAY,
        )
    assert set(texts(invalid.value)) == {"key_worker_id", "co_worker_ids"}
    assert "ne peut pas suivre de ménage" in texts(invalid.value)["key_worker_id"]
    with pytest.raises(InvalidInput) as invalid:
        set_key_workers(
            scene.db,
            actor=scene.coordinator,
            household_id=scene.household_id,
            key_worker_id=scene.users["lea"],
            co_worker_ids=[scene.users["lea"]],
            version=saved.version,
        )
    assert texts(invalid.value) == {
        "co_worker_ids": "Le référent ne peut pas être aussi co-référent du même ménage."
    }
    with pytest.raises(RefusedError, match="a été modifié par lea le"):  # her last change
        set_key_workers(
            scene.db,
            actor=scene.coordinator,
            household_id=scene.household_id,
            key_worker_id=None,
            co_worker_ids=[],
            version=version,
        )


# ------------------------------------------------------------------ protected file


def test_a_protected_file_stays_closed_outside_its_circle(scene: Scene) -> None:
    scene.db.run_write(
        lambda s: s.get(m.Household, scene.household_id).__setattr__("protected", True)
    )
    composition = read_composition(
        scene.db, actor=scene.coordinator, household_id=scene.household_id
    )
    assert composition.masked
    assert {p.last_name for p in composition.members} == {"Dossier protégé"}
    assert all(p.birth_date is None for p in composition.members)
    aminata = member(scene, "Aminata")  # read by the key worker: not masked
    with pytest.raises(RefusedError, match="Ce dossier est protégé"):
        person_detail(
            scene.db,
            actor=scene.coordinator,
            household_id=scene.household_id,
            person_id=aminata.person_id,
        )
    with pytest.raises(RefusedError, match="Ce dossier est protégé"):
        read_address(scene.db, actor=scene.coordinator, household_id=scene.household_id)
    with pytest.raises(RefusedError, match="Ce dossier est protégé"):
        member_leaves(
            scene.db, actor=scene.coordinator, membership_id=aminata.membership_id, left_on=TODAY
        )
    opened = read_address(scene.db, actor=scene.worker, household_id=scene.household_id)
    saved = update_address(
        scene.db,
        actor=scene.worker,
        household_id=scene.household_id,
        address=None,
        postcode=None,
        commune=None,
        domiciliation="CCAS de Lyon",
        version=opened.version,
    )
    assert saved.domiciliation == "CCAS de Lyon"
    # the coordinator still chooses who follows the household
    kept = set_key_workers(
        scene.db,
        actor=scene.coordinator,
        household_id=scene.household_id,
        key_worker_id=scene.users["sami"],
        co_worker_ids=[scene.users["lea"]],
        version=saved.version,
    )
    assert [c.name for c in kept.co_workers] == ["Léa Martin"]
    assert not read_composition(
        scene.db, actor=scene.colleague, household_id=scene.household_id
    ).masked
