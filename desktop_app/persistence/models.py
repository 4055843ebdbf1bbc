"""The tables of Seuil (DOMAIN.md §2), as typed SQLAlchemy 2 models.

Conventions: money is `MoneyType` (integer cents, floats refused); enumerations are strings
checked by a named CHECK listing the codes of `domain.vocabulary`; every constraint is named
(naming convention below) so migrations can alter them on SQLite and PostgreSQL alike; the
obvious invariants (an end after its start, a positive capacity) are CHECKs too. Editable rows
carry a ``version`` column: a stale save in team mode is detected, never silently overwritten.
Later capabilities add their own tables, each with a migration.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CHAR,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from desktop_app.domain import vocabulary as v

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class MoneyType(TypeDecorator[int]):
    """An amount in integer cents. A float or Decimal is a bug and is refused loudly."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        """Refuse anything but an int (a bool is not money either)."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"money must be integer cents, not {type(value).__name__}")
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> int | None:
        """Cents come back as int whatever the driver returns."""
        return None if value is None else int(value)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def code_check(column: str, vocabulary: v.Vocabulary, *, nullable: bool = False) -> CheckConstraint:
    """A named CHECK that ``column`` holds one of the vocabulary's codes."""
    codes = ", ".join(f"'{code}'" for code in vocabulary.codes)
    condition = f"{column} IN ({codes})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_code")


def after(end: str, start: str) -> CheckConstraint:
    """A named CHECK that ``end`` (inclusive last day) is not before ``start``."""
    return CheckConstraint(f"{end} IS NULL OR {end} >= {start}", name=f"{end}_after_{start}")


Code = String(40)


class Versioned:
    """Editable rows: an optimistic-lock version for team mode."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared attribute
        return {"version_id_col": cls.version}


# ------------------------------------------------------------------ organisation and partners


class Organisation(Versioned, Base):
    """The association itself (one row)."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    siret: Mapped[str | None] = mapped_column(String(14))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    commune: Mapped[str | None] = mapped_column(String(100))
    logo_sha256: Mapped[str | None] = mapped_column(String(64))
    agreements: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("siret IS NULL OR length(siret) = 14", name="siret_length"),)


class Funder(Versioned, Base):
    """A financeur."""

    __tablename__ = "funder"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(Code)

    __table_args__ = (code_check("kind", v.FUNDER_KIND),)


class ProgrammeFunder(Base):
    """Which funders finance a programme."""

    __tablename__ = "programme_funder"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True
    )
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id"), primary_key=True)


class Programme(Versioned, Base):
    """A dispositif: IML, bail glissant, pension de famille, AVDL."""

    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(Code)
    convention_reference: Mapped[str | None] = mapped_column(String(100))
    convention_start: Mapped[date | None] = mapped_column(Date)
    convention_end: Mapped[date | None] = mapped_column(Date)

    funders: Mapped[list[Funder]] = relationship(secondary="programme_funder")
    capacities: Mapped[list[ProgrammeCapacity]] = relationship(
        back_populates="programme", order_by="ProgrammeCapacity.valid_from"
    )

    __table_args__ = (
        code_check("kind", v.PROGRAMME_KIND),
        after("convention_end", "convention_start"),
    )


class ProgrammeCapacity(Base):
    """Capacity of a programme in dwellings and places, dated (a convention changes it)."""

    __tablename__ = "programme_capacity"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    valid_from: Mapped[date] = mapped_column(Date)
    dwellings: Mapped[int | None] = mapped_column(Integer)
    places: Mapped[int | None] = mapped_column(Integer)

    programme: Mapped[Programme] = relationship(back_populates="capacities")

    __table_args__ = (
        UniqueConstraint("programme_id", "valid_from"),
        CheckConstraint("dwellings IS NULL OR dwellings >= 0", name="dwellings_positive"),
        CheckConstraint("places IS NULL OR places >= 0", name="places_positive"),
    )


class Partner(Versioned, Base):
    """An entry of the shared address book (SIAO, CCAS, CMP, mandataire…)."""

    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(Code)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    commune: Mapped[str | None] = mapped_column(String(100))

    contacts: Mapped[list[PartnerContact]] = relationship(
        back_populates="partner", cascade="all, delete-orphan"
    )

    __table_args__ = (code_check("kind", v.PARTNER_KIND),)


class PartnerContact(Base):
    """A named person at a partner."""

    __tablename__ = "partner_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))

    partner: Mapped[Partner] = relationship(back_populates="contacts")


# ------------------------------------------------------------------ housing stock


class Landlord(Versioned, Base):
    """A bailleur: private owner, HLM, other."""

    __tablename__ = "landlord"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(Code)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (code_check("kind", v.LANDLORD_KIND),)


class Residence(Versioned, Base):
    """A pension de famille or résidence accueil."""

    __tablename__ = "residence"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id"))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    commune: Mapped[str | None] = mapped_column(String(100))

    places: Mapped[list[ResidencePlaces]] = relationship(
        back_populates="residence", order_by="ResidencePlaces.valid_from"
    )


class ResidencePlaces(Base):
    """Number of places of a residence, dated."""

    __tablename__ = "residence_places"

    id: Mapped[int] = mapped_column(primary_key=True)
    residence_id: Mapped[int] = mapped_column(ForeignKey("residence.id", ondelete="CASCADE"))
    valid_from: Mapped[date] = mapped_column(Date)
    places: Mapped[int] = mapped_column(Integer)

    residence: Mapped[Residence] = relationship(back_populates="places")

    __table_args__ = (
        UniqueConstraint("residence_id", "valid_from"),
        CheckConstraint("places >= 0", name="places_positive"),
    )


class ResidenceHost(Base):
    """The hosts (hôtes) of a residence."""

    __tablename__ = "residence_host"

    residence_id: Mapped[int] = mapped_column(
        ForeignKey("residence.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)


class Dwelling(Versioned, Base):
    """A logement captured by the association, or the rooms of a residence."""

    __tablename__ = "dwelling"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(50), unique=True)
    address: Mapped[str] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    commune: Mapped[str] = mapped_column(String(100))
    typology: Mapped[str | None] = mapped_column(Code)
    surface_m2: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))
    sector: Mapped[str | None] = mapped_column(Code)
    landlord_id: Mapped[int | None] = mapped_column(ForeignKey("landlord.id"))
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"))
    residence_id: Mapped[int | None] = mapped_column(ForeignKey("residence.id"))
    lots: Mapped[int] = mapped_column(Integer, default=1)
    places: Mapped[int] = mapped_column(Integer, default=1)
    captured_on: Mapped[date | None] = mapped_column(Date)
    returned_on: Mapped[date | None] = mapped_column(Date)
    dpe_class: Mapped[str | None] = mapped_column(String(1))

    vacancies: Mapped[list[VacancyPeriod]] = relationship(
        back_populates="dwelling", order_by="VacancyPeriod.start_date"
    )

    __table_args__ = (
        code_check("typology", v.TYPOLOGY, nullable=True),
        code_check("sector", v.SECTOR, nullable=True),
        code_check("dpe_class", v.DPE_CLASS, nullable=True),
        CheckConstraint("lots >= 1", name="lots_positive"),
        CheckConstraint("places >= 0", name="places_positive"),
        CheckConstraint("surface_m2 IS NULL OR surface_m2 > 0", name="surface_positive"),
        after("returned_on", "captured_on"),
        Index(None, "programme_id"),
    )


class VacancyPeriod(Base):
    """A period a dwelling stood empty, with its reason."""

    __tablename__ = "vacancy_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    dwelling_id: Mapped[int] = mapped_column(ForeignKey("dwelling.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Code)
    neutralised: Mapped[bool] = mapped_column(Boolean, default=False)

    dwelling: Mapped[Dwelling] = relationship(back_populates="vacancies")

    __table_args__ = (
        code_check("reason", v.VACANCY_REASON),
        after("end_date", "start_date"),
        Index(None, "dwelling_id"),
    )


class MainLease(Versioned, Base):
    """The bail principal between the association and the landlord."""

    __tablename__ = "main_lease"

    id: Mapped[int] = mapped_column(primary_key=True)
    dwelling_id: Mapped[int] = mapped_column(ForeignKey("dwelling.id"))
    landlord_id: Mapped[int | None] = mapped_column(ForeignKey("landlord.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    notice_date: Mapped[date | None] = mapped_column(Date)
    rent: Mapped[int] = mapped_column(MoneyType)
    charges: Mapped[int] = mapped_column(MoneyType, default=0)
    has_sliding_clause: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        after("end_date", "start_date"),
        CheckConstraint("rent >= 0", name="rent_positive"),
        CheckConstraint("charges >= 0", name="charges_positive"),
        Index(None, "dwelling_id"),
    )


# ------------------------------------------------------------------ people


class UserAccount(Versioned, Base):
    """A person who uses Seuil (roles arrive through `UserRole`)."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    valid_until: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The administrator's one-time recovery code (hashed), for `users reset-admin`.
    recovery_code_hash: Mapped[str | None] = mapped_column(String(300))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("failed_logins >= 0", name="failed_logins_positive"),)


class Delegation(Base):
    """A user's caseload lent to a colleague for a dated period (leave, absence)."""

    __tablename__ = "delegation"

    id: Mapped[int] = mapped_column(primary_key=True)
    from_user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    to_user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)

    __table_args__ = (
        after("end_date", "start_date"),
        CheckConstraint("from_user_id <> to_user_id", name="not_to_oneself"),
        Index(None, "to_user_id"),
    )


class UserRole(Base):
    """A role held by a user, on every programme or on one programme or residence."""

    __tablename__ = "user_role"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(Code)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id"))
    residence_id: Mapped[int | None] = mapped_column(ForeignKey("residence.id"))

    __table_args__ = (
        code_check("role", v.ROLE),
        CheckConstraint("programme_id IS NULL OR residence_id IS NULL", name="one_scope_at_most"),
        Index(None, "user_id"),
    )


class Household(Versioned, Base):
    """A ménage."""

    __tablename__ = "household"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(50), unique=True)
    key_worker_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    commune: Mapped[str | None] = mapped_column(String(100))
    domiciliation: Mapped[str | None] = mapped_column(String(300))
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    do_not_inform: Mapped[str | None] = mapped_column(Text)
    archived_on: Mapped[date | None] = mapped_column(Date)
    # Normalised reference, address and members' names and phones (domain.text.normalise).
    search_text: Mapped[str] = mapped_column(Text, default="")

    memberships: Mapped[list[Membership]] = relationship(back_populates="household")
    stays: Mapped[list[Stay]] = relationship(back_populates="household")

    __table_args__ = (Index(None, "key_worker_id"),)


class HouseholdCoWorker(Base):
    """Co-key-workers (co-référents) of a household."""

    __tablename__ = "household_co_worker"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)


class HouseholdPartner(Base):
    """A partner that follows a household (CMP, mandataire, SPIP…)."""

    __tablename__ = "household_partner"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id"), primary_key=True)
    role: Mapped[str | None] = mapped_column(String(200))


class Person(Versioned, Base):
    """A person, member of one or more households over time."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(Code, default="unknown")
    nationality: Mapped[str] = mapped_column(Code, default="unknown")
    residence_permit_expiry: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(100))
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    benefit_agency: Mapped[str | None] = mapped_column(Code)
    allocataire_number: Mapped[str | None] = mapped_column(String(20))
    legal_protection: Mapped[str] = mapped_column(Code, default="none")
    mandataire_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    emergency_contact: Mapped[str | None] = mapped_column(String(300))
    emergency_contact_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    search_name: Mapped[str] = mapped_column(String(210), default="")

    resources: Mapped[list[PersonResource]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    __table_args__ = (
        code_check("sex", v.SEX),
        code_check("nationality", v.NATIONALITY),
        code_check("benefit_agency", v.BENEFIT_AGENCY, nullable=True),
        code_check("legal_protection", v.LEGAL_PROTECTION),
        CheckConstraint(
            "emergency_contact IS NULL OR emergency_contact_consent",
            name="emergency_contact_needs_consent",
        ),
        Index(None, "search_name"),
        Index(None, "birth_date"),
    )


class PersonResource(Base):
    """A monthly resource of a person (RSA, salary…)."""

    __tablename__ = "person_resource"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(Code)
    monthly_amount: Mapped[int | None] = mapped_column(MoneyType)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="resources")

    __table_args__ = (
        code_check("kind", v.RESOURCE_KIND),
        CheckConstraint("monthly_amount IS NULL OR monthly_amount >= 0", name="amount_positive"),
        after("valid_until", "valid_from"),
        Index(None, "person_id"),
    )


class Membership(Base):
    """A person's place in a household over a period (exactly one head on any day)."""

    __tablename__ = "membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    role: Mapped[str] = mapped_column(Code)
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    household: Mapped[Household] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship()

    __table_args__ = (
        code_check("role", v.MEMBER_ROLE),
        after("left_on", "joined_on"),
        Index(None, "household_id"),
        Index(None, "person_id"),
    )


class Stay(Versioned, Base):
    """A household's stay in a programme, from entry to exit (last day)."""

    __tablename__ = "stay"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"))
    entry_date: Mapped[date] = mapped_column(Date)
    exit_date: Mapped[date | None] = mapped_column(Date)
    entry_situation: Mapped[str] = mapped_column(Code, default="unknown")
    referrer: Mapped[str | None] = mapped_column(Code)
    referrer_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    dalo_status: Mapped[str] = mapped_column(Code, default="non_dalo")
    siao_reference: Mapped[str | None] = mapped_column(String(50))
    destination: Mapped[str | None] = mapped_column(Code)
    exit_reason: Mapped[str | None] = mapped_column(Code)

    household: Mapped[Household] = relationship(back_populates="stays")
    programme: Mapped[Programme] = relationship()

    __table_args__ = (
        code_check("entry_situation", v.ENTRY_SITUATION),
        code_check("referrer", v.REFERRER, nullable=True),
        code_check("dalo_status", v.DALO_STATUS),
        code_check("destination", v.DESTINATION, nullable=True),
        code_check("exit_reason", v.EXIT_REASON, nullable=True),
        after("exit_date", "entry_date"),
        CheckConstraint(
            "exit_date IS NOT NULL OR (destination IS NULL AND exit_reason IS NULL)",
            name="exit_details_need_exit",
        ),
        Index(None, "household_id"),
        Index(None, "programme_id", "entry_date"),
    )


# ------------------------------------------------------------------ contracts


class OccupancyContract(Versioned, Base):
    """A contract between the association and a household for a dwelling."""

    __tablename__ = "occupancy_contract"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"))
    dwelling_id: Mapped[int] = mapped_column(ForeignKey("dwelling.id"))
    stay_id: Mapped[int | None] = mapped_column(ForeignKey("stay.id"))
    kind: Mapped[str] = mapped_column(Code)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    renewal_date: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(Code, default="active")
    end_reason: Mapped[str | None] = mapped_column(String(300))

    rates: Mapped[list[RentRate]] = relationship(
        back_populates="contract", order_by="RentRate.valid_from"
    )
    benefit_statuses: Mapped[list[BenefitStatus]] = relationship(
        back_populates="contract", order_by="BenefitStatus.valid_from"
    )

    __table_args__ = (
        code_check("kind", v.CONTRACT_KIND),
        code_check("state", v.CONTRACT_STATE),
        after("end_date", "start_date"),
        Index(None, "household_id"),
        Index(None, "dwelling_id"),
    )


class RentRate(Base):
    """The rent (or rent-equivalent) and its components from a date."""

    __tablename__ = "rent_rate"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("occupancy_contract.id", ondelete="CASCADE")
    )
    valid_from: Mapped[date] = mapped_column(Date)
    rent: Mapped[int] = mapped_column(MoneyType)
    charges: Mapped[int] = mapped_column(MoneyType, default=0)
    mandatory_services: Mapped[int] = mapped_column(MoneyType, default=0)
    optional_services: Mapped[int] = mapped_column(MoneyType, default=0)
    expected_benefit: Mapped[int] = mapped_column(MoneyType, default=0)
    tiers_payant: Mapped[bool] = mapped_column(Boolean, default=False)
    due_day: Mapped[int] = mapped_column(Integer, default=5)

    contract: Mapped[OccupancyContract] = relationship(back_populates="rates")

    __table_args__ = (
        UniqueConstraint("contract_id", "valid_from"),
        CheckConstraint(
            "rent >= 0 AND charges >= 0 AND mandatory_services >= 0 "
            "AND optional_services >= 0 AND expected_benefit >= 0",
            name="amounts_positive",
        ),
        CheckConstraint("due_day BETWEEN 1 AND 31", name="due_day_in_month"),
    )


class BenefitStatus(Base):
    """The state of the housing benefit of a contract from a date."""

    __tablename__ = "benefit_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("occupancy_contract.id", ondelete="CASCADE")
    )
    valid_from: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Code)

    contract: Mapped[OccupancyContract] = relationship(back_populates="benefit_statuses")

    __table_args__ = (
        UniqueConstraint("contract_id", "valid_from"),
        code_check("status", v.BENEFIT_STATUS),
    )


class SlidingPlan(Versioned, Base):
    """The convention de glissement of a sliding sublease."""

    __tablename__ = "sliding_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("occupancy_contract.id", ondelete="CASCADE"), unique=True
    )
    convention_signed_on: Mapped[date | None] = mapped_column(Date)
    review_period_months: Mapped[int] = mapped_column(Integer, default=6)
    max_months: Mapped[int] = mapped_column(Integer, default=24)
    caleol_date: Mapped[date | None] = mapped_column(Date)
    caleol_decision: Mapped[str | None] = mapped_column(String(300))
    planned_on: Mapped[date | None] = mapped_column(Date)
    slid_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Code, default="in_progress")
    failure_reason: Mapped[str | None] = mapped_column(Code)

    reviews: Mapped[list[SlidingReview]] = relationship(
        back_populates="plan", order_by="SlidingReview.review_date", cascade="all, delete-orphan"
    )

    __table_args__ = (
        code_check("outcome", v.SLIDING_OUTCOME),
        code_check("failure_reason", v.SLIDING_FAILURE_REASON, nullable=True),
        CheckConstraint("review_period_months > 0", name="review_period_positive"),
        CheckConstraint("max_months > 0", name="max_months_positive"),
        CheckConstraint("outcome <> 'slid' OR slid_on IS NOT NULL", name="slid_needs_date"),
    )


class SlidingReview(Base):
    """An examen périodique of a sliding plan."""

    __tablename__ = "sliding_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("sliding_plan.id", ondelete="CASCADE"))
    review_date: Mapped[date] = mapped_column(Date)
    participants: Mapped[str | None] = mapped_column(String(500))
    rent_paid_regularly: Mapped[bool | None] = mapped_column(Boolean)
    peaceful_occupation: Mapped[bool | None] = mapped_column(Boolean)
    tenant_obligations: Mapped[bool | None] = mapped_column(Boolean)
    administrative_autonomy: Mapped[bool | None] = mapped_column(Boolean)
    opinion: Mapped[str] = mapped_column(Code)

    plan: Mapped[SlidingPlan] = relationship(back_populates="reviews")

    __table_args__ = (code_check("opinion", v.SLIDING_OPINION),)


# ------------------------------------------------------------------ notes, parameters, audit


class Note(Versioned, Base):
    """A note in a household's file, at a confidentiality level.

    ``contact_id`` names the contact (entretien) whose notes it holds: a contact's notes are
    Notes, with their levels and rights. Removing the contact keeps the note in the file.
    """

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    written_on: Mapped[date] = mapped_column(Date)
    level: Mapped[str] = mapped_column(Code, default="shared")
    text: Mapped[str] = mapped_column(Text)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))

    __table_args__ = (
        code_check("level", v.NOTE_LEVEL),
        Index(None, "household_id"),
        Index(None, "contact_id"),
    )


class NotePerson(Base):
    """The persons a note concerns."""

    __tablename__ = "note_person"

    note_id: Mapped[int] = mapped_column(
        ForeignKey("note.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)


class Parameter(Base):
    """A parameter value from a date, for the whole association or one scope (a funder kind…).

    Plain settings use `PLAIN_SETTING_DATE` as ``valid_from``; the value is JSON text.
    """

    __tablename__ = "parameter"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(String(100), default="")
    valid_from: Mapped[date] = mapped_column(Date)
    value: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("key", "scope", "valid_from"),)


class AuditEvent(Base):
    """One entry of the security log (append-only, hash-chained; field names, never values)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str | None] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(BigInteger)
    household_id: Mapped[int | None] = mapped_column(BigInteger)
    fields: Mapped[str | None] = mapped_column(Text)
    count: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (Index(None, "at"), Index(None, "household_id"))


class AuditAnchor(Base):
    """Where a purge cut the security log: the chain resumes from ``last_hash``."""

    __tablename__ = "audit_anchor"

    id: Mapped[int] = mapped_column(primary_key=True)
    purged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    up_to_id: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    purged_count: Mapped[int] = mapped_column(Integer)


class ChangeHistory(Base):
    """Old → new value of a date, status or amount, in a household's file (never free text)."""

    __tablename__ = "change_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(String(100))
    new_value: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index(None, "household_id", "at"),)


# ------------------------------------------------------------------ documents


class DocumentContent(Base):
    """The bytes of a document, stored once per SHA-256 (identical files share one row).

    Kept in the database so a one-file backup holds them, team mode works the same and adding
    a document is atomic with its row.
    """

    __tablename__ = "document_content"

    sha256: Mapped[str] = mapped_column(CHAR(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (
        CheckConstraint("size > 0", name="size_positive"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )


class Document(Versioned, Base):
    """A file in a household's file (inventory, insurance certificate, contract, letter)."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("occupancy_contract.id"))
    dwelling_id: Mapped[int | None] = mapped_column(ForeignKey("dwelling.id"))
    kind: Mapped[str] = mapped_column(Code)
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(CHAR(64), ForeignKey("document_content.sha256"))
    size: Mapped[int] = mapped_column(Integer)
    dated_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.DOCUMENT_KIND),
        CheckConstraint("size > 0", name="size_positive"),
        after("expires_on", "dated_on"),
        Index(None, "household_id", "kind"),
        Index(None, "sha256"),
    )


# ------------------------------------------------------------------ ledger (DOMAIN §3, §4)


class BenefitBatch(Base):
    """A bordereau CAF/MSA: one transfer covering many households' housing benefit."""

    __tablename__ = "benefit_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency: Mapped[str] = mapped_column(Code)
    received_on: Mapped[date] = mapped_column(Date)
    transfer_reference: Mapped[str | None] = mapped_column(String(100))
    total: Mapped[int] = mapped_column(MoneyType)  # signed: indus and retenues are negative lines
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (code_check("agency", v.BENEFIT_AGENCY), Index(None, "received_on"))


class LedgerEntry(Base):
    """An écriture of a contract's account. Never edited nor deleted: a reversal cancels one.

    Amounts are positive, except an adjustment (positive: a charge; negative: a credit) and a
    housing-benefit line of a bordereau (negative: indu or retenue). A charge names its nature
    and its period month; ``generated`` marks the charges made by the monthly generation, unique
    per contract, month and nature (generating twice creates nothing). ``import_reference`` is
    the Référence of the import workbook's Mouvements row an entry comes from (an ``Appel`` row
    gives one entry per component): a second import of the same file finds it.
    """

    __tablename__ = "ledger_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("occupancy_contract.id"))
    posted_on: Mapped[date] = mapped_column(Date)
    period_month: Mapped[date | None] = mapped_column(Date)  # first day of the month
    kind: Mapped[str] = mapped_column(Code)
    nature: Mapped[str | None] = mapped_column(Code)
    amount: Mapped[int] = mapped_column(MoneyType)
    generated: Mapped[bool] = mapped_column(Boolean, default=False)
    payer: Mapped[str | None] = mapped_column(String(100))
    method: Mapped[str | None] = mapped_column(Code)
    reference: Mapped[str | None] = mapped_column(String(100))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("benefit_batch.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entry.id"), unique=True)
    reason: Mapped[str | None] = mapped_column(String(300))
    first_default_on: Mapped[date | None] = mapped_column(Date)
    import_reference: Mapped[str | None] = mapped_column(String(100))  # Mouvements' Référence
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.LEDGER_KIND),
        code_check("nature", v.CHARGE_NATURE, nullable=True),
        code_check("method", v.PAYMENT_METHOD, nullable=True),
        CheckConstraint(
            "amount <> 0 AND (amount > 0 OR kind IN ('adjustment', 'housing_benefit'))",
            name="amount_sign",
        ),
        CheckConstraint(
            "kind <> 'charge' OR (nature IS NOT NULL AND period_month IS NOT NULL)",
            name="charge_has_nature_and_month",
        ),
        CheckConstraint(
            "(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_links_its_entry"
        ),
        CheckConstraint(
            "kind <> 'opening_balance' OR first_default_on IS NOT NULL",
            name="opening_balance_has_first_default",
        ),
        Index(None, "contract_id", "period_month"),
        Index(None, "batch_id"),
        Index(None, "import_reference"),
        Index(
            "uq_ledger_entry_generated_charge",
            "contract_id",
            "period_month",
            "nature",
            unique=True,
            sqlite_where=text("generated"),
            postgresql_where=text("generated"),
        ),
    )


class DepositEntry(Base):
    """A movement of a contract's security deposit, kept apart from the rent account."""

    __tablename__ = "deposit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("occupancy_contract.id"))
    posted_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(Code)
    amount: Mapped[int] = mapped_column(MoneyType)
    reference: Mapped[str | None] = mapped_column(String(100))
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entry.id"))
    import_reference: Mapped[str | None] = mapped_column(String(100))  # Mouvements' Référence
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.DEPOSIT_MOVEMENT),
        CheckConstraint("amount > 0", name="amount_positive"),
        Index(None, "contract_id"),
        Index(None, "import_reference"),
    )


class ArrearsAction(Versioned, Base):
    """A dated step taken about a contract's arrears (Démarche), with its document if any."""

    __tablename__ = "arrears_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("occupancy_contract.id"))
    kind: Mapped[str] = mapped_column(Code)
    action_date: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(100))  # e.g. a judgment's decision code
    amount: Mapped[int | None] = mapped_column(MoneyType)  # an FSL amount, a plan's total
    delivered_on: Mapped[date | None] = mapped_column(Date)  # proof of delivery
    detail: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    instalments: Mapped[list[RepaymentInstalment]] = relationship(
        back_populates="action", cascade="all, delete-orphan"
    )

    __table_args__ = (
        code_check("kind", v.ARREARS_ACTION),
        after("delivered_on", "action_date"),
        Index(None, "contract_id", "action_date"),
    )


class RepaymentInstalment(Base):
    """One instalment of a repayment plan (plan d'apurement)."""

    __tablename__ = "repayment_instalment"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("arrears_action.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(MoneyType)

    action: Mapped[ArrearsAction] = relationship(back_populates="instalments")

    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        UniqueConstraint("action_id", "due_on"),
    )


class MonthClosing(Base):
    """A period month closed by rental management: no entry may be posted into it any more."""

    __tablename__ = "month_closing"

    period_month: Mapped[date] = mapped_column(Date, primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class IssuedDocument(Base):
    """A numbered document issued from the ledger (avis, quittance, reçu, invoice, statement)."""

    __tablename__ = "issued_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("occupancy_contract.id"))
    kind: Mapped[str] = mapped_column(Code)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    period_month: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)  # a statement covers a period
    amount: Mapped[int] = mapped_column(MoneyType)
    sha256: Mapped[str | None] = mapped_column(CHAR(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.ISSUED_KIND),
        Index(None, "contract_id", "period_month"),
    )


# ------------------------------------------------------------------ accompaniment (DOMAIN §2)


class SupportMeasure(Versioned, Base):
    """A mesure d'accompagnement (AVDL, ASLL, diagnostic…) of a household.

    Its planned end is ``start_date`` + ``planned_months`` + the months of the renewals
    granted; suspensions are subtracted from its active days (DOMAIN §5). It ends with an
    ``outcome`` and the housing situation at the end (``destination``, DOMAIN §6.2); a
    diagnostic ends with its ``conclusion`` instead.
    """

    __tablename__ = "support_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"))
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id"))
    kind: Mapped[str] = mapped_column(Code)
    target_public: Mapped[str | None] = mapped_column(Code)
    dalo_status: Mapped[str] = mapped_column(Code, default="non_dalo")  # at prescription
    referrer: Mapped[str | None] = mapped_column(Code)
    referrer_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    prescribed_on: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)
    contract_signed_on: Mapped[date | None] = mapped_column(Date)  # support contract signed
    planned_months: Mapped[int] = mapped_column(Integer)
    end_date: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Code)
    destination: Mapped[str | None] = mapped_column(Code)  # housing situation at the end
    conclusion: Mapped[str | None] = mapped_column(Code)  # a diagnostic's
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.MEASURE_KIND),
        code_check("target_public", v.TARGET_PUBLIC, nullable=True),
        code_check("dalo_status", v.DALO_STATUS),
        code_check("referrer", v.REFERRER, nullable=True),
        code_check("outcome", v.MEASURE_OUTCOME, nullable=True),
        code_check("destination", v.DESTINATION, nullable=True),
        code_check("conclusion", v.DIAGNOSTIC_CONCLUSION, nullable=True),
        after("end_date", "start_date"),
        CheckConstraint(
            "prescribed_on IS NULL OR prescribed_on <= start_date",
            name="prescribed_on_not_after_start_date",
        ),
        CheckConstraint("planned_months > 0", name="planned_months_positive"),
        CheckConstraint(
            "end_date IS NOT NULL OR (outcome IS NULL AND destination IS NULL "
            "AND conclusion IS NULL)",
            name="end_details_need_end",
        ),
        CheckConstraint(
            "conclusion IS NULL OR kind = 'diagnostic'", name="conclusion_only_for_diagnostic"
        ),
        CheckConstraint(
            "kind <> 'diagnostic' OR (outcome IS NULL AND destination IS NULL)",
            name="diagnostic_ends_with_conclusion",
        ),
        Index(None, "household_id"),
        Index(None, "programme_id", "start_date"),
        Index(None, "funder_id"),
    )


class MeasureRenewal(Base):
    """A renewal decision of a measure: ``months`` more when granted."""

    __tablename__ = "measure_renewal"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("support_measure.id", ondelete="CASCADE"))
    decided_on: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(Code, default="granted")

    __table_args__ = (
        code_check("decision", v.RENEWAL_DECISION),
        CheckConstraint("months > 0", name="months_positive"),
        Index(None, "measure_id"),
    )


class MeasureSuspension(Base):
    """A period a measure was suspended (``end_date`` None while it goes on)."""

    __tablename__ = "measure_suspension"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("support_measure.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (after("end_date", "start_date"), Index(None, "measure_id"))


class MeasurePhase(Base):
    """The phase of a measure from a date (vers, lors du, dans le logement)."""

    __tablename__ = "measure_phase"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("support_measure.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(Code)
    from_date: Mapped[date] = mapped_column(Date)

    __table_args__ = (
        code_check("phase", v.MEASURE_PHASE),
        UniqueConstraint("measure_id", "from_date"),
    )


class Goal(Versioned, Base):
    """An objectif of a household's support plan, its strengths (points d'appui) first."""

    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_measure.id", ondelete="SET NULL")
    )
    domain: Mapped[str] = mapped_column(Code)
    wording: Mapped[str] = mapped_column(String(500))
    strengths: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[str] = mapped_column(Text, default="")
    attention_points: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(Code, default="open")
    opened_on: Mapped[date] = mapped_column(Date)
    target_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        code_check("domain", v.GOAL_DOMAIN),
        code_check("status", v.GOAL_STATUS),
        after("target_on", "opened_on"),
        after("closed_on", "opened_on"),
        CheckConstraint("(status = 'open') = (closed_on IS NULL)", name="closed_when_not_open"),
        Index(None, "household_id"),
        Index(None, "measure_id"),
    )


class SupportReview(Versioned, Base):
    """A bilan of a measure (interim or final), its PDF kept in the household's documents."""

    __tablename__ = "support_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("support_measure.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(Code)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)  # the due date of the schedule it answers
    written_on: Mapped[date] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)  # to the funder
    shared_on: Mapped[date | None] = mapped_column(Date)  # read with the household
    next_steps: Mapped[str] = mapped_column(Text, default="")
    household_words: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        CheckConstraint("kind IN ('interim', 'final')", name="kind_code"),
        after("period_end", "period_start"),
        after("sent_on", "written_on"),
        Index(None, "measure_id", "due_on"),
    )


class Contact(Versioned, Base):
    """An entretien or contact with a household (or about it: indirect, partner)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_measure.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(Code)
    held_on: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int | None] = mapped_column(Integer)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    next_appointment_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.CONTACT_KIND),
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes_positive"),
        after("next_appointment_on", "held_on"),
        Index(None, "household_id", "held_on"),
        Index(None, "worker_id", "held_on"),
        Index(None, "next_appointment_on"),
        Index(None, "measure_id"),
    )


class ContactPerson(Base):
    """The persons present at a contact."""

    __tablename__ = "contact_person"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index(None, "person_id"),)


class ContactTheme(Base):
    """A theme of a contact, from the configurable list (parameter ``contact.themes``)."""

    __tablename__ = "contact_theme"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(100), primary_key=True)


# ------------------------------------------------------------------ pension de famille (DOMAIN §2)


class CollectiveActivity(Versioned, Base):
    """An activité collective of a residence: named attendance or a head count."""

    __tablename__ = "collective_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    residence_id: Mapped[int] = mapped_column(ForeignKey("residence.id"))
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(Code)
    title: Mapped[str] = mapped_column(String(200))
    host_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    head_count: Mapped[int | None] = mapped_column(Integer)  # instead of named attendance
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("kind", v.ACTIVITY_KIND),
        CheckConstraint("head_count IS NULL OR head_count >= 0", name="head_count_positive"),
        Index(None, "residence_id", "held_on"),
    )


class ActivityAttendance(Base):
    """A resident who took part in a collective activity."""

    __tablename__ = "activity_attendance"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("collective_activity.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index(None, "person_id"),)


class LiaisonEntry(Versioned, Base):
    """An entry of a residence's cahier de liaison between hosts (kept *(param)* months)."""

    __tablename__ = "liaison_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    residence_id: Mapped[int] = mapped_column(ForeignKey("residence.id"))
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index(None, "residence_id", "written_at"), Index(None, "written_at"))


class LiaisonTag(Base):
    """A resident an entry of the cahier de liaison is about."""

    __tablename__ = "liaison_tag"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("liaison_entry.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index(None, "person_id"),)


class ResidentAbsence(Versioned, Base):
    """A resident's absence from the residence (hospital, prison, holidays)."""

    __tablename__ = "resident_absence"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    residence_id: Mapped[int] = mapped_column(ForeignKey("residence.id"))
    kind: Mapped[str] = mapped_column(Code)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        code_check("kind", v.ABSENCE_KIND),
        after("end_date", "start_date"),
        Index(None, "residence_id", "start_date"),
        Index(None, "person_id"),
    )


class ResidentGuest(Versioned, Base):
    """A guest declared by a resident household (at most *(param, 3)* months per guest)."""

    __tablename__ = "resident_guest"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    residence_id: Mapped[int] = mapped_column(ForeignKey("residence.id"))
    guest_name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        after("end_date", "start_date"),
        Index(None, "residence_id", "start_date"),
        Index(None, "household_id"),
    )


# ------------------------------------------------------------------ agenda (DOMAIN §7)


class Todo(Versioned, Base):
    """A manual to-do (À faire), for a household or not, assigned to a user or not."""

    __tablename__ = "todo"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(500))
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    done_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        CheckConstraint("length(text) > 0", name="text_not_empty"),
        Index(None, "assigned_to", "due_on"),
        Index(None, "household_id"),
        Index(None, "due_on"),
    )


# ------------------------------------------------------------------ admissions and rehousing


class Candidature(Versioned, Base):
    """An SIAO orientation or another request for a programme, a dwelling or a place.

    Its steps (interview, visit, committee) are `CandidatureStep` rows; the decision comes
    with its date and, for a refusal or no follow-up, a reason (DOMAIN §6.6). An admitted
    candidature opens the stay (``stay_id``). ``siao_answered_on``: the day the SIAO was
    answered (the reminder of DOMAIN §7 runs from ``oriented_on`` until a decision).
    """

    __tablename__ = "candidature"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"))
    dwelling_id: Mapped[int | None] = mapped_column(ForeignKey("dwelling.id"))
    residence_id: Mapped[int | None] = mapped_column(ForeignKey("residence.id"))
    siao_reference: Mapped[str | None] = mapped_column(String(50))
    oriented_on: Mapped[date] = mapped_column(Date)
    referrer: Mapped[str | None] = mapped_column(Code)
    referrer_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    entry_situation: Mapped[str | None] = mapped_column(Code)
    dalo_status: Mapped[str] = mapped_column(Code, default="non_dalo")
    decision: Mapped[str | None] = mapped_column(Code)
    decided_on: Mapped[date | None] = mapped_column(Date)
    refusal_reason: Mapped[str | None] = mapped_column(Code)
    decision_note: Mapped[str | None] = mapped_column(Text)
    siao_answered_on: Mapped[date | None] = mapped_column(Date)
    stay_id: Mapped[int | None] = mapped_column(ForeignKey("stay.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("referrer", v.REFERRER, nullable=True),
        code_check("entry_situation", v.ENTRY_SITUATION, nullable=True),
        code_check("dalo_status", v.DALO_STATUS),
        code_check("decision", v.CANDIDATURE_DECISION, nullable=True),
        code_check("refusal_reason", v.REFUSAL_REASON, nullable=True),
        after("decided_on", "oriented_on"),
        after("siao_answered_on", "oriented_on"),
        CheckConstraint("(decision IS NULL) = (decided_on IS NULL)", name="decision_with_its_date"),
        CheckConstraint(
            "refusal_reason IS NULL OR (decision IS NOT NULL AND decision <> 'admitted')",
            name="reason_only_for_refusal",
        ),
        Index(None, "programme_id", "oriented_on"),
        Index(None, "household_id"),
        Index(None, "decision"),
    )


class CandidatureStep(Base):
    """A step of a candidature: an interview, a visit of the dwelling, the committee."""

    __tablename__ = "candidature_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidature_id: Mapped[int] = mapped_column(ForeignKey("candidature.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(Code)
    held_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (code_check("kind", v.CANDIDATURE_STEP), Index(None, "candidature_id"))


class HousingApplication(Versioned, Base):
    """A household's social-housing application (demande de logement social) and its DALO.

    ``renewal_due_on``: the day it lapses unless renewed (a year after filing or the last
    renewal). DALO: the COMED's decision date, whether the priority (PU) was recognised, the
    appeal; the préfet's time limit runs from the decision (*param*).
    """

    __tablename__ = "housing_application"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(40))
    filed_on: Mapped[date] = mapped_column(Date)
    renewed_on: Mapped[date | None] = mapped_column(Date)
    renewal_due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Code, default="active")
    dalo_filed_on: Mapped[date | None] = mapped_column(Date)
    comed_decision_on: Mapped[date | None] = mapped_column(Date)
    dalo_recognised: Mapped[bool | None] = mapped_column(Boolean)
    dalo_appeal_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        code_check("status", v.APPLICATION_STATUS),
        UniqueConstraint("number"),
        after("renewed_on", "filed_on"),
        after("renewal_due_on", "filed_on"),
        CheckConstraint("length(number) > 0", name="number_not_empty"),
        CheckConstraint(
            "dalo_recognised IS NULL OR comed_decision_on IS NOT NULL",
            name="recognition_needs_decision",
        ),
        Index(None, "household_id"),
    )


class HousingOffer(Versioned, Base):
    """A housing offer made to a household and its outcome."""

    __tablename__ = "housing_offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("housing_application.id", ondelete="SET NULL")
    )
    offered_on: Mapped[date] = mapped_column(Date)
    landlord: Mapped[str] = mapped_column(String(200))
    commune: Mapped[str] = mapped_column(String(100))
    typology: Mapped[str | None] = mapped_column(Code)
    rent: Mapped[int | None] = mapped_column(MoneyType)
    outcome: Mapped[str | None] = mapped_column(Code)
    outcome_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        code_check("typology", v.TYPOLOGY, nullable=True),
        code_check("outcome", v.OFFER_OUTCOME, nullable=True),
        after("outcome_on", "offered_on"),
        CheckConstraint("(outcome IS NULL) = (outcome_on IS NULL)", name="outcome_with_its_date"),
        CheckConstraint("rent IS NULL OR rent >= 0", name="rent_not_negative"),
        Index(None, "household_id"),
    )


class Rehousing(Versioned, Base):
    """A household rehoused: a lease in its own name signed with a landlord of a sector.

    It ends the stay (``stay_id``) or measure (``measure_id``) with its destination, or, with
    ``support_continues``, moves the AVDL measure from "vers" to "dans le logement".
    """

    __tablename__ = "rehousing"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"))
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("housing_offer.id", ondelete="SET NULL")
    )
    signed_on: Mapped[date] = mapped_column(Date)
    landlord: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(Code)
    commune: Mapped[str | None] = mapped_column(String(100))
    destination: Mapped[str] = mapped_column(Code)
    stay_id: Mapped[int | None] = mapped_column(ForeignKey("stay.id", ondelete="SET NULL"))
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_measure.id", ondelete="SET NULL")
    )
    support_continues: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    __table_args__ = (
        code_check("sector", v.SECTOR),
        code_check("destination", v.DESTINATION),
        Index(None, "household_id"),
        Index(None, "signed_on"),
    )


# ------------------------------------------------------------------ returns (issue 10)


class StaffPeriod(Base):
    """Staff assigned to a programme, in full-time equivalents, dated (DOMAIN §2 StaffPeriod).

    ``fte_hundredths`` holds the FTE × 100 (0,8 ETP = 80), so sums stay exact.
    """

    __tablename__ = "staff_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(100))
    fte_hundredths: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("fte_hundredths > 0", name="fte_positive"),
        after("end_date", "start_date"),
        Index(None, "programme_id"),
    )


class ReportRun(Base):
    """An édition of a return or a funder's grid: options, author, findings, figures.

    ``figures`` is the JSON object code → value (as text, exact); ``households`` the
    zlib-compressed JSON object code → household ids behind it (DOMAIN §5.8: they stay inside
    Seuil). A frozen run keeps its files (`ReportRunFile`) and is never recomputed.
    """

    __tablename__ = "report_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(Code)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id"))
    options: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    findings: Mapped[str] = mapped_column(Text, default="[]")
    figures: Mapped[str] = mapped_column(Text, default="{}")
    households: Mapped[bytes] = mapped_column(LargeBinary)
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    frozen_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    files: Mapped[list[ReportRunFile]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="ReportRunFile.name"
    )

    __table_args__ = (
        code_check("kind", v.REPORT_KIND),
        after("period_end", "period_start"),
        Index(None, "kind", "period_start", "period_end"),
    )


class ReportRunFile(Base):
    """A file a report run produced (kept when the run is frozen), its bytes by SHA-256."""

    __tablename__ = "report_run_file"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("report_run.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(CHAR(64), ForeignKey("document_content.sha256"))
    size: Mapped[int] = mapped_column(Integer)

    run: Mapped[ReportRun] = relationship(back_populates="files")

    __table_args__ = (CheckConstraint("size > 0", name="size_positive"),)


# ------------------------------------------------------------------ funder grids (issue 11)


class FunderGrid(Base):
    """A funder's own Excel grid (« grille d'un financeur »), kept with its versions.

    Funders change their grid from one convention to the next: a new file under the same name
    is a new `FunderGridVersion`, the older ones stay (a past run names the version it filled).
    """

    __tablename__ = "funder_grid"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    versions: Mapped[list[FunderGridVersion]] = relationship(
        back_populates="grid", cascade="all, delete-orphan", order_by="FunderGridVersion.version"
    )


class FunderGridVersion(Base):
    """One file of a funder's grid, its bytes stored once per SHA-256 in ``document_content``."""

    __tablename__ = "funder_grid_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("funder_grid.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(CHAR(64), ForeignKey("document_content.sha256"))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    grid: Mapped[FunderGrid] = relationship(back_populates="versions")

    __table_args__ = (
        UniqueConstraint("grid_id", "version"),
        CheckConstraint("version > 0", name="version_positive"),
        CheckConstraint("size > 0", name="size_positive"),
    )
